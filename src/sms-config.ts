import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { z } from "zod";
import type { ConfiguredProvider } from "./delivery/providers/kind.js";
import { PROVIDER_KINDS } from "./delivery/providers/registry.js";
import { parseRoutes } from "./delivery/routing/route-config.js";
import {
  DEFAULT_PROVIDER_POLICY,
  emptyRoutes,
  type ProviderPolicy,
  type RouteTable,
} from "./delivery/routing/route-table.js";
import {
  DEFAULT_APP_NAME,
  type MessageSettings,
  messageSettingsFromEnv,
  parseMessagesSection,
} from "./delivery/templates/messages-section.js";

/**
 * The YAML parser, read only when a config file is named: most deployments have none, and loading it
 * costs every start some 25 ms. A `require` of Node's own (not the bundler's), so the built server
 * loads it from node_modules when needed.
 */
function parseYaml(text: string): unknown {
  const load = createRequire(import.meta.url);
  const yaml = load("yaml") as typeof import("yaml");
  return yaml.parse(text);
}

/** One configured provider: its name (its callback route), its checked settings and its policy. */
export interface SmsProviderEntry {
  name: string;
  configured: ConfiguredProvider;
  policy: ProviderPolicy;
}

/** The SMS providers and routes; no providers means the development inbox. */
export interface SmsRouting {
  providers: SmsProviderEntry[];
  routes: RouteTable;
  /** Where the settings came from, for the start-up log. */
  source: "inbox" | "environment" | string;
  /** The message texts: templates per tenant and locale, WebOTP, the Android app hash. */
  messages: MessageSettings;
}

/** Settings every provider entry may carry besides its type's own: they steer the router, not the provider. */
const PolicySettings = z.object({
  rate_per_second: z.coerce.number().positive().optional(),
  breaker_failures: z.coerce.number().int().min(1).optional(),
  breaker_cooldown_seconds: z.coerce.number().positive().optional(),
});
const POLICY_KEYS = ["rate_per_second", "breaker_failures", "breaker_cooldown_seconds"] as const;

const NAME = /^[a-z][a-z0-9_-]{0,39}$/;

export class SmsConfigError extends Error {}

/**
 * Reads the SMS providers and routes: from the file named by `HANDSET_SMS_CONFIG` when set (YAML or
 * JSON), else one provider from `HANDSET_SMS_PROVIDER` and its `HANDSET_<TYPE>_<KEY>` variables, else
 * none (the inbox). Every problem is collected and named by its place (`providers.eu.auth_token`, or
 * the environment variable), so one start shows them all.
 */
export function loadSmsRouting(env: Record<string, string | undefined>, leaseMs: number): SmsRouting {
  const problems: string[] = [];
  const path = env.HANDSET_SMS_CONFIG;
  let result: SmsRouting;
  if (path) {
    if (env.HANDSET_SMS_PROVIDER && env.HANDSET_SMS_PROVIDER !== "inbox") {
      problems.push("HANDSET_SMS_PROVIDER: set either it or HANDSET_SMS_CONFIG, not both");
    }
    result = fromFile(path, env, problems);
  } else {
    const fromEnv = messageSettingsFromEnv(env);
    problems.push(...fromEnv.problems);
    result = { ...fromEnvironment(env, problems), messages: fromEnv.settings };
  }
  for (const entry of result.providers) {
    // A delivery handed over at commit may start with half the lease left (the dispatcher gives back
    // less), and must end within it, or another process could take the message over and send it again.
    if (entry.configured.timeoutMs !== null && entry.configured.timeoutMs >= leaseMs / 2) {
      problems.push(
        `${placeOf(result.source, entry.name, "timeout_ms")}: must be shorter than HANDSET_DISPATCH_LEASE_MS / 2 ` +
          `(${leaseMs / 2} ms), or a slow provider could be sent the same message twice`,
      );
    }
  }
  if (problems.length > 0) throw new SmsConfigError(`invalid configuration: ${problems.join("; ")}`);
  return result;
}

function placeOf(source: string, name: string, key: string): string {
  return source === "environment"
    ? `HANDSET_${name.toUpperCase()}_${key.toUpperCase()}`
    : `providers.${name}.${key}`;
}

function fromEnvironment(
  env: Record<string, string | undefined>,
  problems: string[],
): Omit<SmsRouting, "messages"> {
  const type = env.HANDSET_SMS_PROVIDER ?? "inbox";
  const none = { providers: [], routes: emptyRoutes(), source: "inbox" };
  if (type === "inbox") return none;
  const kind = PROVIDER_KINDS.find((k) => k.type === type);
  if (!kind) {
    const known = ["inbox", ...PROVIDER_KINDS.map((k) => k.type)].join(", ");
    problems.push(`HANDSET_SMS_PROVIDER: "${type}" is not a provider type (one of ${known})`);
    return none;
  }
  const prefix = `HANDSET_${type.toUpperCase()}_`;
  const raw: Record<string, unknown> = {};
  for (const [variable, value] of Object.entries(env)) {
    if (value === undefined || !variable.startsWith(prefix)) continue;
    raw[variable.slice(prefix.length).toLowerCase()] = value;
  }
  const entry = configureEntry(type, type, raw, "environment", problems);
  if (!entry) return none;
  return { providers: [entry], routes: { ...emptyRoutes(), fallback: [type] }, source: "environment" };
}

