import { z } from "zod";

/**
 * The budgets every SMS passes (DESIGN.md, "Wallet defence"), beside the per-number limits of the OTP
 * policy. Each counts in fixed UTC windows (an hour, a day), so a budget says "at most N in this
 * clock hour" and a refusal knows exactly when it ends; at a window's edge up to twice a budget can
 * go out within a short time, which is the price of an exact count across processes with one row per
 * window. `null` turns a budget off. The defaults stop one credential (or one address, or one number
 * range) from pumping SMS, and stay clear of a normal user: docs/fraud-guard.md explains each.
 */
export interface TenantBudgets {
  /** Numbers added to one user in a day (a number removed and added again counts again). */
  userNumbersPerDay: number | null;
  /** SMS to all of one user's numbers in an hour. */
  userSmsPerHour: number | null;
  /** SMS caused from one client IP address (an IPv6 /64) in an hour. */
  ipSmsPerHour: number | null;
  tenantSmsPerHour: number | null;
  tenantSmsPerDay: number | null;
  /** What the tenant's SMS may cost in a day, in US dollars at the price table's prices. */
  tenantSpendPerDay: number | null;
  /** SMS to one destination country in an hour, for countries without their own figure. */
  countrySmsPerHour: number | null;
  /** Per-country figures (ISO region → SMS per hour), replacing `countrySmsPerHour` for that country. */
  countries: Readonly<Record<string, number | null>>;
  /** SMS to one range of 1,000 consecutive numbers (the E.164 number but its last 3 digits) in an hour. */
  rangeSmsPerHour: number | null;
  /** Operator-chosen prefixes (`+4470`) with their own hourly figure, counted apart from the above. */
  prefixes: readonly PrefixBudget[];
}

export interface PrefixBudget {
  prefix: string;
  smsPerHour: number;
}

/** The budgets of the whole service, all tenants together: set by the operator only. */
export interface ServiceBudgets {
  smsPerHour: number | null;
  smsPerDay: number | null;
  spendPerDay: number | null;
}

export const DEFAULT_TENANT_BUDGETS: TenantBudgets = {
  userNumbersPerDay: 5,
  userSmsPerHour: 10,
  ipSmsPerHour: 20,
  tenantSmsPerHour: 1_000,
  tenantSmsPerDay: 10_000,
  tenantSpendPerDay: 200,
  countrySmsPerHour: 500,
  countries: {},
  rangeSmsPerHour: 10,
  prefixes: [],
};

export const DEFAULT_SERVICE_BUDGETS: ServiceBudgets = {
  smsPerHour: 2_000,
  smsPerDay: 20_000,
  spendPerDay: 500,
};

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** The start of the fixed UTC window `now` falls in. */
export function windowStart(now: number, windowMs: number): number {
  return Math.floor(now / windowMs) * windowMs;
}

const limit = z.number().int().min(0).max(1_000_000_000).nullable();
const dollars = z.number().min(0).max(10_000_000).nullable();
const region = z.string().regex(/^[A-Z]{2}$/, "an upper-case ISO 3166-1 alpha-2 region");
const prefix = z.string().regex(/^\+[1-9]\d{0,13}$/, "a + and 1 to 14 digits, e.g. +4470");

/**
 * A tenant's own budgets, as the settings API takes them (snake_case): each key replaces the
 * service's default for that tenant; absent keys keep it.
 */
export const TenantBudgetsSchema = z
  .object({
    user_numbers_per_day: limit,
    user_sms_per_hour: limit,
    ip_sms_per_hour: limit,
    tenant_sms_per_hour: limit,
    tenant_sms_per_day: limit,
    tenant_spend_per_day: dollars,
    country_sms_per_hour: limit,
    countries: z.record(region, limit),
    range_sms_per_hour: limit,
    prefixes: z.array(z.object({ prefix, sms_per_hour: z.number().int().min(0) }).strict()).max(100),
  })
  .strict()
  .partial();

export type TenantBudgetsInput = z.infer<typeof TenantBudgetsSchema>;

/** The service's defaults with a tenant's own figures over them. */
export function tenantBudgets(defaults: TenantBudgets, own: TenantBudgetsInput | undefined): TenantBudgets {
  if (!own) return defaults;
  const pick = <K extends keyof TenantBudgetsInput>(key: K, fallback: number | null) =>
    own[key] === undefined ? fallback : (own[key] as number | null);
  return {
    userNumbersPerDay: pick("user_numbers_per_day", defaults.userNumbersPerDay),
    userSmsPerHour: pick("user_sms_per_hour", defaults.userSmsPerHour),
    ipSmsPerHour: pick("ip_sms_per_hour", defaults.ipSmsPerHour),
    tenantSmsPerHour: pick("tenant_sms_per_hour", defaults.tenantSmsPerHour),
    tenantSmsPerDay: pick("tenant_sms_per_day", defaults.tenantSmsPerDay),
    tenantSpendPerDay: pick("tenant_spend_per_day", defaults.tenantSpendPerDay),
    countrySmsPerHour: pick("country_sms_per_hour", defaults.countrySmsPerHour),
    countries: { ...defaults.countries, ...(own.countries ?? {}) },
    rangeSmsPerHour: pick("range_sms_per_hour", defaults.rangeSmsPerHour),
    prefixes: own.prefixes
      ? own.prefixes.map((p) => ({ prefix: p.prefix, smsPerHour: p.sms_per_hour }))
      : defaults.prefixes,
  };
}

/** The budgets as the settings API shows them (snake_case), every key present. */
export function tenantBudgetsOut(budgets: TenantBudgets): Required<TenantBudgetsInput> {
  return {
    user_numbers_per_day: budgets.userNumbersPerDay,
    user_sms_per_hour: budgets.userSmsPerHour,
    ip_sms_per_hour: budgets.ipSmsPerHour,
    tenant_sms_per_hour: budgets.tenantSmsPerHour,
    tenant_sms_per_day: budgets.tenantSmsPerDay,
    tenant_spend_per_day: budgets.tenantSpendPerDay,
    country_sms_per_hour: budgets.countrySmsPerHour,
    countries: { ...budgets.countries },
    range_sms_per_hour: budgets.rangeSmsPerHour,
    prefixes: budgets.prefixes.map((p) => ({ prefix: p.prefix, sms_per_hour: p.smsPerHour })),
  };
}
