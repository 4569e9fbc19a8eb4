import { isSupportedCountry } from "libphonenumber-js/max";
import { z } from "zod";
import { type TenantBudgets, TenantBudgetsSchema, tenantBudgets, tenantBudgetsOut } from "./budgets.js";
import { HandsetError } from "./errors.js";
import { HIGH_RISK_REGIONS } from "./high-risk-regions.js";
import { ALWAYS_REFUSED_TYPES, OPT_IN_NUMBER_TYPES, type OptInNumberType } from "./phone.js";

/**
 * A tenant's own settings (docs/fraud-guard.md, "Geo permissions and number types"): where it sends codes, which number
 * types refused by default it takes, and its budgets over the service's defaults. The region lists
 * live in the tenant's `allowed_regions` and `denied_regions` columns (as before the settings
 * existed); the rest in its `settings` JSON column (migration 008). Both are read with the user's
 * lock, in the statement that takes it, so the add and send paths read no more than before.
 */
export interface TenantSettings {
  regions: { allowed: string[]; denied: string[]; allow_high_risk: string[] };
  number_types: { allow: OptInNumberType[] };
  budgets: z.infer<typeof TenantBudgetsSchema>;
}

export const EMPTY_TENANT_SETTINGS: TenantSettings = {
  regions: { allowed: [], denied: [], allow_high_risk: [] },
  number_types: { allow: [] },
  budgets: {},
};

const region = z
  .string()
  .regex(/^[A-Z]{2}$/, "an upper-case ISO 3166-1 alpha-2 region")
  .refine((value) => isSupportedCountry(value), "not an ISO 3166-1 region with a telephone numbering plan");
const regionList = z.array(region).max(300);

const RegionsPatch = z.strictObject({
  allowed: regionList.optional().describe("Send only to these regions; empty: every region"),
  denied: regionList.optional().describe("Never send to these regions"),
  allow_high_risk: regionList
    .optional()
    .describe("High-risk regions (blocked by default) this tenant sends to"),
});
const NumberTypesPatch = z.strictObject({
  allow: z
    .array(z.enum(OPT_IN_NUMBER_TYPES))
    .max(OPT_IN_NUMBER_TYPES.length)
    .optional()
    .describe("Types refused by default that this tenant takes"),
});

/**
 * A change to the settings: each section given is merged key by key over the stored one (a key given
 * replaces its value); a section given as null goes back to the defaults; absent sections keep theirs.
 */
export const TenantSettingsPatchSchema = z
  .strictObject({
    regions: RegionsPatch.nullable().optional(),
    number_types: NumberTypesPatch.nullable().optional(),
    budgets: TenantBudgetsSchema.nullable()
      .optional()
      .describe("Each key replaces the service's default for this tenant; null turns that budget off"),
  })
  .meta({ id: "TenantSettingsPatch" });

export type TenantSettingsPatch = z.infer<typeof TenantSettingsPatchSchema>;

/** What the `settings` column holds: everything but the region lists, which have columns of their own. */
const StoredSettingsSchema = z.object({
  regions: z.object({ allow_high_risk: z.array(z.string()).optional() }).optional(),
  number_types: z.object({ allow: z.array(z.enum(OPT_IN_NUMBER_TYPES)).optional() }).optional(),
  budgets: TenantBudgetsSchema.optional(),
});

/** The tenant's columns the settings are read from. */
export interface TenantSettingsColumns {
  allowed_regions: string;
  denied_regions: string;
  settings: string;
}

/** Parsed settings by their columns' text: the hot path parses a tenant's JSON once, not per request. */
const parsed = new Map<string, TenantSettings>();
const PARSED_MAX = 1_000;

export function readTenantSettings(columns: TenantSettingsColumns): TenantSettings {
  const key = `${columns.allowed_regions}\0${columns.denied_regions}\0${columns.settings}`;
  const known = parsed.get(key);
  if (known) return known;
  const stored = StoredSettingsSchema.parse(JSON.parse(columns.settings));
  const settings: TenantSettings = {
    regions: {
      allowed: JSON.parse(columns.allowed_regions) as string[],
      denied: JSON.parse(columns.denied_regions) as string[],
      allow_high_risk: stored.regions?.allow_high_risk ?? [],
    },
    number_types: { allow: stored.number_types?.allow ?? [] },
    budgets: stored.budgets ?? {},
  };
  // Settings change rarely and tenants are few; a full map is simply started again.
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(key, settings);
  return settings;
}

