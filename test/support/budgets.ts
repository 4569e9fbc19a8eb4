/**
 * Settings that turn off the budgets nearest one caller (per user, client IP, number range and
 * country) and the conversion guard, for tests about something else that drive one user or one
 * address much harder than a person would, and send codes nobody verifies: concurrency races,
 * dispatch, throughput. The guards' own tests use the defaults.
 */
export const RELAXED_BUDGETS: Readonly<Record<string, string>> = {
  HANDSET_BUDGET_USER_NUMBERS_PER_DAY: "off",
  HANDSET_BUDGET_USER_SMS_PER_HOUR: "off",
  HANDSET_BUDGET_IP_SMS_PER_HOUR: "off",
  HANDSET_BUDGET_RANGE_SMS_PER_HOUR: "off",
  HANDSET_BUDGET_COUNTRY_SMS_PER_HOUR: "off",
  HANDSET_CONVERSION_GUARD: "off",
};

/**
 * Every budget off, for the tests of another guard that must be what stops the traffic (each budget
 * is tested alone in test/guard/), and for statement counts that compare a guard on and off.
 */
export const NO_BUDGETS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    "USER_NUMBERS_PER_DAY",
    "USER_SMS_PER_HOUR",
    "IP_SMS_PER_HOUR",
    "RANGE_SMS_PER_HOUR",
    "COUNTRY_SMS_PER_HOUR",
    "TENANT_SMS_PER_HOUR",
    "TENANT_SMS_PER_DAY",
    "TENANT_SPEND_PER_DAY",
    "SERVICE_SMS_PER_HOUR",
    "SERVICE_SMS_PER_DAY",
    "SERVICE_SPEND_PER_DAY",
  ].map((name) => [`HANDSET_BUDGET_${name}`, "off"]),
);
