import { assertNever, type HandsetError } from "../../domain/errors.js";
import { ClerkApiError, type ClerkErrorEntry, clerkErrors, param, single } from "./error-entries.js";

export { ClerkApiError, type ClerkErrorEntry, clerkErrors };

/** Which operation failed: some of Clerk's codes differ between creating and updating a number. */
export type ClerkAction =
  | "create_phone_number"
  | "update_phone_number"
  | "delete_phone_number"
  | "update_user"
  | "attempt_verification"
  | "other";

export interface ClerkErrorContext {
  action: ClerkAction;
  /** The user the request named, for Clerk's "No user was found with id ..." sentence. */
  userId?: string;
}

function phoneFormatInvalid(error: HandsetError): ClerkApiError {
  return single(422, {
    message: "is invalid",
    long_message:
      error.code === "PHONE_NUMBER_TYPE_NOT_ALLOWED" || error.code === "PHONE_NUMBER_UNAVAILABLE"
        ? error.message
        : "phone_number must be a valid phone number according to E.164 international standard.",
    code: "form_param_format_invalid",
    meta: { param_name: "phone_number" },
  });
}

function tooManyRequests(error: HandsetError): ClerkApiError {
  return new ClerkApiError(
    429,
    [{ message: "Too many requests", long_message: error.message, code: "too_many_requests" }],
    error.details.retryAt,
  );
}

