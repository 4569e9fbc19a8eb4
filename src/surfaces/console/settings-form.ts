import { HandsetError } from "../../domain/errors.js";
import type { EffectiveTenantSettings } from "../../domain/tenant-settings.js";

/** The scalar budgets the settings form shows, in the settings API's names. */
export const BUDGET_FIELDS = [
  { key: "user_numbers_per_day", label: "Numbers per user per day" },
  { key: "user_sms_per_hour", label: "SMS per user per hour" },
  { key: "ip_sms_per_hour", label: "SMS per client IP per hour" },
  { key: "tenant_sms_per_hour", label: "SMS per hour (tenant)" },
  { key: "tenant_sms_per_day", label: "SMS per day (tenant)" },
  { key: "tenant_spend_per_day", label: "Spend per day, USD (tenant)" },
  { key: "country_sms_per_hour", label: "SMS per country per hour" },
  { key: "range_sms_per_hour", label: "SMS per number range per hour" },
] as const;

type FormBody = Record<string, string | string[] | undefined>;

const regionsOf = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value.join(" ") : (value ?? ""))
    .split(/[\s,;]+/)
    .filter((r) => r.length > 0)
    .map((r) => r.toUpperCase());

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function invalid(path: string, message: string): HandsetError {
  return new HandsetError("INVALID_REQUEST", `Invalid settings: ${path}: ${message}.`, {
    fields: [{ path, message }],
  });
}

/**
 * The settings form as a settings change (the API's patch): regions and number types as given, and
 * only the budgets whose figure differs from the one in force, so saving an untouched form writes
 * no budget of its own. The service validates the patch; here only the form's own syntax is checked.
 */
export function settingsPatchOfForm(
  body: FormBody,
  current: EffectiveTenantSettings,
): Record<string, unknown> {
  const inForce = current.budgets as Record<string, unknown>;
  const budgets: Record<string, unknown> = {};
  for (const { key } of BUDGET_FIELDS) {
    const raw = body[`budget_${key}`];
    if (raw === undefined || Array.isArray(raw)) continue;
    const text = raw.trim();
    const value = text === "" ? null : Number(text);
    if (value !== null && (!Number.isFinite(value) || value < 0))
      throw invalid(`budgets.${key}`, "a number, 0 or more");
    if (value !== inForce[key]) budgets[key] = value;
  }
  const countriesText = body.budget_countries;
  if (typeof countriesText === "string" && countriesText.trim() !== "") {
    let countries: unknown;
    try {
      countries = JSON.parse(countriesText);
    } catch {
      throw invalid("budgets.countries", 'a JSON object such as {"NG": 10}');
    }
    if (JSON.stringify(countries) !== JSON.stringify(current.budgets.countries))
      budgets.countries = countries;
  }
  return {
    regions: {
      allowed: regionsOf(body.regions_allowed),
      denied: regionsOf(body.regions_denied),
      allow_high_risk: regionsOf(body.regions_allow_high_risk),
    },
    number_types: { allow: asList(body.number_types_allow) },
    ...(Object.keys(budgets).length > 0 ? { budgets } : {}),
  };
}
