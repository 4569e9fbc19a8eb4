import { errors as jose } from "jose";
import { HandsetError } from "../../domain/errors.js";

/**
 * Why an app JWT is refused, as `details.reason` of the error (docs/app-tokens.md). Every one is a 401
 * (UNAUTHENTICATED; an expired token CREDENTIAL_EXPIRED) but `jwks_unavailable`, a 503: the token may
 * be good, the issuer's keys cannot be read now, so the client should retry rather than sign in again.
 */
export type AppJwtRefusalReason =
  | "token_malformed"
  | "algorithm_not_allowed"
  | "signature_invalid"
  | "key_not_found"
  | "issuer_invalid"
  | "audience_invalid"
  | "expiry_missing"
  | "token_expired"
  | "token_not_yet_valid"
  | "user_claim_invalid"
  | "tenant_not_found"
  | "jwks_unavailable";

const MESSAGES: Record<AppJwtRefusalReason, string> = {
  token_malformed: "The token is not a well-formed JWT.",
  algorithm_not_allowed: "The token's signing algorithm is not allowed.",
  signature_invalid: "The token's signature does not verify.",
  key_not_found: "The token's signing key (kid) is not among the issuer's keys.",
  issuer_invalid: "The token's issuer (iss) is not the configured one.",
  audience_invalid: "The token's audience (aud) does not name this service.",
  expiry_missing: "The token has no expiry (exp).",
  token_expired: "The token has expired.",
  token_not_yet_valid: "The token is not valid yet (nbf).",
  user_claim_invalid:
    "The token's user claim is missing or is not a user id (1 to 64 letters, digits, '_' or '-').",
  tenant_not_found: "The tenant app tokens belong to does not exist.",
  jwks_unavailable: "The issuer's keys (JWKS) cannot be read now; try again shortly.",
};

export function appJwtRefusal(reason: AppJwtRefusalReason, retryAt?: number): HandsetError {
  const code =
    reason === "token_expired"
      ? "CREDENTIAL_EXPIRED"
      : reason === "jwks_unavailable"
        ? "SERVICE_UNAVAILABLE"
        : "UNAUTHENTICATED";
  return new HandsetError(code, MESSAGES[reason], {
    reason,
    ...(retryAt !== undefined ? { retryAt } : {}),
  });
}

const CLAIM_REASONS: Record<string, AppJwtRefusalReason> = {
  iss: "issuer_invalid",
  aud: "audience_invalid",
  nbf: "token_not_yet_valid",
  exp: "expiry_missing",
};

/**
 * jose's failure as a refusal. A HandsetError (the key lookup's own refusal) passes unchanged; anything
 * else jose raises on a token (a key of the wrong type for the header's `alg`, a bad encoding) is the
 * token's fault, never a 500.
 */
export function refusalOfJoseError(error: unknown): HandsetError {
  if (error instanceof HandsetError) return error;
  if (error instanceof jose.JWTExpired) return appJwtRefusal("token_expired");
  if (error instanceof jose.JWTClaimValidationFailed) {
    return appJwtRefusal(CLAIM_REASONS[error.claim] ?? "token_malformed");
  }
  if (error instanceof jose.JOSEAlgNotAllowed || error instanceof jose.JOSENotSupported) {
    return appJwtRefusal("algorithm_not_allowed");
  }
  if (error instanceof jose.JWSSignatureVerificationFailed) return appJwtRefusal("signature_invalid");
  if (error instanceof jose.JWKSNoMatchingKey) return appJwtRefusal("key_not_found");
  if (error instanceof jose.JOSEError || error instanceof TypeError || error instanceof SyntaxError) {
    return appJwtRefusal("token_malformed");
  }
  throw error;
}
