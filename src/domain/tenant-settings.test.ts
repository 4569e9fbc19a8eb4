import { describe, expect, it } from "vitest";
import { DEFAULT_TENANT_BUDGETS } from "./budgets.js";
import { HandsetError } from "./errors.js";
import {
  EMPTY_TENANT_SETTINGS,
  effectiveTenantSettings,
  mergeTenantSettings,
  readTenantSettings,
  settingsChanges,
  tenantSettingsColumns,
} from "./tenant-settings.js";

function refusal(input: unknown): HandsetError {
  try {
    mergeTenantSettings(EMPTY_TENANT_SETTINGS, input);
  } catch (error) {
    if (error instanceof HandsetError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be refused`);
}

describe("tenant settings", () => {
  it("merge section by section, key by key, and a null section goes back to the defaults", () => {
    const first = mergeTenantSettings(EMPTY_TENANT_SETTINGS, {
      regions: { allowed: ["US", "CA", "US"] },
      budgets: { user_sms_per_hour: 5 },
    });
    expect(first.regions).toEqual({ allowed: ["US", "CA"], denied: [], allow_high_risk: [] });
    const second = mergeTenantSettings(first, {
      regions: { denied: ["FR"] },
      number_types: { allow: ["PERSONAL_NUMBER"] },
      budgets: { ip_sms_per_hour: null },
    });
    expect(second).toEqual({
      regions: { allowed: ["US", "CA"], denied: ["FR"], allow_high_risk: [] },
      number_types: { allow: ["PERSONAL_NUMBER"] },
      budgets: { user_sms_per_hour: 5, ip_sms_per_hour: null },
    });
    expect(mergeTenantSettings(second, { regions: null, budgets: null })).toEqual({
      ...EMPTY_TENANT_SETTINGS,
      number_types: { allow: ["PERSONAL_NUMBER"] },
    });
  });

  it("name each changed setting with its old and new value", () => {
    const after = mergeTenantSettings(EMPTY_TENANT_SETTINGS, {
      regions: { allow_high_risk: ["UZ"] },
      budgets: { user_sms_per_hour: 2 },
    });
    expect(settingsChanges(EMPTY_TENANT_SETTINGS, after)).toEqual({
      "regions.allow_high_risk": { from: [], to: ["UZ"] },
      "budgets.user_sms_per_hour": { from: null, to: 2 },
    });
    expect(settingsChanges(after, after)).toEqual({});
  });

  it.each([
    [{ regions: { allowed: ["ZZ"] } }, "regions.allowed.0"],
    [{ regions: { allowed: ["fr"] } }, "regions.allowed.0"],
    [{ number_types: { allow: ["FIXED_LINE"] } }, "number_types.allow.0"],
    [{ budgets: { user_sms_per_hour: 1.5 } }, "budgets.user_sms_per_hour"],
    [{ budgets: { countries: { us: 3 } } }, "budgets.countries.us"],
    [{ extra: {} }, "settings"],
    ["not an object", "settings"],
  ])("refuse %j naming %s", (input, path) => {
    const error = refusal(input);
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.details.fields?.[0]?.path).toBe(path);
  });

  it("round-trip through their columns, and show the defaults in force", () => {
    const settings = mergeTenantSettings(EMPTY_TENANT_SETTINGS, {
      regions: { allowed: ["US"], allow_high_risk: ["AZ"] },
      number_types: { allow: ["VOIP"] },
      budgets: { countries: { US: 40 } },
    });
    expect(readTenantSettings(tenantSettingsColumns(settings))).toEqual(settings);
    expect(readTenantSettings({ allowed_regions: "[]", denied_regions: "[]", settings: "{}" })).toEqual(
      EMPTY_TENANT_SETTINGS,
    );
    const shown = effectiveTenantSettings(DEFAULT_TENANT_BUDGETS, settings);
    expect(shown.regions.high_risk_blocked).not.toContain("AZ");
    expect(shown.regions.high_risk_blocked).toContain("UZ");
    expect(shown.number_types.refused).toContain("PERSONAL_NUMBER");
    expect(shown.number_types.refused).not.toContain("VOIP");
    expect(shown.budgets).toMatchObject({ user_sms_per_hour: 10, countries: { US: 40 } });
  });
});
