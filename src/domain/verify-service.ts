import { z } from "zod";
import { HandsetError } from "./errors.js";

/**
 * A verify service (docs/twilio-verify.md, "Services"): a named set of verification settings inside a tenant,
 * as Twilio Verify's Services are. What Handset acts on: the name its SMS say (`{app}`), the code
 * length, and whether the application may choose a verification's code (`customCodeEnabled`). The rest are Twilio's settings of channels and features Handset does not have (voice, PSD2,
 * lookups, templates, event streams): kept and answered as set, so that a client reads back what it
 * wrote, and changing nothing.
 */
export interface VerifyServiceSettings {
  /** Digits of its codes; null: the tenant's configured length (HANDSET_CODE_LENGTH). */
  codeLength: number | null;
  /** Whether a verification may be started with a code the application chose (Twilio's CustomCode). */
  customCodeEnabled: boolean;
  lookupEnabled: boolean;
  dtmfInputRequired: boolean;
  psd2Enabled: boolean;
  doNotShareWarningEnabled: boolean;
  verifyEventSubscriptionEnabled: boolean;
  ttsName: string | null;
  defaultTemplateSid: string | null;
}

export interface VerifyServiceInput extends Partial<VerifyServiceSettings> {
  friendlyName?: string;
}

export const DEFAULT_VERIFY_SERVICE_SETTINGS: VerifyServiceSettings = {
  codeLength: null,
  customCodeEnabled: false,
  lookupEnabled: false,
  dtmfInputRequired: false,
  psd2Enabled: false,
  doNotShareWarningEnabled: false,
  verifyEventSubscriptionEnabled: false,
  ttsName: null,
  defaultTemplateSid: null,
};

/** Twilio's limit for a service's friendly name; it is printed in the SMS, so one line. */
export const FRIENDLY_NAME_MAX = 30;
/**
 * Handset's codes have 6 to 10 digits (HANDSET_CODE_LENGTH's range): 4 or 5 digits, which Twilio
 * allows, give an attacker's guess budget 10 to 100 times the odds (DESIGN.md, invariant 3).
 */
export const SERVICE_CODE_LENGTH = { min: 6, max: 10 } as const;

export const FriendlyName = z
  .string()
  .trim()
  .min(1, "it is empty")
  .max(FRIENDLY_NAME_MAX, `at most ${FRIENDLY_NAME_MAX} characters`)
  .refine((name) => !/[\p{Cc}\p{Cf}]/u.test(name), "printable characters on one line only");

const InputSchema = z.strictObject({
  friendlyName: FriendlyName.optional(),
  codeLength: z
    .number()
    .int("a whole number")
    .min(SERVICE_CODE_LENGTH.min, `Handset's codes have ${SERVICE_CODE_LENGTH.min} to 10 digits`)
    .max(SERVICE_CODE_LENGTH.max, `Handset's codes have 6 to ${SERVICE_CODE_LENGTH.max} digits`)
    .nullable()
    .optional(),
  customCodeEnabled: z.boolean().optional(),
  lookupEnabled: z.boolean().optional(),
  dtmfInputRequired: z.boolean().optional(),
  psd2Enabled: z.boolean().optional(),
  doNotShareWarningEnabled: z.boolean().optional(),
  verifyEventSubscriptionEnabled: z.boolean().optional(),
  ttsName: z.string().trim().max(100, "at most 100 characters").nullable().optional(),
  defaultTemplateSid: z
    .string()
    .regex(/^HJ[0-9a-fA-F]{32}$/, "HJ and 32 hex digits")
    .nullable()
    .optional(),
});

/**
 * The Android SMS Retriever app hash: the first 11 characters of the base64 of a SHA-256 (Google's
 * "Computing your app's hash string"), so 11 characters of the base64 alphabet.
 */
export const APP_HASH = /^[A-Za-z0-9+/]{11}$/;

