import { assertNever, type HandsetError } from "../../domain/errors.js";

/**
 * An error in Twilio's terms: its numeric code, its HTTP status and a message. The envelope is
 * `{ code, message, more_info, status }`, which the `twilio` SDK turns into a RestException.
 */
export class TwilioApiError extends Error {
  readonly status: number;
  readonly code: number;
  /** When trying again can succeed, for 429s whose limit says (sent as Retry-After). */
  readonly retryAt: number | undefined;

  constructor(status: number, code: number, message: string, retryAt?: number) {
    super(message);
    this.name = "TwilioApiError";
    this.status = status;
    this.code = code;
    this.retryAt = retryAt;
  }
}

export function twilioEnvelope(error: TwilioApiError) {
  return {
    code: error.code,
    message: error.message,
    more_info: `https://www.twilio.com/docs/errors/${error.code}`,
    status: error.status,
  };
}

/** Twilio's codes this surface answers with, worded as Twilio words them. */
export const twilioErrors = {
  authenticate: () => new TwilioApiError(401, 20003, "Authenticate"),
  forbidden: (detail: string) => new TwilioApiError(403, 20403, detail),
  notFound: (path: string) => new TwilioApiError(404, 20404, `The requested resource ${path} was not found`),
  invalidParameter: (name: string, detail?: string) =>
    new TwilioApiError(
      400,
      60200,
      detail ? `Invalid parameter \`${name}\`: ${detail}` : `Invalid parameter: ${name}`,
    ),
  missingParameter: (name: string) =>
    new TwilioApiError(400, 60200, `Invalid parameter: missing required parameter ${name}`),
  channelDisabled: (channel: string) =>
    new TwilioApiError(400, 60223, `Delivery channel disabled: ${channel.toUpperCase()}`),
};

/** A Handset error's `field` in Twilio's parameter spelling (`to` -> `To`). */
function parameterOf(error: HandsetError, fallback: string): string {
  const field = error.details.fields?.[0]?.path ?? error.details.field;
  if (field === undefined) return fallback;
  const map: Record<string, string> = {
    to: "To",
    code: "Code",
    locale: "Locale",
    verification_id: "VerificationSid",
    app_name: "CustomFriendlyName",
    app_hash: "AppHash",
    custom_code: "CustomCode",
    friendlyName: "FriendlyName",
    codeLength: "CodeLength",
    ttsName: "TtsName",
    defaultTemplateSid: "DefaultTemplateSid",
  };
  return map[field] ?? field;
}

const tooMany = (error: HandsetError, code: number) =>
  new TwilioApiError(429, code, error.message, error.details.retryAt);

/**
 * Every code of Handset's catalogue in Twilio's terms; the switch is exhaustive at compile time.
 * `path` is the request's path, for Twilio's 404 sentence.
 */
