import { assertNever, type HandsetError } from "../../domain/errors.js";

/** One entry of Clerk's `errors[]`: `message` is Clerk's short message, `long_message` the sentence. */
export interface ClerkErrorEntry {
  message: string;
  long_message: string;
  code: string;
  meta?: { param_name?: string };
}

/** An error already in Clerk's terms: thrown by the surface's own checks (auth, body, Clerk-only rules). */
export class ClerkApiError extends Error {
  readonly status: number;
  readonly errors: ClerkErrorEntry[];
  /** When trying again can succeed, for 429s whose limit says. */
  readonly retryAt: number | undefined;

  constructor(status: number, errors: ClerkErrorEntry[], retryAt?: number) {
    super(errors[0]?.long_message ?? "Clerk API error");
    this.name = "ClerkApiError";
    this.status = status;
    this.errors = errors;
    this.retryAt = retryAt;
  }
}

function single(status: number, entry: ClerkErrorEntry): ClerkApiError {
  return new ClerkApiError(status, [entry]);
}

const param = (name: string | undefined) => (name ? { meta: { param_name: name } } : {});

/** Clerk's catalogue entries this surface answers with, worded as Clerk words them. */
export const clerkErrors = {
  authorizationHeaderFormatInvalid: () =>
    single(401, {
      message: "Invalid Authorization header format",
      long_message: "Invalid Authorization header format. Must be 'Bearer <YOUR_API_KEY>'",
      code: "authorization_header_format_invalid",
    }),
  clerkKeyInvalid: () =>
    single(401, {
      message: "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.",
      long_message:
        "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.",
      code: "clerk_key_invalid",
    }),
  authorizationInvalid: (detail?: string) =>
    single(403, {
      message: "Unauthorized request",
      long_message: detail ?? "You are not authorized to perform this request",
      code: "authorization_invalid",
    }),
  apiVersionInvalid: (reason: string) =>
    single(400, {
      message: "invalid API version",
      long_message: `Invalid Clerk API version: ${reason}`,
      code: "api_version_invalid",
    }),
  requestBodyInvalid: (detail?: string) =>
    single(400, {
      message: "Request body invalid",
      long_message:
        detail ?? "The request body is invalid. Please consult the API documentation for more information.",
      code: "request_body_invalid",
    }),
  paramMissing: (name: string): ClerkErrorEntry => ({
    message: "is missing",
    long_message: `${name} must be included.`,
    code: "form_param_missing",
    meta: { param_name: name },
  }),
  paramUnknown: (name: string): ClerkErrorEntry => ({
    message: "is unknown",
    long_message: `${name} is not a valid parameter for this request.`,
    code: "form_param_unknown",
    meta: { param_name: name },
  }),
  paramValueInvalid: (name: string, longMessage: string): ClerkErrorEntry => ({
    message: "is invalid",
    long_message: longMessage,
    code: "form_param_value_invalid",
    meta: { param_name: name },
  }),
  resourceNotFound: (longMessage = "Resource not found", message = "Resource not found") =>
    single(404, { message, long_message: longMessage, code: "resource_not_found" }),
  userNotFound: (userId: string | undefined) =>
    single(404, {
      message: "not found",
      long_message: userId ? `No user was found with id ${userId}` : "No user was found with the given id",
      code: "resource_not_found",
    }),
  identificationExists: (name: "phone_number" | "external_id") =>
    single(422, {
      message:
        name === "phone_number"
          ? "That phone number is taken. Please try another."
          : "That external ID is taken. Please try another.",
      long_message:
        name === "phone_number"
          ? "That phone number is taken. Please try another."
          : "That external ID is taken. Please try another.",
      code: "form_identifier_exists",
      meta: { param_name: name },
    }),
  createSecondFactorUnverified: () =>
    single(400, {
      message: "Create failed",
      long_message: "Unverified identifications cannot be a second factor",
      code: "identification_create_second_factor_unverified",
    }),
  updateSecondFactorUnverified: () =>
    single(400, {
      message: "Update failed",
      long_message: "Cannot update second factor attributes for unverified identification",
      code: "identification_update_second_factor_unverified",
    }),
  lastIdentificationAsSecondFactor: () =>
    single(400, {
      message: "Update failed",
      long_message: "You cannot set your last identification as second factor.",
      code: "identification_update_failed",
    }),
  disableDefaultSecondFactorNotAllowed: () =>
    single(422, {
      message:
        "The default second factor method can only be changed by assigning another method as the default.",
      long_message:
        "The default second factor method can only be changed by assigning another method as the default.",
      code: "form_disable_default_second_factor_not_allowed",
      meta: { param_name: "default_second_factor" },
    }),
};

/** Which operation failed: some of Clerk's codes differ between creating and updating a number. */
export type ClerkAction = "create_phone_number" | "update_phone_number" | "delete_phone_number" | "other";

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
    case "MESSAGE_NOT_FOUND":
    case "DESTINATION_PAUSE_NOT_FOUND":
    case "CREDENTIAL_NOT_FOUND":
    case "WEBHOOK_ENDPOINT_NOT_FOUND":
    case "WEBHOOK_DELIVERY_NOT_FOUND":
      return clerkErrors.resourceNotFound();
    // Tenants are managed on the native admin API only; Clerk's surface never asks for these.
    case "TENANT_ALREADY_EXISTS":
    case "CONFIRMATION_REQUIRED":
      return new ClerkApiError(409, [{ message: "Conflict", long_message: error.message, code: "conflict" }]);
    case "PHONE_NUMBER_TAKEN":
      return clerkErrors.identificationExists("phone_number");
    case "PHONE_NUMBER_UNAVAILABLE":
      return phoneFormatInvalid(error);
    case "PHONE_NUMBER_NOT_VERIFIED":
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