/** A verification's own app name and SMS Retriever hash (Twilio's CustomFriendlyName and AppHash). */
export function parseSmsOverrides(input: { appName?: string | null; appHash?: string | null }): {
  appName: string | null;
  appHash: string | null;
} {
  const name = input.appName ?? null;
  const parsedName = name === null ? { success: true as const, data: null } : FriendlyName.safeParse(name);
  if (!parsedName.success) throw invalidField("app_name", parsedName.error.issues[0]?.message ?? "invalid");
  const hash = input.appHash ?? null;
  if (hash !== null && !APP_HASH.test(hash)) {
    throw invalidField(
      "app_hash",
      "11 characters of the base64 alphabet (A-Z a-z 0-9 + /), from Google's app hash recipe",
    );
  }
  return { appName: parsedName.data, appHash: hash };
}

/**
 * A code the application chose, under a service (null: the tenant's default, which allows none): the
 * service must allow it, and it is digits only, as many as Handset's codes may have (6 to 10), so
 * that it is no weaker than one Handset would make.
 */
export function assertCustomCode(code: string, service: VerifyServiceSettings | null): void {
  if (!service?.customCodeEnabled) {
    throw invalidField(
      "custom_code",
      "custom codes are not enabled for this verify service (custom_code_enabled)",
      "feature_not_enabled",
    );
  }
  if (!/^\d+$/.test(code) || code.length < SERVICE_CODE_LENGTH.min || code.length > SERVICE_CODE_LENGTH.max) {
    throw invalidField("custom_code", `${SERVICE_CODE_LENGTH.min} to ${SERVICE_CODE_LENGTH.max} digits`);
  }
}

/** Bad input, naming its field, as Handset's INVALID_REQUEST; `reason` where more than one exists. */
export function invalidField(path: string, message: string, reason?: string): HandsetError {
  return new HandsetError("INVALID_REQUEST", `${path}: ${message}`, {
    fields: [{ path, message }],
    ...(reason === undefined ? {} : { reason }),
  });
}

/** The input's first problem as Handset's INVALID_REQUEST, naming the field. */
function invalid(issue: z.core.$ZodIssue | undefined): HandsetError {
  return invalidField(issue?.path.map(String).join(".") || "request", issue?.message ?? "invalid");
}

function parseInput(input: VerifyServiceInput): VerifyServiceInput {
  const result = InputSchema.safeParse(input);
  if (!result.success) throw invalid(result.error.issues[0]);
  return result.data;
}

/** A new service's name and settings: the name is required, every setting not given is the default. */
export function newVerifyService(input: VerifyServiceInput): {
  friendlyName: string;
  settings: VerifyServiceSettings;
} {
  const parsed = parseInput(input);
  const { friendlyName, ...given } = parsed;
  if (friendlyName === undefined) {
    throw new HandsetError("INVALID_REQUEST", "friendlyName: a service needs a name", {
      fields: [{ path: "friendlyName", message: "required" }],
    });
  }
  return { friendlyName, settings: { ...DEFAULT_VERIFY_SERVICE_SETTINGS, ...definedOnly(given) } };
}

/** A change: each field given replaces the stored one; the others stay. */
export function changeVerifyService(
  current: { friendlyName: string; settings: VerifyServiceSettings },
  input: VerifyServiceInput,
): { friendlyName: string; settings: VerifyServiceSettings } {
  const { friendlyName, ...given } = parseInput(input);
  return {
    friendlyName: friendlyName ?? current.friendlyName,
    settings: { ...current.settings, ...definedOnly(given) },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const StoredSchema = z.object({
  codeLength: z.number().int().nullable().catch(null),
  customCodeEnabled: z.boolean().catch(false),
  lookupEnabled: z.boolean().catch(false),
  dtmfInputRequired: z.boolean().catch(false),
  psd2Enabled: z.boolean().catch(false),
  doNotShareWarningEnabled: z.boolean().catch(false),
  verifyEventSubscriptionEnabled: z.boolean().catch(false),
  ttsName: z.string().nullable().catch(null),
  defaultTemplateSid: z.string().nullable().catch(null),
});

/** The settings of a stored service's JSON column (a field missing from an older row is the default). */
export function readVerifyServiceSettings(json: string): VerifyServiceSettings {
  return StoredSchema.parse({ ...DEFAULT_VERIFY_SERVICE_SETTINGS, ...(JSON.parse(json) as object) });
}
