import type { FastifyReply, FastifyRequest } from "fastify";
import { assertNever, type ErrorCode, type HandsetError } from "../../domain/errors.js";
import { sendErrorReply } from "../../http/error-edge.js";
import { toHandsetError } from "../../http/request-errors.js";

/** The native API's status for every code in the catalogue. */
export function nativeStatus(code: ErrorCode): number {
  switch (code) {
    case "INVALID_REQUEST":
    case "MALFORMED_JSON":
      return 400;
    case "UNAUTHENTICATED":
    case "CREDENTIAL_EXPIRED":
      return 401;
    case "INSUFFICIENT_SCOPE":
      return 403;
    case "ROUTE_NOT_FOUND":
    case "TENANT_NOT_FOUND":
    case "USER_NOT_FOUND":
    case "PHONE_NUMBER_NOT_FOUND":
    case "MESSAGE_NOT_FOUND":
    case "DESTINATION_PAUSE_NOT_FOUND":
    case "CREDENTIAL_NOT_FOUND":
    case "VERIFICATION_ID_NOT_FOUND":
    case "WEBHOOK_ENDPOINT_NOT_FOUND":
    case "WEBHOOK_DELIVERY_NOT_FOUND":
    case "VERIFY_SERVICE_NOT_FOUND":
      return 404;
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
    case "VERIFICATION_NOT_FOUND":
    case "CODE_ALREADY_USED":
    case "IDEMPOTENCY_KEY_IN_PROGRESS":
    case "IDEMPOTENCY_ANSWER_WITHHELD":
      return 409;
    case "PAYLOAD_TOO_LARGE":
      return 413;
    case "UNSUPPORTED_MEDIA_TYPE":
      return 415;
    case "PHONE_NUMBER_NOT_A_NUMBER":
    case "PHONE_NUMBER_TOO_LONG":
    case "PHONE_NUMBER_REGION_INVALID":
    case "PHONE_NUMBER_NOT_POSSIBLE":
    case "PHONE_NUMBER_NOT_VALID":
    case "PHONE_NUMBER_TYPE_NOT_ALLOWED":
    case "PHONE_NUMBER_COUNTRY_NOT_ALLOWED":
    case "PHONE_NUMBER_UNAVAILABLE":
    case "CODE_INVALID":
    case "CODE_EXPIRED":
    case "CODE_ATTEMPTS_EXHAUSTED":
    case "IDEMPOTENCY_KEY_REUSED":
      return 422;
    case "NUMBER_GUESS_BUDGET_EXHAUSTED":
    case "RESEND_COOLDOWN":
    case "SEND_LIMIT_REACHED":
    case "BUDGET_EXCEEDED":
    case "DESTINATION_PAUSED":
    case "PHONE_NUMBER_LOCKED":
      return 429;
    case "INTERNAL":
      return 500;
    case "SERVICE_UNAVAILABLE":
      return 503;
    default:
      return assertNever(code);
  }
}

export interface NativeErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    request_id: string;
    details?: Record<string, string | number>;
    fields?: { path: string; message: string }[];
  };
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function nativeErrorBody(error: HandsetError, requestId: string): NativeErrorBody {
  const d = error.details;
  const details: Record<string, string | number> = {};
  if (d.attemptsLeft !== undefined) details.attempts_left = d.attemptsLeft;
  if (d.expiresAt !== undefined) details.expires_at = iso(d.expiresAt);
  if (d.retryAt !== undefined) details.retry_at = iso(d.retryAt);
  if (d.numberType !== undefined) details.number_type = d.numberType;
  if (d.region !== undefined) details.region = d.region;
  if (d.field !== undefined) details.field = d.field;
  if (d.limit !== undefined) details.limit = d.limit;
  if (d.reason !== undefined) details.reason = d.reason;
  if (d.verificationId !== undefined) details.verification_id = d.verificationId;
  return {
    error: {
      code: error.code,
      message: error.message,
      request_id: requestId,
      ...(Object.keys(details).length > 0 ? { details } : {}),
      ...(d.fields ? { fields: d.fields } : {}),
    },
  };
}

/** The native error edge: one envelope for every failure, with the request id in it. */
export function sendNativeError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  now: number,
): FastifyReply {
  const handsetError = toHandsetError(error);
  return sendErrorReply(
    request,
    reply,
    {
      status: nativeStatus(handsetError.code),
      body: nativeErrorBody(handsetError, request.id),
      cause: error,
      retryAt: handsetError.details.retryAt,
    },
    now,
  );
}
