import { readFileSync } from "node:fs";
import { type Command, InvalidArgumentError } from "commander";
import type { Config } from "../config.js";
import type { EffectiveTenantSettings } from "../domain/tenant-settings.js";
import type { CliIo } from "./main.js";
import { UsageError } from "./usage-error.js";

/** `US,ca` → ["US", "CA"]; an empty value clears the list. */
function parseList(value: string): string[] {
  return value
    .split(/[,\s]+/)
    .filter((item) => item.length > 0)
    .map((item) => item.toUpperCase());
}

/** `user_sms_per_hour=5` (or `=off` to turn a budget off), repeatable. */
function collectBudget(value: string, previous: Record<string, unknown> = {}): Record<string, unknown> {
  const match = /^([a-z_]+)=(.*)$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError("expected name=value, e.g. user_sms_per_hour=5 (or =off)");
  const [, name = "", raw = ""] = match;
  const number = Number(raw);
  // Anything that is not a number or `off` goes on as text, for the settings' schema to name.
  const parsed =
    raw === "off" || raw === "null" ? null : raw !== "" && Number.isFinite(number) ? number : raw;
  return { ...previous, [name]: parsed };
}

function readPatch(text: string, from: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${from} is not JSON`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UsageError(`${from} must be a JSON object of settings sections`);
  }
  return value as Record<string, unknown>;
}

interface SetOptions {
  tenant?: string;
  file?: string;
  allowRegions?: string[];
  denyRegions?: string[];
  allowHighRisk?: string[];
  allowTypes?: string[];
  budget?: Record<string, unknown>;
  json?: boolean;
}

/** The change the command line asks for: the file or JSON argument, with the flags over it. */
function patchOf(json: string | undefined, opts: SetOptions): Record<string, unknown> {
  const base = {
    ...(opts.file === undefined ? {} : readPatch(readFileSync(opts.file, "utf8"), opts.file)),
    ...(json === undefined ? {} : readPatch(json, "the settings argument")),
  };
  const section = (name: string, extra: Record<string, unknown>) => {
    if (Object.keys(extra).length === 0) return;
    const given = base[name];
    base[name] = { ...(typeof given === "object" && given !== null ? given : {}), ...extra };
  };
  section("regions", {
    ...(opts.allowRegions ? { allowed: opts.allowRegions } : {}),
    ...(opts.denyRegions ? { denied: opts.denyRegions } : {}),
    ...(opts.allowHighRisk ? { allow_high_risk: opts.allowHighRisk } : {}),
  });
  section("number_types", opts.allowTypes ? { allow: opts.allowTypes } : {});
  section("budgets", opts.budget ?? {});
  if (Object.keys(base).length === 0) {
    throw new UsageError(
      "nothing to set: give --allow-regions, --deny-regions, --allow-high-risk, --allow-types, --budget, --file or a JSON argument",
    );
  }
  return base;
}

const listText = (list: readonly string[], empty: string) => (list.length > 0 ? list.join(" ") : empty);

export function settingsText(tenant: string, s: EffectiveTenantSettings): string {
  const b = s.budgets;
  const figure = (value: number | null) => (value === null ? "off" : String(value));
  const countries = Object.entries(b.countries).map(([region, cap]) => `${region}=${figure(cap ?? null)}`);
  const prefixes = b.prefixes.map((p) => `${p.prefix}=${p.sms_per_hour}`);
  const rows: [string, string][] = [
    ["tenant", tenant],
    ["regions allowed", listText(s.regions.allowed, "every region")],
    ["regions denied", listText(s.regions.denied, "none")],
    ["high-risk allowed", listText(s.regions.allow_high_risk, "none")],
    ["high-risk blocked", listText(s.regions.high_risk_blocked, "none")],
    ["types allowed", listText(s.number_types.allow, "the defaults only")],
    ["types refused", listText(s.number_types.refused, "none")],
    ["user_numbers_per_day", figure(b.user_numbers_per_day)],
    ["user_sms_per_hour", figure(b.user_sms_per_hour)],
    ["ip_sms_per_hour", figure(b.ip_sms_per_hour)],
    ["tenant_sms_per_hour", figure(b.tenant_sms_per_hour)],
    ["tenant_sms_per_day", figure(b.tenant_sms_per_day)],
    ["tenant_spend_per_day", b.tenant_spend_per_day === null ? "off" : `$${b.tenant_spend_per_day}`],
    ["country_sms_per_hour", figure(b.country_sms_per_hour)],
    ["countries", listText(countries, "none of their own")],
    ["range_sms_per_hour", figure(b.range_sms_per_hour)],
    ["prefixes", listText(prefixes, "none")],
  ];
  const width = Math.max(...rows.map(([name]) => name.length)) + 2;
  return `${rows.map(([name, value]) => `${`${name}:`.padEnd(width)}${value}`).join("\n")}\n`;
}

/**
 * `handset tenants settings [set]`: a tenant's geo permissions, number types and budgets, straight
 * on the database like the other admin commands, through the same service as the admin API.
 */
export function registerTenantCommands(
  program: Command,
  io: CliIo,
  config: () => Promise<Config>,
  parseTenant: (value: string) => string,
): Command {
  const tenants = program.command("tenants").description("Tenants and their settings");
  const print = (tenant: string, settings: EffectiveTenantSettings, json: boolean) =>
    io.stdout(json ? `${JSON.stringify({ tenant, ...settings })}\n` : settingsText(tenant, settings));

  const settings = tenants.command("settings").description("A tenant's regions, number types and budgets");
  settings
    // `handset tenants settings [--tenant t] [--json]` shows them.
    .command("show", { isDefault: true })
    .description("Show a tenant's settings in force: regions, number types and budgets (defaults filled in)")
    .option("--tenant <id>", "the tenant (default: HANDSET_DEFAULT_TENANT)", parseTenant)
    .option("--json", "print the result as JSON")
    .action(async (opts: { tenant?: string; json?: boolean }) => {
      const cfg = await config();
      const [{ withHandset }, { systemCaller }] = await Promise.all([
        import("./offline.js"),
        import("../services/caller.js"),
      ]);
      const tenant = opts.tenant ?? cfg.defaultTenant;
      const shown = await withHandset(cfg, (h) => h.settings.get(systemCaller(tenant)));
      print(tenant, shown, opts.json === true);
    });

  settings
    .command("set")
    .description(
      "Change a tenant's settings: each section given is merged over the stored one; a list given replaces that list",
    )
    .argument("[settings]", 'the change as JSON, e.g. \'{"budgets":{"user_sms_per_hour":5}}\'')
    .option("--tenant <id>", "the tenant (default: HANDSET_DEFAULT_TENANT)", parseTenant)
    .option("--file <path>", "read the change from a JSON file (the flags apply over it)")
    .option("--allow-regions <list>", "send only to these ISO regions (empty: every region)", parseList)
    .option("--deny-regions <list>", "never send to these ISO regions", parseList)
    .option("--allow-high-risk <list>", "high-risk regions this tenant sends to", parseList)
    .option(
      "--allow-types <list>",
      "number types refused by default to take: VOIP, PERSONAL_NUMBER",
      parseList,
    )
    .option(
      "--budget <name=value>",
      "a budget of this tenant, e.g. user_sms_per_hour=5 or =off (repeatable)",
      collectBudget,
    )
    .option("--json", "print the result as JSON")
    .action(async (json: string | undefined, opts: SetOptions) => {
      const cfg = await config();
      const patch = patchOf(json, opts);
      const [{ withHandset }, { systemCaller }] = await Promise.all([
        import("./offline.js"),
        import("../services/caller.js"),
      ]);
      const tenant = opts.tenant ?? cfg.defaultTenant;
      const { settings: shown, changed } = await withHandset(cfg, (h) =>
        h.settings.update(systemCaller(tenant), patch),
      );
      if (opts.json !== true)
        io.stderr(changed.length > 0 ? `changed: ${changed.join(", ")}\n` : "nothing changed\n");
      print(tenant, shown, opts.json === true);
    });
  return tenants;
}
