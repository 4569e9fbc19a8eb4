/**
 * The one closed catalogue of Handset's error codes. Services throw `HandsetError` with one of these;
 * every surface maps each code, exhaustively, to its own envelope and status.
 */
export const ERROR_CODES = [
  // request shape
  "INVALID_REQUEST",
  "MALFORMED_JSON",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "ROUTE_NOT_FOUND",
  // credentials
  "UNAUTHENTICATED",
  "CREDENTIAL_EXPIRED",
  "INSUFFICIENT_SCOPE",
  // phone number input
  "PHONE_NUMBER_NOT_A_NUMBER",
  "PHONE_NUMBER_TOO_LONG",
  "PHONE_NUMBER_REGION_INVALID",
  "PHONE_NUMBER_NOT_POSSIBLE",
  "PHONE_NUMBER_NOT_VALID",
  "PHONE_NUMBER_TYPE_NOT_ALLOWED",
  "PHONE_NUMBER_COUNTRY_NOT_ALLOWED",
  // resources and their rules
  "TENANT_NOT_FOUND",
  "USER_NOT_FOUND",
  "USER_ALREADY_EXISTS",
  "PHONE_NUMBER_NOT_FOUND",
  /** An SMS message (the native API's message lookup). */
  "MESSAGE_NOT_FOUND",
  /** No running conversion-guard pause for that destination (the native admin API's lift). */
  "DESTINATION_PAUSE_NOT_FOUND",
  /** An admin key or user token of this tenant (the admin API's key management). */
  "CREDENTIAL_NOT_FOUND",
  /** An app webhook endpoint of this tenant (docs/webhooks.md). */
  "WEBHOOK_ENDPOINT_NOT_FOUND",
  /** A delivery of one of this tenant's webhook endpoints. */
  "WEBHOOK_DELIVERY_NOT_FOUND",
  /** A verify service of this tenant (docs/twilio-verify.md, "Services"; Twilio Verify's Services). */
  "VERIFY_SERVICE_NOT_FOUND",
  /** Creating a tenant whose id is taken. */
  "TENANT_ALREADY_EXISTS",
  /** A destructive change (deleting a tenant) was asked without naming what it destroys. */
  "CONFIRMATION_REQUIRED",
  "PHONE_NUMBER_TAKEN",
  /**
   * What a user token hears for any number it may not add to its own account (held by someone else,
   * a refused type or country): one answer, so that adding numbers is no oracle of who is registered.
   */
  "PHONE_NUMBER_UNAVAILABLE",
  /** The change needs a verified number (reserving it for second factor). */
  "PHONE_NUMBER_NOT_VERIFIED",
  /** The change needs a number reserved for second factor (making it the default). */
  "PHONE_NUMBER_NOT_RESERVED",
  /** This very number is verified already. */
  "PHONE_NUMBER_ALREADY_VERIFIED",
  /** The change would leave only numbers reserved for second factor, none to sign in with (Clerk). */
  "PHONE_NUMBER_LAST_IDENTIFICATION",
  /** Switching the default second factor off without another taking it. */
  "DEFAULT_SECOND_FACTOR_REQUIRED",
  /** The single profile phone (Linode, ZITADEL) is another number, already verified. */
  "PROFILE_PHONE_ALREADY_VERIFIED",
  /** Setting the profile phone to the number it already is. */
  "PROFILE_PHONE_UNCHANGED",
  // verification
  /** Nothing to check a code against: no code was sent to this number (or its verification ended). */
  "VERIFICATION_NOT_FOUND",
  /** No verification with that id in this tenant (the native verifications API: a lookup by id). */
  "VERIFICATION_ID_NOT_FOUND",
  "CODE_INVALID",
  "CODE_EXPIRED",
  "CODE_ATTEMPTS_EXHAUSTED",
  "CODE_ALREADY_USED",
  "NUMBER_GUESS_BUDGET_EXHAUSTED",
  "RESEND_COOLDOWN",
  "SEND_LIMIT_REACHED",
  // wallet defence (docs/fraud-guard.md)
  /** A budget (per user, client IP, tenant, service, destination country or number range) is spent. */
  "BUDGET_EXCEEDED",
  /** Sends to this destination are paused by the conversion guard for a cool-off. */
  "DESTINATION_PAUSED",
  /** Too many consecutive wrong codes: the number is locked for verification. */
  "PHONE_NUMBER_LOCKED",
  // idempotency keys (docs/idempotency.md)
  /** The Idempotency-Key was used for another request (another body, route or credential). */
  "IDEMPOTENCY_KEY_REUSED",
  /** A request with this Idempotency-Key is still running: retry shortly. */
  "IDEMPOTENCY_KEY_IN_PROGRESS",
  /** The key's request succeeded, but its answer carried a secret, which is shown once and not kept. */
  "IDEMPOTENCY_ANSWER_WITHHELD",
  // the machine
  "SERVICE_UNAVAILABLE",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field-level problem: `path` is the dotted path of the offending input field. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Facts a caller can act on: how many guesses are left, when to try again, which type was refused. */
export interface ErrorDetails {
  attemptsLeft?: number;
  expiresAt?: number;
  retryAt?: number;
  numberType?: string;
  region?: string;
  field?: string;
  fields?: FieldIssue[];
  /** Which budget or guard refused (`user_sms_per_hour`, `conversion_guard`, ...). */
  limit?: string;
  /**
   * Why, where more than one reason exists: a credential refused (an app JWT: `token_expired`, ...), a
   * feature the verify service does not allow (`feature_not_enabled`).
   */
  reason?: string;
  /** The verification a wrong code was counted against (a check by number names none). */
  verificationId?: string;
}

export class HandsetError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = "HandsetError";
    this.code = code;
    this.details = details;
  }
}

export function isHandsetError(value: unknown): value is HandsetError {
  return value instanceof HandsetError;
}

/** Makes a `switch` over error codes exhaustive at compile time. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${String(value)}`);
}
