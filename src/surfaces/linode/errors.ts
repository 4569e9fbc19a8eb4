import type { FastifyReply, FastifyRequest } from "fastify";
import { assertNever, type HandsetError } from "../../domain/errors.js";
import { sendErrorReply } from "../../http/error-edge.js";
import { toHandsetError } from "../../http/request-errors.js";

/** One entry of Linode's envelope: `reason` always, `field` only when a request field is at fault. */
export interface LinodeError {
  reason: string;
  field?: string;
}

export interface LinodeErrorBody {
  errors: LinodeError[];
}

/** The texts Linode's API is seen to answer with (reference A.2); clients and scripts match on them. */
export const INVALID_TOKEN = "Invalid Token";
export const SCOPE_NOT_AUTHORIZED = "Your OAuth token is not authorized to use this endpoint.";

/** Linode calls the region of a national number `iso_code`; the catalogue calls it `region`. */
function linodeField(field: string | undefined): string | undefined {
  if (field === undefined || field === "") return undefined;
  return field === "region" ? "iso_code" : field;
}

function entry(reason: string, field?: string): LinodeError {
  const name = linodeField(field);
  return name === undefined ? { reason } : { reason, field: name };
}

/**
 * Every catalogue code as Linode answers it. Linode documents 200, 400, 401, 403, 404, 429 and 500;
 * token and scope problems are both 401 (as the live API answers), every input or state problem of
 * the profile's number is 400, and limits are 429 with Retry-After.
 */
export function toLinodeError(error: HandsetError): { status: number; body: LinodeErrorBody } {
  const d = error.details;
  const one = (status: number, reason: string, field?: string) => ({
    status,
    body: { errors: [entry(reason, field)] },
  });
  switch (error.code) {
    case "INVALID_REQUEST":
      if (d.fields && d.fields.length > 0) {
        return { status: 400, body: { errors: d.fields.map((f) => entry(f.message, f.path)) } };
      }
      return one(400, error.message, d.field);
    case "MALFORMED_JSON":
      return one(400, "The request body is not valid JSON.");
    case "PAYLOAD_TOO_LARGE":
      return one(400, "The request body is too large.");
    case "UNSUPPORTED_MEDIA_TYPE":
      return one(400, "Send the request body as application/json.");
    case "UNAUTHENTICATED":
    case "CREDENTIAL_EXPIRED":
      return one(401, INVALID_TOKEN);
    case "INSUFFICIENT_SCOPE":
      return one(401, SCOPE_NOT_AUTHORIZED);
    case "ROUTE_NOT_FOUND":
    case "TENANT_NOT_FOUND":
    case "USER_NOT_FOUND":
      return one(404, "Not found");
    case "PHONE_NUMBER_NOT_A_NUMBER":
    case "PHONE_NUMBER_TOO_LONG":
    case "PHONE_NUMBER_NOT_POSSIBLE":
    case "PHONE_NUMBER_NOT_VALID":
    case "PHONE_NUMBER_TYPE_NOT_ALLOWED":
    case "PHONE_NUMBER_COUNTRY_NOT_ALLOWED":
      return one(400, error.message, d.field ?? "phone_number");
    case "PHONE_NUMBER_REGION_INVALID":
      return one(400, error.message, "iso_code");
    case "PHONE_NUMBER_TAKEN":
      // Which user holds it is none of this caller's business.
      return one(400, "This phone number is already in use.", "phone_number");
    case "PHONE_NUMBER_UNAVAILABLE":
      return one(400, error.message, "phone_number");
    case "PHONE_NUMBER_ALREADY_VERIFIED":
    case "PROFILE_PHONE_ALREADY_VERIFIED":
    case "PROFILE_PHONE_UNCHANGED":
      return one(400, error.message, "phone_number");
    case "PHONE_NUMBER_NOT_FOUND":
    case "MESSAGE_NOT_FOUND":
    case "VERIFICATION_ID_NOT_FOUND":
    case "DESTINATION_PAUSE_NOT_FOUND":
    case "CREDENTIAL_NOT_FOUND":
    case "WEBHOOK_ENDPOINT_NOT_FOUND":
    case "WEBHOOK_DELIVERY_NOT_FOUND":
    case "VERIFY_SERVICE_NOT_FOUND":
    case "PHONE_NUMBER_NOT_VERIFIED":
    case "PHONE_NUMBER_NOT_RESERVED":
    case "PHONE_NUMBER_LAST_IDENTIFICATION":
    case "DEFAULT_SECOND_FACTOR_REQUIRED":
    case "USER_ALREADY_EXISTS":
    case "TENANT_ALREADY_EXISTS":
    case "CONFIRMATION_REQUIRED":
    // Idempotency keys belong to the native API; Linode's surface never asks for these.
    case "IDEMPOTENCY_KEY_REUSED":
    case "IDEMPOTENCY_KEY_IN_PROGRESS":
    case "IDEMPOTENCY_ANSWER_WITHHELD":
      return one(400, error.message);
    case "VERIFICATION_NOT_FOUND":
      return one(400, error.message, "otp_code");
    case "CODE_INVALID": {
      const left = d.attemptsLeft;
      const tail = left === undefined ? "" : ` ${left} ${left === 1 ? "attempt" : "attempts"} left.`;
      return one(400, `Invalid verification code.${tail}`, "otp_code");
    }
    case "CODE_EXPIRED":
      return one(400, "The verification code has expired: request a new one.", "otp_code");
    case "CODE_ATTEMPTS_EXHAUSTED":
      return one(400, "Too many invalid verification codes: request a new one.", "otp_code");
    case "CODE_ALREADY_USED":
      return one(400, "This phone number is already verified.", "otp_code");
    case "NUMBER_GUESS_BUDGET_EXHAUSTED":
    case "RESEND_COOLDOWN":
    case "SEND_LIMIT_REACHED":
    case "BUDGET_EXCEEDED":
    case "DESTINATION_PAUSED":
    case "PHONE_NUMBER_LOCKED":
      return one(429, error.message);
    case "SERVICE_UNAVAILABLE":
      return one(503, "Service unavailable: try again shortly.");
    case "INTERNAL":
      return one(500, "Internal server error");
    default:
      return assertNever(error.code);
  }
}

/**
 * Linode documents every 429 as carrying `Retry-After` (and linode-cli waits as it says before
 * retrying), so a limit whose end is unknown still says one second; other surfaces send the header
 * only when the time is known.
 */
const UNKNOWN_RETRY_MS = 1_000;

/** The Linode error edge: the envelope; the request id travels in `x-request-id` only. */
export function sendLinodeError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  now: number,
): FastifyReply {
  const handsetError = toHandsetError(error);
  const { status, body } = toLinodeError(handsetError);
  const retryAt = handsetError.details.retryAt ?? (status === 429 ? now + UNKNOWN_RETRY_MS : undefined);
  return sendErrorReply(request, reply, { status, body, cause: error, retryAt }, now);
}
