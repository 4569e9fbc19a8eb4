import { Code, ConnectError } from "@connectrpc/connect";
import { ErrorDetailSchema } from "@zitadel/proto/zitadel/message_pb.js";
import { assertNever, type HandsetError } from "../../domain/errors.js";

/** Which API a failure is reported on: ZITADEL gives the same condition different ids in v1 and v2. */
export type ZitadelApi = "v1" | "v2";
export type ZitadelOperation = "get" | "read" | "set" | "verify" | "resend" | "remove";

/**
 * A failure as ZITADEL reports it: the status message is `<text> (<id>)` and one
 * `zitadel.v1.ErrorDetail {id, message}` travels with it. Handset's extra facts (tries left, when to
 * retry) ride in metadata, so that strict clients see ZITADEL's shape unchanged.
 */
export function zitadelError(
  code: Code,
  id: string,
  message: string,
  metadata: Record<string, string> = {},
): ConnectError {
  return new ConnectError(`${message} (${id})`, code, metadata, [
    { desc: ErrorDetailSchema, value: { id, message } },
  ]);
}

/** Failures ZITADEL's interceptors raise before its own error handling: a bare status, no detail. */
export function plainError(code: Code, message: string): ConnectError {
  return new ConnectError(message, code);
}

export const authHeaderMissing = (): ConnectError => plainError(Code.Unauthenticated, "auth header missing");

export const noPermission = (): ConnectError =>
  zitadelError(Code.PermissionDenied, "AUTH-5mWD2", "No matching permissions found");

export const phoneNotChanged = (api: ZitadelApi): ConnectError =>
  zitadelError(
    Code.FailedPrecondition,
    api === "v1" ? "COMMAND-wF94r" : "COMMAND-Uch5e",
    "Phone not changed",
  );

export const phoneNotFound = (api: ZitadelApi, op: ZitadelOperation): ConnectError =>
  api === "v2" && op === "resend"
    ? codeEmpty()
    : zitadelError(Code.NotFound, op === "resend" ? "COMMAND-2b7Hf" : "COMMAND-p6rsc", "Phone not found");

export const phoneAlreadyVerified = (api: ZitadelApi): ConnectError =>
  api === "v2"
    ? codeEmpty()
    : zitadelError(Code.FailedPrecondition, "COMMAND-2M9sf", "Phone already verified");

/** v2 ResendPhoneCode when no code is pending (no phone, or it is verified). */
const codeEmpty = (): ConnectError =>
  zitadelError(Code.FailedPrecondition, "PHONE-5xrra88eq8", "Code is empty");

/** ZITADEL folds "wrong" and "expired" into one answer; so does Handset, with tries left in metadata. */
const codeInvalid = (api: ZitadelApi, metadata: Record<string, string> = {}): ConnectError =>
  zitadelError(
    Code.InvalidArgument,
    api === "v1" ? "COMMAND-sM0cs" : "COMMAND-eis9R",
    "Code is invalid",
    metadata,
  );

/** No open code: v1 says "not found"; v2 checks against nothing and says "invalid". */
const codeNotFound = (api: ZitadelApi): ConnectError =>
  api === "v1" ? zitadelError(Code.NotFound, "COMMAND-Rsj8c", "Code not found") : codeInvalid("v2");

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Handset's facts a caller can act on, as response metadata (headers or trailers); `Retry-After`
 * is added by the error edge, as on every surface.
 */
function factsOf(error: HandsetError): Record<string, string> {
  const d = error.details;
  const facts: Record<string, string> = {};
  if (d.attemptsLeft !== undefined) facts["handset-attempts-left"] = String(d.attemptsLeft);
  if (d.expiresAt !== undefined) facts["handset-expires-at"] = iso(d.expiresAt);
  if (d.retryAt !== undefined) facts["handset-retry-at"] = iso(d.retryAt);
  if (d.limit !== undefined) facts["handset-limit"] = d.limit;
  return facts;
}

/**
 * Every catalogue code as ZITADEL would say it. Where ZITADEL has the condition, its code, id and
 * text; where only Handset refuses (stricter number checks, attempt limits, rate limits), a
 * `HANDSET-*` id with Handset's own message.
 */