export function toTwilioError(error: HandsetError, path: string): TwilioApiError {
  const code = error.code;
  switch (code) {
    // A feature the verify service does not allow (a CustomCode without CustomCodeEnabled).
    case "INVALID_REQUEST":
      if (error.details.reason === "feature_not_enabled") {
        return new TwilioApiError(
          403,
          60204,
          "Service does not support this feature: Custom code not allowed",
        );
      }
      return twilioErrors.invalidParameter(
        parameterOf(error, "request"),
        error.details.fields?.[0]?.message ?? error.message,
      );
    case "MALFORMED_JSON":
      return new TwilioApiError(400, 60200, `Invalid parameter: ${error.message}`);
    case "UNSUPPORTED_MEDIA_TYPE":
      return new TwilioApiError(
        400,
        60200,
        "Invalid parameter: send the parameters as application/x-www-form-urlencoded.",
      );
    case "PAYLOAD_TOO_LARGE":
      return new TwilioApiError(413, 60200, error.message);
    case "ROUTE_NOT_FOUND":
      return twilioErrors.notFound(path);
    case "UNAUTHENTICATED":
    case "CREDENTIAL_EXPIRED":
      return twilioErrors.authenticate();
    case "INSUFFICIENT_SCOPE":
      return twilioErrors.forbidden(error.message);
    case "PHONE_NUMBER_NOT_A_NUMBER":
    case "PHONE_NUMBER_TOO_LONG":
    case "PHONE_NUMBER_REGION_INVALID":
    case "PHONE_NUMBER_NOT_POSSIBLE":
    case "PHONE_NUMBER_NOT_VALID":
      return twilioErrors.invalidParameter("To", error.message);
    // A number that cannot take an SMS (or a toll-fraud type): Twilio's landline refusal.
    case "PHONE_NUMBER_TYPE_NOT_ALLOWED":
    case "PHONE_NUMBER_UNAVAILABLE":
      return new TwilioApiError(
        403,
        60205,
        `SMS is not supported by landline phone number. ${error.message}`,
      );
    case "PHONE_NUMBER_COUNTRY_NOT_ALLOWED":
      return new TwilioApiError(403, 60605, `Verification delivery attempt blocked. ${error.message}`);
    // Verifications that ended (approved, canceled, expired) are gone as far as Twilio is concerned.
    case "VERIFICATION_NOT_FOUND":
    case "VERIFICATION_ID_NOT_FOUND":
    case "CODE_EXPIRED":
    case "CODE_ALREADY_USED":
    case "TENANT_NOT_FOUND":
    case "USER_NOT_FOUND":
    case "PHONE_NUMBER_NOT_FOUND":
    case "MESSAGE_NOT_FOUND":
    case "DESTINATION_PAUSE_NOT_FOUND":
    case "CREDENTIAL_NOT_FOUND":
    case "WEBHOOK_ENDPOINT_NOT_FOUND":
    case "WEBHOOK_DELIVERY_NOT_FOUND":
    case "VERIFY_SERVICE_NOT_FOUND":
      return twilioErrors.notFound(path);
    // A wrong code is a 200 `pending` check on Twilio; the routes answer it so and never get here,
    // but any other route that met one says it as a bad parameter.
    case "CODE_INVALID":
      return twilioErrors.invalidParameter("Code", error.message);
    case "CODE_ATTEMPTS_EXHAUSTED":
    case "NUMBER_GUESS_BUDGET_EXHAUSTED":
    case "PHONE_NUMBER_LOCKED":
      return tooMany(error, 60202);
    case "SEND_LIMIT_REACHED":
    case "RESEND_COOLDOWN":
      return tooMany(error, 60203);
    case "BUDGET_EXCEEDED":
      return tooMany(error, 20429);
    // The conversion guard paused the destination: Twilio's Fraud Guard prefix block.
    case "DESTINATION_PAUSED":
      return new TwilioApiError(403, 60410, `Verification delivery attempt blocked. ${error.message}`);
    // Writes of other surfaces' resources; the Verify surface never asks for these.
    case "USER_ALREADY_EXISTS":
    case "TENANT_ALREADY_EXISTS":
    case "CONFIRMATION_REQUIRED":
    case "PHONE_NUMBER_TAKEN":
    case "PHONE_NUMBER_NOT_VERIFIED":
    case "PHONE_NUMBER_NOT_RESERVED":
    case "PHONE_NUMBER_ALREADY_VERIFIED":
    case "PHONE_NUMBER_LAST_IDENTIFICATION":
    case "DEFAULT_SECOND_FACTOR_REQUIRED":
    case "PROFILE_PHONE_ALREADY_VERIFIED":
    case "PROFILE_PHONE_UNCHANGED":
    case "IDEMPOTENCY_KEY_REUSED":
    case "IDEMPOTENCY_ANSWER_WITHHELD":
      return new TwilioApiError(409, 20409, error.message);
    case "IDEMPOTENCY_KEY_IN_PROGRESS":
      return tooMany(error, 20429);
    case "SERVICE_UNAVAILABLE":
      return new TwilioApiError(503, 20503, "Service unavailable");
    case "INTERNAL":
      return new TwilioApiError(500, 20500, "Internal Server Error");
    default:
      return assertNever(code);
  }
}