/** Every code of Handset's catalogue in Clerk's terms; the switch is exhaustive at compile time. */
export function toClerkError(error: HandsetError, ctx: ClerkErrorContext): ClerkApiError {
  const code = error.code;
  switch (code) {
    case "INVALID_REQUEST": {
      const field = error.details.fields?.[0]?.path ?? error.details.field;
      return new ClerkApiError(422, [
        field
          ? clerkErrors.paramValueInvalid(field, error.message)
          : { message: "is invalid", long_message: error.message, code: "form_param_value_invalid" },
      ]);
    }
    case "MALFORMED_JSON":
      return clerkErrors.requestBodyInvalid();
    case "PAYLOAD_TOO_LARGE":
      return new ClerkApiError(413, [
        { message: "Request body too large", long_message: error.message, code: "request_body_invalid" },
      ]);
    case "UNSUPPORTED_MEDIA_TYPE":
      return clerkErrors.requestBodyInvalid("The request body must be sent as application/json.");
    case "ROUTE_NOT_FOUND":
      return clerkErrors.resourceNotFound("Resource not found", "not found");
    case "UNAUTHENTICATED":
    case "CREDENTIAL_EXPIRED":
      return clerkErrors.clerkKeyInvalid();
    case "INSUFFICIENT_SCOPE":
      return clerkErrors.authorizationInvalid();
    case "PHONE_NUMBER_NOT_A_NUMBER":
    case "PHONE_NUMBER_TOO_LONG":
    case "PHONE_NUMBER_REGION_INVALID":
    case "PHONE_NUMBER_NOT_POSSIBLE":
    case "PHONE_NUMBER_NOT_VALID":
    case "PHONE_NUMBER_TYPE_NOT_ALLOWED":
      return phoneFormatInvalid(error);
    case "PHONE_NUMBER_COUNTRY_NOT_ALLOWED":
      return single(403, {
        message: "Country code not allowed.",
        long_message: `Phone number sign ups are not allowed for this country code. ${error.message}`,
        code: "not_allowed_access",
        meta: { param_name: "phone_number" },
      });
    case "TENANT_NOT_FOUND":
      return clerkErrors.resourceNotFound("Resource not found", "not found");
    case "USER_NOT_FOUND":
      return clerkErrors.userNotFound(ctx.userId);
    case "USER_ALREADY_EXISTS":
      return clerkErrors.identificationExists("external_id");
    case "PHONE_NUMBER_NOT_FOUND":
      // `primary_phone_number_id` naming a number the user does not hold is a bad parameter.
      if (error.details.field === "primary_phone_number_id") {
        return new ClerkApiError(422, [
          clerkErrors.paramValueInvalid("primary_phone_number_id", error.message),
        ]);
      }
      return clerkErrors.resourceNotFound();
    case "MESSAGE_NOT_FOUND":
    case "VERIFICATION_ID_NOT_FOUND":
    case "DESTINATION_PAUSE_NOT_FOUND":
    case "CREDENTIAL_NOT_FOUND":
    case "WEBHOOK_ENDPOINT_NOT_FOUND":
    case "WEBHOOK_DELIVERY_NOT_FOUND":
    case "VERIFY_SERVICE_NOT_FOUND":
      return clerkErrors.resourceNotFound();
    // Tenants are managed on the native admin API only; Clerk's surface never asks for these.
    case "TENANT_ALREADY_EXISTS":
    case "CONFIRMATION_REQUIRED":
    // Idempotency keys belong to the native API too.
    case "IDEMPOTENCY_KEY_REUSED":
    case "IDEMPOTENCY_KEY_IN_PROGRESS":
    case "IDEMPOTENCY_ANSWER_WITHHELD":
      return new ClerkApiError(409, [{ message: "Conflict", long_message: error.message, code: "conflict" }]);
    case "PHONE_NUMBER_TAKEN":
      return clerkErrors.identificationExists("phone_number");
    case "PHONE_NUMBER_UNAVAILABLE":
      return phoneFormatInvalid(error);
    case "PHONE_NUMBER_NOT_VERIFIED":
      if (error.details.field === "primary_phone_number_id") {
        return new ClerkApiError(422, [
          clerkErrors.paramValueInvalid("primary_phone_number_id", error.message),
        ]);
      }
      if (ctx.action === "create_phone_number") return clerkErrors.createSecondFactorUnverified();
      if (ctx.action === "update_phone_number") return clerkErrors.updateSecondFactorUnverified();
      return new ClerkApiError(400, [
        { message: "Update failed", long_message: error.message, code: "identification_update_failed" },
      ]);
    case "PHONE_NUMBER_NOT_RESERVED":
      return new ClerkApiError(422, [clerkErrors.paramValueInvalid("default_second_factor", error.message)]);
    case "PHONE_NUMBER_LAST_IDENTIFICATION":
      return ctx.action === "delete_phone_number"
        ? single(400, {
            message: "Deletion failed",
            long_message: "You cannot delete your last identification.",
            code: "identification_deletion_failed",
          })
        : clerkErrors.lastIdentificationAsSecondFactor();
    case "DEFAULT_SECOND_FACTOR_REQUIRED":
      return clerkErrors.disableDefaultSecondFactorNotAllowed();
    case "PROFILE_PHONE_UNCHANGED":
    case "PROFILE_PHONE_ALREADY_VERIFIED":
    case "PHONE_NUMBER_ALREADY_VERIFIED":
    case "CODE_ALREADY_USED":
      return single(400, {
        message: "already verified",
        long_message: error.message,
        code: "verification_already_verified",
      });
    case "VERIFICATION_NOT_FOUND":
      // attempt_verification names the verification: one that is not there is not found.
      if (ctx.action === "attempt_verification") return clerkErrors.resourceNotFound(error.message);
      return single(400, {
        message: "missing verification",
        long_message: error.message,
        code: "verification_missing",
      });
    case "CODE_INVALID":
      return single(422, {
        message: "is incorrect",
        long_message: "Incorrect code",
        code: "form_code_incorrect",
        ...param("code"),
      });
    case "CODE_EXPIRED":
      return single(400, { message: "expired", long_message: error.message, code: "verification_expired" });
    case "CODE_ATTEMPTS_EXHAUSTED":
      return single(400, {
        message: "failed",
        long_message: error.message,
        code: "verification_failed",
      });
    case "NUMBER_GUESS_BUDGET_EXHAUSTED":
    case "RESEND_COOLDOWN":
    case "SEND_LIMIT_REACHED":
    case "BUDGET_EXCEEDED":
    case "DESTINATION_PAUSED":
    case "PHONE_NUMBER_LOCKED":
      return tooManyRequests(error);
    case "SERVICE_UNAVAILABLE":
      return single(503, {
        message: "Service unavailable",
        long_message: error.message,
        code: "service_unavailable",
      });
    case "INTERNAL":
      return single(500, {
        message: "Oops, an unexpected error occurred",
        long_message:
          "There was an internal error on our servers. We've been notified and are working on fixing it.",
        code: "internal_clerk_error",
      });
    default:
      return assertNever(code);
  }
}