export function toZitadelError(error: HandsetError, api: ZitadelApi, op: ZitadelOperation): ConnectError {
  const facts = factsOf(error);
  const handset = (code: Code, id: string) => zitadelError(code, `HANDSET-${id}`, error.message, facts);
  switch (error.code) {
    case "INVALID_REQUEST":
    case "MALFORMED_JSON":
    case "UNSUPPORTED_MEDIA_TYPE":
      return handset(Code.InvalidArgument, "INVALID-REQUEST");
    case "PAYLOAD_TOO_LARGE":
      return handset(Code.ResourceExhausted, "PAYLOAD-TOO-LARGE");
    case "ROUTE_NOT_FOUND":
      return plainError(Code.NotFound, "Not Found");
    case "UNAUTHENTICATED":
      return zitadelError(Code.Unauthenticated, "AUTH-7fs1e", "Token is invalid");
    case "CREDENTIAL_EXPIRED":
      return zitadelError(Code.Unauthenticated, "AUTH-7fs1e", "Token is invalid", {
        "handset-reason": "expired",
      });
    case "INSUFFICIENT_SCOPE":
      return noPermission();
    case "PHONE_NUMBER_NOT_A_NUMBER":
    case "PHONE_NUMBER_TOO_LONG":
    case "PHONE_NUMBER_REGION_INVALID":
    case "PHONE_NUMBER_NOT_POSSIBLE":
      return zitadelError(Code.InvalidArgument, "PHONE-so0wa", "Phone is invalid");
    case "PHONE_NUMBER_NOT_VALID":
      return handset(Code.InvalidArgument, "PHONE-NOT-VALID");
    case "PHONE_NUMBER_TYPE_NOT_ALLOWED":
      return handset(Code.InvalidArgument, "PHONE-TYPE-NOT-ALLOWED");
    case "PHONE_NUMBER_COUNTRY_NOT_ALLOWED":
      return handset(Code.InvalidArgument, "PHONE-COUNTRY-NOT-ALLOWED");
    case "PHONE_NUMBER_TAKEN":
      return handset(Code.AlreadyExists, "PHONE-TAKEN");
    case "PHONE_NUMBER_UNAVAILABLE":
      return handset(Code.InvalidArgument, "PHONE-UNAVAILABLE");
    case "TENANT_NOT_FOUND":
    case "USER_NOT_FOUND":
      if (api === "v1") return zitadelError(Code.NotFound, "QUERY-DAvb3", "User could not be found");
      // v2's GetUserByID is a query (`QUERY-Dfbg2`); its phone commands say "Phone not found".
      return op === "read"
        ? zitadelError(Code.NotFound, "QUERY-Dfbg2", "User could not be found")
        : zitadelError(Code.NotFound, "COMMAND-ieJ2e", "Phone not found");
    case "USER_ALREADY_EXISTS":
      return handset(Code.AlreadyExists, "USER-EXISTS");
    case "PHONE_NUMBER_NOT_FOUND":
      return op === "verify" ? codeNotFound(api) : phoneNotFound(api, op);
    case "MESSAGE_NOT_FOUND":
      return handset(Code.NotFound, "MESSAGE-NOT-FOUND");
    case "VERIFICATION_ID_NOT_FOUND":
      return handset(Code.NotFound, "VERIFICATION-NOT-FOUND");
    case "DESTINATION_PAUSE_NOT_FOUND":
      return handset(Code.NotFound, "DESTINATION-PAUSE-NOT-FOUND");
    case "CREDENTIAL_NOT_FOUND":
      return handset(Code.NotFound, "CREDENTIAL-NOT-FOUND");
    case "WEBHOOK_ENDPOINT_NOT_FOUND":
      return handset(Code.NotFound, "WEBHOOK-ENDPOINT-NOT-FOUND");
    case "WEBHOOK_DELIVERY_NOT_FOUND":
      return handset(Code.NotFound, "WEBHOOK-DELIVERY-NOT-FOUND");
    case "VERIFY_SERVICE_NOT_FOUND":
      return handset(Code.NotFound, "VERIFY-SERVICE-NOT-FOUND");
    case "TENANT_ALREADY_EXISTS":
      return handset(Code.AlreadyExists, "TENANT-EXISTS");
    case "CONFIRMATION_REQUIRED":
      return handset(Code.FailedPrecondition, "CONFIRMATION-REQUIRED");
    // Idempotency keys belong to the native API; ZITADEL's surface never asks for these.
    case "IDEMPOTENCY_KEY_REUSED":
      return handset(Code.InvalidArgument, "IDEMPOTENCY-KEY-REUSED");
    case "IDEMPOTENCY_KEY_IN_PROGRESS":
      return handset(Code.Aborted, "IDEMPOTENCY-KEY-IN-PROGRESS");
    case "IDEMPOTENCY_ANSWER_WITHHELD":
      return handset(Code.FailedPrecondition, "IDEMPOTENCY-ANSWER-WITHHELD");
    case "PHONE_NUMBER_NOT_VERIFIED":
      return handset(Code.FailedPrecondition, "PHONE-NOT-VERIFIED");
    case "PHONE_NUMBER_NOT_RESERVED":
      return handset(Code.FailedPrecondition, "PHONE-NOT-RESERVED");
    case "PHONE_NUMBER_LAST_IDENTIFICATION":
      return handset(Code.FailedPrecondition, "PHONE-LAST-IDENTIFICATION");
    case "DEFAULT_SECOND_FACTOR_REQUIRED":
      return handset(Code.FailedPrecondition, "DEFAULT-SECOND-FACTOR");
    case "PROFILE_PHONE_UNCHANGED":
      return phoneNotChanged(api);
    case "PHONE_NUMBER_ALREADY_VERIFIED":
    case "PROFILE_PHONE_ALREADY_VERIFIED":
      return phoneAlreadyVerified(api);
    case "VERIFICATION_NOT_FOUND":
    case "CODE_ALREADY_USED":
      return op === "resend" && api === "v2" ? codeEmpty() : codeNotFound(api);
    case "CODE_INVALID":
    case "CODE_EXPIRED":
      return codeInvalid(api, facts);
    case "CODE_ATTEMPTS_EXHAUSTED":
      return handset(Code.ResourceExhausted, "CODE-ATTEMPTS-EXHAUSTED");
    case "NUMBER_GUESS_BUDGET_EXHAUSTED":
      return handset(Code.ResourceExhausted, "NUMBER-GUESS-BUDGET");
    case "RESEND_COOLDOWN":
      return handset(Code.ResourceExhausted, "RESEND-COOLDOWN");
    case "SEND_LIMIT_REACHED":
      return handset(Code.ResourceExhausted, "SEND-LIMIT");
    case "BUDGET_EXCEEDED":
      return handset(Code.ResourceExhausted, "BUDGET-EXCEEDED");
    case "DESTINATION_PAUSED":
      return handset(Code.ResourceExhausted, "DESTINATION-PAUSED");
    case "PHONE_NUMBER_LOCKED":
      return handset(Code.ResourceExhausted, "PHONE-LOCKED");
    case "SERVICE_UNAVAILABLE":
      return handset(Code.Unavailable, "UNAVAILABLE");
    case "INTERNAL":
      return zitadelError(Code.Internal, "HANDSET-INTERNAL", "Internal error");
    default:
      return assertNever(error.code);
  }
}
