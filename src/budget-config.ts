import { z } from "zod";
import {
  DEFAULT_SERVICE_BUDGETS,
  DEFAULT_TENANT_BUDGETS,
  type PrefixBudget,
  type ServiceBudgets,
  type TenantBudgets,
} from "./domain/budgets.js";
import { DEFAULT_SMS_PRICES, type SmsPrices } from "./domain/sms-prices.js";

/** The budgets' settings (docs/fraud-guard.md): service-wide figures and every tenant's defaults. */
export interface BudgetConfig {
  tenant: TenantBudgets;
  service: ServiceBudgets;
  prices: SmsPrices;
}

/** A count, or `off`. */
const limit = z
  .string()
  .trim()
  .regex(/^(off|\d{1,10})$/, "a whole number, or off")
  .transform((v) => (v === "off" ? null : Number(v)));
const dollars = z
  .string()
  .trim()
  .regex(/^(off|\d{1,8}(\.\d{1,6})?)$/, "an amount in US dollars like 250 or 12.5, or off")
  .transform((v) => (v === "off" ? null : Number(v)));

function pairs<V>(value: string, key: RegExp, parse: (raw: string) => V | undefined): [string, V][] | null {
  const out: [string, V][] = [];
  for (const item of value.split(",").map((p) => p.trim())) {
    if (item === "") continue;
    const [k, v, ...rest] = item.split("=");
    const parsed = v === undefined ? undefined : parse(v.trim());
    if (k === undefined || rest.length > 0 || !key.test(k.trim()) || parsed === undefined) return null;
    out.push([k.trim().toUpperCase(), parsed]);
  }
  return out;
}

/** `NG=20,GB=off`: per-country SMS per hour. */
const countries = z.string().transform((v, ctx) => {
  const found = pairs(v, /^[A-Za-z]{2}$/, (raw) =>
    raw === "off" ? null : /^\d{1,10}$/.test(raw) ? Number(raw) : undefined,
  );
  if (found === null) {
    ctx.addIssue({ code: "custom", message: "pairs like NG=20,GB=off (ISO region = SMS per hour)" });
    return z.NEVER;
  }
  return Object.fromEntries(found) as Record<string, number | null>;
});

/** `+4470=5,+88216=0`: prefixes with their own SMS per hour. */
const prefixes = z.string().transform((v, ctx): PrefixBudget[] => {
  const out: PrefixBudget[] = [];
  for (const item of v.split(",").map((p) => p.trim())) {
    if (item === "") continue;
    const match = /^(\+[1-9]\d{0,13})=(\d{1,10})$/.exec(item);
    if (!match?.[1] || !match[2]) {
      ctx.addIssue({ code: "custom", message: "pairs like +4470=5 (prefix = SMS per hour)" });
      return z.NEVER;
    }
    out.push({ prefix: match[1], smsPerHour: Number(match[2]) });
  }
  return out;
});

/** `US=0.0083,NG=0.35,*=0.1`: dollars per SMS segment; `*` for every other country. */
const prices = z.string().transform((v, ctx): SmsPrices => {
  const found = pairs(v, /^([A-Za-z]{2}|\*)$/, (raw) =>
    /^\d{1,4}(\.\d{1,6})?$/.test(raw) ? Number(raw) : undefined,
  );
  if (found === null) {
    ctx.addIssue({
      code: "custom",
      message: "pairs like US=0.0083,*=0.1 (ISO region or * = dollars per segment)",
    });
    return z.NEVER;
  }
  const byRegion: Record<string, number> = { ...DEFAULT_SMS_PRICES.byRegion };
  let fallback = DEFAULT_SMS_PRICES.fallback;
  for (const [region, price] of found) {
    if (region === "*") fallback = price;
    else byRegion[region] = price;
  }
  return { byRegion, fallback };
});

const T = DEFAULT_TENANT_BUDGETS;
const S = DEFAULT_SERVICE_BUDGETS;

const BudgetEnvSchema = z.object({
  HANDSET_BUDGET_USER_NUMBERS_PER_DAY: limit.default(T.userNumbersPerDay),
  HANDSET_BUDGET_USER_SMS_PER_HOUR: limit.default(T.userSmsPerHour),
  HANDSET_BUDGET_IP_SMS_PER_HOUR: limit.default(T.ipSmsPerHour),
  HANDSET_BUDGET_TENANT_SMS_PER_HOUR: limit.default(T.tenantSmsPerHour),
  HANDSET_BUDGET_TENANT_SMS_PER_DAY: limit.default(T.tenantSmsPerDay),
  HANDSET_BUDGET_TENANT_SPEND_PER_DAY: dollars.default(T.tenantSpendPerDay),
  HANDSET_BUDGET_COUNTRY_SMS_PER_HOUR: limit.default(T.countrySmsPerHour),
  HANDSET_BUDGET_COUNTRIES: countries.default({}),
  HANDSET_BUDGET_RANGE_SMS_PER_HOUR: limit.default(T.rangeSmsPerHour),
  HANDSET_BUDGET_PREFIXES: prefixes.default([]),
  HANDSET_BUDGET_SERVICE_SMS_PER_HOUR: limit.default(S.smsPerHour),
  HANDSET_BUDGET_SERVICE_SMS_PER_DAY: limit.default(S.smsPerDay),
  HANDSET_BUDGET_SERVICE_SPEND_PER_DAY: dollars.default(S.spendPerDay),
  HANDSET_SMS_PRICES: prices.default(DEFAULT_SMS_PRICES),
});

/** Reads the budgets' variables; problems are pushed by variable name, as `loadConfig` reports them. */
export function loadBudgetConfig(
  env: Record<string, string | undefined>,
  problems: string[],
): BudgetConfig | undefined {
  const result = BudgetEnvSchema.safeParse(env);
  if (!result.success) {
    for (const i of result.error.issues) problems.push(`${i.path.join(".")}: ${i.message}`);
    return undefined;
  }
  const c = result.data;
  return {
    tenant: {
      userNumbersPerDay: c.HANDSET_BUDGET_USER_NUMBERS_PER_DAY,
      userSmsPerHour: c.HANDSET_BUDGET_USER_SMS_PER_HOUR,
      ipSmsPerHour: c.HANDSET_BUDGET_IP_SMS_PER_HOUR,
      tenantSmsPerHour: c.HANDSET_BUDGET_TENANT_SMS_PER_HOUR,
      tenantSmsPerDay: c.HANDSET_BUDGET_TENANT_SMS_PER_DAY,
      tenantSpendPerDay: c.HANDSET_BUDGET_TENANT_SPEND_PER_DAY,
      countrySmsPerHour: c.HANDSET_BUDGET_COUNTRY_SMS_PER_HOUR,
      countries: c.HANDSET_BUDGET_COUNTRIES,
      rangeSmsPerHour: c.HANDSET_BUDGET_RANGE_SMS_PER_HOUR,
      prefixes: c.HANDSET_BUDGET_PREFIXES,
    },
    service: {
      smsPerHour: c.HANDSET_BUDGET_SERVICE_SMS_PER_HOUR,
      smsPerDay: c.HANDSET_BUDGET_SERVICE_SMS_PER_DAY,
      spendPerDay: c.HANDSET_BUDGET_SERVICE_SPEND_PER_DAY,
    },
    prices: c.HANDSET_SMS_PRICES,
  };
}
