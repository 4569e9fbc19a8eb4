import { DAY_MS, HOUR_MS } from "../../domain/budgets.js";
import type { BudgetName, PlannedSpend } from "./budget-plan.js";

const WINDOW_MS: Record<BudgetName, number> = {
  user_numbers_per_day: DAY_MS,
  user_sms_per_hour: HOUR_MS,
  ip_sms_per_hour: HOUR_MS,
  tenant_sms_per_hour: HOUR_MS,
  tenant_sms_per_day: DAY_MS,
  tenant_spend_per_day: DAY_MS,
  country_sms_per_hour: HOUR_MS,
  range_sms_per_hour: HOUR_MS,
  prefix_sms_per_hour: HOUR_MS,
  service_sms_per_hour: HOUR_MS,
  service_sms_per_day: DAY_MS,
  service_spend_per_day: DAY_MS,
};

/** When the refusing budget's window ends: a retry before then is refused again. */
export function budgetRetryAt(spent: PlannedSpend): number {
  return spent.entry.windowStart + WINDOW_MS[spent.name];
}

/**
 * What the caller is told. Budgets about others (the tenant, the service, a country) say that
 * sending is limited for now without saying whose traffic spent them.
 */
export function budgetMessage(spent: PlannedSpend): string {
  const { subject } = spent;
  switch (spent.name) {
    case "user_numbers_per_day":
      return `This user has added as many phone numbers today as allowed (${spent.entry.cap}): try again tomorrow.`;
    case "user_sms_per_hour":
      return `This user has been sent as many codes this hour as allowed (${spent.entry.cap}): wait before asking again.`;
    case "ip_sms_per_hour":
      return "Too many codes were sent for requests from this network address this hour: wait before asking again.";
    case "country_sms_per_hour":
      return `Too many codes were sent to numbers in ${subject} this hour: wait before asking again.`;
    case "range_sms_per_hour":
    case "prefix_sms_per_hour":
      return `Too many codes were sent to numbers in ${subject} this hour: wait before asking again.`;
    case "tenant_sms_per_hour":
    case "service_sms_per_hour":
      return "The service's SMS budget for this hour is spent: try again later.";
    case "tenant_sms_per_day":
    case "tenant_spend_per_day":
    case "service_sms_per_day":
    case "service_spend_per_day":
      return "The service's SMS budget for today is spent: try again tomorrow.";
  }
}
