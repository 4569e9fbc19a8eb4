import { z } from "zod";
import { APP_HASH } from "../../domain/verify-service.js";
import { normalizeLocale } from "./locale.js";
import { templateProblem } from "./placeholders.js";

/** Same rule as the CLI's tenant ids. */
const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A DNS host name (letters, digits, hyphens; dot-separated labels of 1 to 63), as WebOTP binds to one. */
const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** The name the texts give the service; it is printed as it is, so no line breaks. */
const AppName = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((name) => !/[\r\n\f]/.test(name), "must be on one line");

const Locale = z.string().transform((tag, ctx) => {
  const canonical = normalizeLocale(tag);
  if (canonical === null) {
    ctx.addIssue({ code: "custom", message: `"${tag}" is not a BCP 47 language tag (like en or pt-BR)` });
    return z.NEVER;
  }
  return canonical;
});

/** Templates by locale; keys are checked and canonicalised (`pt-br` → `pt-BR`), each issue at its key. */
const Templates = z.record(z.string(), z.string()).transform((raw, ctx) => {
  const byLocale: Record<string, string> = {};
  for (const [tag, template] of Object.entries(raw)) {
    const canonical = normalizeLocale(tag);
    if (canonical === null) {
      ctx.addIssue({ code: "custom", path: [tag], message: "not a BCP 47 language tag (like en or pt-BR)" });
      continue;
    }
    if (canonical in byLocale) {
      ctx.addIssue({ code: "custom", path: [tag], message: `a second template for ${canonical}` });
      continue;
    }
    const problem = templateProblem(template);
    if (problem !== null) ctx.addIssue({ code: "custom", path: [tag], message: problem });
    byLocale[canonical] = template;
  }
  return byLocale;
});

const WebOtpDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(HOST_NAME, "a host name like example.com (no scheme, port or path)");

const AndroidAppHash = z
  .string()
  .regex(APP_HASH, "11 characters of the base64 alphabet (A-Z a-z 0-9 + /), from Google's app hash recipe");

/** A tenant's own texts; `null` for webotp_domain or android_app_hash turns the service-wide one off. */
const TenantMessages = z.strictObject({
  app_name: AppName.optional(),
  default_locale: Locale.optional(),
  templates: Templates.optional(),
  webotp_domain: WebOtpDomain.nullable().optional(),
  android_app_hash: AndroidAppHash.nullable().optional(),
});

/** The `messages:` section of the SMS config file. */
export const MessagesSection = z.strictObject({
  app_name: AppName.optional(),
  default_locale: Locale.optional(),
  templates: Templates.optional(),
  webotp_domain: WebOtpDomain.optional(),
  android_app_hash: AndroidAppHash.optional(),
  tenants: z
    .record(z.string().regex(TENANT_ID, "a tenant id has 1 to 64 letters, digits, _ or -"), TenantMessages)
    .optional(),
});

export type MessageSettings = z.output<typeof MessagesSection>;
export type TenantMessageSettings = z.output<typeof TenantMessages>;

/** The name texts use when none is configured, as `HANDSET_SMS_SENDER_NAME` defaults. */
export const DEFAULT_APP_NAME = "Handset";

/** Reads the section; each problem is named by its place under `messages.` (`messages.templates.fr`). */
export function parseMessagesSection(
  raw: unknown,
): { settings: MessageSettings; problems: [] } | { settings: null; problems: string[] } {
  const parsed = MessagesSection.safeParse(raw ?? {});
  if (parsed.success) return { settings: parsed.data, problems: [] };
  const problems = parsed.error.issues.map(
    (issue) => `${["messages", ...issue.path.map(String)].join(".")}: ${messageOf(issue)}`,
  );
  return { settings: null, problems };
}

/** zod reports a bad record key as "Invalid key in record" with the reason nested; say the reason. */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_key") return issue.issues.map((inner) => inner.message).join("; ");
  return issue.message;
}

const ENV_KEYS = {
  HANDSET_SMS_SENDER_NAME: "app_name",
  HANDSET_SMS_DEFAULT_LOCALE: "default_locale",
  HANDSET_SMS_WEBOTP_DOMAIN: "webotp_domain",
  HANDSET_SMS_ANDROID_APP_HASH: "android_app_hash",
} as const;

/** The simple case, without a config file: service-wide settings from four variables. */
export function messageSettingsFromEnv(env: Record<string, string | undefined>): {
  settings: MessageSettings;
  problems: string[];
} {
  const raw: Record<string, string> = { app_name: DEFAULT_APP_NAME };
  for (const [variable, key] of Object.entries(ENV_KEYS)) {
    const value = env[variable];
    if (value !== undefined && value !== "") raw[key] = value;
  }
  const parsed = MessagesSection.safeParse(raw);
  if (parsed.success) return { settings: parsed.data, problems: [] };
  const variableOf = (key: PropertyKey | undefined) =>
    Object.entries(ENV_KEYS).find(([, k]) => k === key)?.[0] ?? String(key);
  const problems = parsed.error.issues.map((issue) => `${variableOf(issue.path[0])}: ${issue.message}`);
  return { settings: { app_name: DEFAULT_APP_NAME }, problems };
}