const FileShape = z.strictObject({
  providers: z.record(z.string(), z.record(z.string(), z.unknown())),
  routes: z.record(z.string(), z.array(z.string()).min(1)).optional(),
  /** Message texts; read by the templates (`messages`), checked there. */
  messages: z.unknown().optional(),
});

function fromFile(path: string, env: Record<string, string | undefined>, problems: string[]): SmsRouting {
  const none: SmsRouting = {
    providers: [],
    routes: emptyRoutes(),
    source: path,
    messages: { app_name: DEFAULT_APP_NAME },
  };
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(path, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push(`HANDSET_SMS_CONFIG: cannot read ${path} (${code ?? (error as Error).message})`);
    return none;
  }
  const shape = FileShape.safeParse(parsed);
  if (!shape.success) {
    for (const issue of shape.error.issues)
      problems.push(`${issue.path.join(".") || "(file)"}: ${issue.message}`);
    return none;
  }
  const providers: SmsProviderEntry[] = [];
  for (const [name, settings] of Object.entries(shape.data.providers)) {
    if (!NAME.test(name)) {
      problems.push(
        `providers.${name}: a name is lower-case letters, digits, - and _ (it is a URL path part)`,
      );
      continue;
    }
    const { type, ...rest } = settings;
    if (typeof type !== "string") {
      problems.push(
        `providers.${name}.type: required, one of ${PROVIDER_KINDS.map((k) => k.type).join(", ")}`,
      );
      continue;
    }
    const entry = configureEntry(name, type, rest, path, problems);
    if (entry) providers.push(entry);
  }
  if (providers.length === 0 && problems.length === 0) problems.push("providers: name at least one provider");
  const names = new Set(providers.map((p) => p.name));
  const routes = parseRoutes(
    shape.data.routes,
    providers.map((p) => p.name),
    names,
    problems,
  );
  const section = shape.data.messages ?? {};
  const messages = parseMessagesSection(
    // The file names the app, else HANDSET_SMS_SENDER_NAME does, as without a file.
    typeof section === "object" && section !== null && !("app_name" in section)
      ? { ...section, app_name: env.HANDSET_SMS_SENDER_NAME ?? DEFAULT_APP_NAME }
      : section,
  );
  problems.push(...messages.problems);
  return { providers, routes, source: path, messages: messages.settings ?? none.messages };
}

function configureEntry(
  name: string,
  type: string,
  raw: Record<string, unknown>,
  source: string,
  problems: string[],
): SmsProviderEntry | null {
  const kind = PROVIDER_KINDS.find((k) => k.type === type);
  const place = (key: string) => placeOf(source, name, key);
  if (!kind) {
    problems.push(`${place("type")}: "${type}" is not a provider type`);
    return null;
  }
  const settings = readSecretFiles(raw, place, problems);
  const policyRaw: Record<string, unknown> = {};
  for (const key of POLICY_KEYS) {
    if (key in settings) {
      policyRaw[key] = settings[key];
      delete settings[key];
    }
  }
  const policy = PolicySettings.safeParse(policyRaw);
  if (!policy.success) {
    for (const issue of policy.error.issues)
      problems.push(`${place(issue.path.join("."))}: ${issue.message}`);
  }
  let configured: ConfiguredProvider;
  try {
    configured = kind.configure(settings);
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    for (const issue of error.issues) {
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [issue.path.join(".")];
      for (const key of keys) {
        const what =
          issue.code === "unrecognized_keys" ? "not a setting of this provider type" : issue.message;
        problems.push(`${place(key)}: ${what}`);
      }
    }
    return null;
  }
  if (!policy.success) return null;
  return {
    name,
    configured,
    policy: {
      ratePerSecond: policy.data.rate_per_second ?? DEFAULT_PROVIDER_POLICY.ratePerSecond,
      breakerFailures: policy.data.breaker_failures ?? DEFAULT_PROVIDER_POLICY.breakerFailures,
      breakerCooldownMs:
        (policy.data.breaker_cooldown_seconds ?? DEFAULT_PROVIDER_POLICY.breakerCooldownMs / 1000) * 1000,
    },
  };
}

/** `<key>_file` settings replaced by the file's content (its trailing newline dropped). */
function readSecretFiles(
  raw: Record<string, unknown>,
  place: (key: string) => string,
  problems: string[],
): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!key.endsWith("_file")) {
      settings[key] = value;
      continue;
    }
    const target = key.slice(0, -"_file".length);
    if (raw[target] !== undefined) {
      problems.push(`${place(key)}: set either it or ${target}, not both`);
      continue;
    }
    try {
      const content = readFileSync(String(value), "utf8").replace(/\r?\n$/, "");
      if (content.length === 0) problems.push(`${place(key)}: the file is empty`);
      else settings[target] = content;
    } catch (error) {
      problems.push(
        `${place(key)}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`,
      );
    }
  }
  return settings;
}
