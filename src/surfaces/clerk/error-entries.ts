/** Clerk's error envelope and the catalogue entries this surface answers with, in Clerk's words. */
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

export function single(status: number, entry: ClerkErrorEntry): ClerkApiError {
  return new ClerkApiError(status, [entry]);
}

export const param = (name: string | undefined) => (name ? { meta: { param_name: name } } : {});

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
