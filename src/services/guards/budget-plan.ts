import ipaddr from "ipaddr.js";
import {
  DAY_MS,
  HOUR_MS,
  type ServiceBudgets,
  type TenantBudgets,
  windowStart,
} from "../../domain/budgets.js";
import { numberRangeOf } from "../../domain/number-range.js";
import { microDollarsFor, type SmsPrices } from "../../domain/sms-prices.js";
import type { LedgerEntry } from "../../store/budget-ledger.js";

/** Every budget by the name refusals, events and metrics give it. */
export type BudgetName =
  | "user_numbers_per_day"
  | "user_sms_per_hour"
  | "ip_sms_per_hour"
  | "tenant_sms_per_hour"
  | "tenant_sms_per_day"
  | "tenant_spend_per_day"
  | "country_sms_per_hour"
  | "range_sms_per_hour"
  | "prefix_sms_per_hour"
  | "service_sms_per_hour"
  | "service_sms_per_day"
  | "service_spend_per_day";

/** One budget an action spends from: its ledger entry, and what a refusal says about it. */
export interface PlannedSpend {
  name: BudgetName;
  /** What the budget is about, for the refusal's message and event (a country, a range, a prefix). */
  subject: string;
  entry: LedgerEntry;
}

/** The SMS about to be queued, as the budgets see it. */
export interface SmsSpend {
  tenantId: string;
  /** Null for a bare number (docs/verifications.md): no user's budget applies. */
  userId: string | null;
  e164: string;
  region: string | null;
  /** The end user's address, when known (see `Caller.clientIp`). */
  clientIp: string | null;
  segments: number;
  now: number;
}

/** Windows are kept a day past their end: the settings API shows the current ones. */
const KEEP_MS = DAY_MS;

function spend(
  name: BudgetName,
  subject: string,
  key: string,
  cap: number | null,
  windowMs: number,
  amount: number,
  now: number,
): PlannedSpend[] {
  if (cap === null) return [];
  return [
    {
      name,
      subject,
      entry: {
        scope: `${name}|${key}`,
        windowStart: windowStart(now, windowMs),
        keepMs: windowMs + KEEP_MS,
        amount,
        cap,
      },
    },
  ];
}

/**
 * The per-IP budget counts an IPv4 address alone and an IPv6 address by its /64, the block one
 * subscriber (and so one attacker) holds; an IPv4 address mapped into IPv6 counts as IPv4.
 */
export function ipBudgetSubject(ip: string): string | null {
  if (!ipaddr.isValid(ip)) return null;
  const parsed = ipaddr.process(ip);
  if (parsed.kind() === "ipv4") return parsed.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`).toString()}/64`;
}

/** Every budget one SMS spends from, with the amounts: one count each, and the spend in micro-dollars. */
export function planSmsSpend(
  sms: SmsSpend,
  tenant: TenantBudgets,
  service: ServiceBudgets,
  prices: SmsPrices,
): PlannedSpend[] {
  const { tenantId: t, now } = sms;
  const cost = microDollarsFor(prices, sms.region, sms.segments);
  const micro = (dollars: number | null) => (dollars === null ? null : Math.round(dollars * 1_000_000));
  const ip = sms.clientIp === null ? null : ipBudgetSubject(sms.clientIp);
  const countryCap =
    sms.region !== null && sms.region in tenant.countries
      ? (tenant.countries[sms.region] ?? null)
      : tenant.countrySmsPerHour;
  const range = numberRangeOf(sms.e164);
  const prefixes = tenant.prefixes.filter((p) => sms.e164.startsWith(p.prefix));
  return [
    ...(sms.userId === null
      ? []
      : spend("user_sms_per_hour", sms.userId, `${t}|${sms.userId}`, tenant.userSmsPerHour, HOUR_MS, 1, now)),
    ...(ip === null ? [] : spend("ip_sms_per_hour", ip, `${t}|${ip}`, tenant.ipSmsPerHour, HOUR_MS, 1, now)),
    ...spend("tenant_sms_per_hour", t, t, tenant.tenantSmsPerHour, HOUR_MS, 1, now),
    ...spend("tenant_sms_per_day", t, t, tenant.tenantSmsPerDay, DAY_MS, 1, now),
    ...spend("tenant_spend_per_day", t, t, micro(tenant.tenantSpendPerDay), DAY_MS, cost, now),
    ...spend(
      "country_sms_per_hour",
      sms.region ?? "an unknown country",
      `${t}|${sms.region ?? "??"}`,
      countryCap,
      HOUR_MS,
      1,
      now,
    ),
    ...spend("range_sms_per_hour", range, `${t}|${range}`, tenant.rangeSmsPerHour, HOUR_MS, 1, now),
    ...prefixes.flatMap((p) =>
      spend("prefix_sms_per_hour", p.prefix, `${t}|${p.prefix}`, p.smsPerHour, HOUR_MS, 1, now),
    ),
    ...spend("service_sms_per_hour", "*", "*", service.smsPerHour, HOUR_MS, 1, now),
    ...spend("service_sms_per_day", "*", "*", service.smsPerDay, DAY_MS, 1, now),
    ...spend("service_spend_per_day", "*", "*", micro(service.spendPerDay), DAY_MS, cost, now),
  ];
}

/** The budget a number added to a user spends from. */
export function planNumberAdded(
  tenantId: string,
  userId: string,
  tenant: TenantBudgets,
  now: number,
): PlannedSpend[] {
  return spend(
    "user_numbers_per_day",
    userId,
    `${tenantId}|${userId}`,
    tenant.userNumbersPerDay,
    DAY_MS,
    1,
    now,
  );
}