/** The columns to write for `settings`. */
export function tenantSettingsColumns(settings: TenantSettings): TenantSettingsColumns {
  return {
    allowed_regions: JSON.stringify(settings.regions.allowed),
    denied_regions: JSON.stringify(settings.regions.denied),
    settings: JSON.stringify({
      regions: { allow_high_risk: settings.regions.allow_high_risk },
      number_types: settings.number_types,
      budgets: settings.budgets,
    }),
  };
}

/**
 * Validates a change (anything a client sent) and merges it over the current settings. Bad input is
 * an INVALID_REQUEST naming each field, and nothing is merged.
 */
export function mergeTenantSettings(current: TenantSettings, input: unknown): TenantSettings {
  const result = TenantSettingsPatchSchema.safeParse(input);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => ({
      path: issue.path.join(".") || "settings",
      message: issue.message,
    }));
    const first = fields[0];
    throw new HandsetError(
      "INVALID_REQUEST",
      `Invalid settings: ${first ? `${first.path}: ${first.message}` : "they do not match their schema"}.`,
      { fields },
    );
  }
  const patch = result.data;
  const unique = <T>(list: readonly T[]): T[] => [...new Set(list)];
  const regions = patch.regions === null ? EMPTY_TENANT_SETTINGS.regions : current.regions;
  const types = patch.number_types === null ? EMPTY_TENANT_SETTINGS.number_types : current.number_types;
  const budgets = patch.budgets === null ? {} : current.budgets;
  return {
    regions: {
      allowed: unique(patch.regions?.allowed ?? regions.allowed),
      denied: unique(patch.regions?.denied ?? regions.denied),
      allow_high_risk: unique(patch.regions?.allow_high_risk ?? regions.allow_high_risk),
    },
    number_types: { allow: unique(patch.number_types?.allow ?? types.allow) },
    budgets: { ...budgets, ...(patch.budgets ?? {}) },
  };
}

/** Each setting that differs, by its dotted path: what the `tenant.settings_changed` event records. */
export function settingsChanges(
  before: TenantSettings,
  after: TenantSettings,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const section of ["regions", "number_types", "budgets"] as const) {
    const from = before[section] as Record<string, unknown>;
    const to = after[section] as Record<string, unknown>;
    for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
      if (JSON.stringify(from[key]) !== JSON.stringify(to[key])) {
        changes[`${section}.${key}`] = { from: from[key] ?? null, to: to[key] ?? null };
      }
    }
  }
  return changes;
}

/** The tenant's budgets in force: the service's defaults with the tenant's own figures over them. */
export function budgetsInForce(defaults: TenantBudgets, settings: TenantSettings): TenantBudgets {
  return tenantBudgets(defaults, settings.budgets);
}

/** The settings as the API and the CLI show them: every default filled in. */
export function effectiveTenantSettings(defaults: TenantBudgets, settings: TenantSettings) {
  const allowed = new Set([...settings.regions.allowed, ...settings.regions.allow_high_risk]);
  return {
    regions: {
      ...settings.regions,
      high_risk_blocked: HIGH_RISK_REGIONS.filter((r) => !allowed.has(r)),
    },
    number_types: {
      allow: settings.number_types.allow,
      // Every type this tenant's numbers may not be: the opt-in ones it has not taken, and those no
      // tenant can take (they cannot receive an SMS, or the sender pays to reach them).
      refused: [
        ...OPT_IN_NUMBER_TYPES.filter((t) => !settings.number_types.allow.includes(t)),
        ...ALWAYS_REFUSED_TYPES,
      ],
    },
    budgets: tenantBudgetsOut(budgetsInForce(defaults, settings)),
  };
}

export type EffectiveTenantSettings = ReturnType<typeof effectiveTenantSettings>;
