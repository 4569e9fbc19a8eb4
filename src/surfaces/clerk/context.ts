import type { FastifyRequest } from "fastify";
import type { Clock } from "../../domain/clock.js";
import { isHandsetError } from "../../domain/errors.js";
import type { Scope } from "../../domain/scopes.js";
import type { Authenticator } from "../../http/authenticator.js";
import { callerOfRequest } from "../../http/request-caller.js";
import type { Caller } from "../../services/caller.js";
import type { Handset } from "../../services/handset.js";
import { clerkErrors } from "./errors.js";
import { unwrapClerkSecretKey } from "./secret-key.js";

export interface ClerkContext {
  handset: Handset;
  clock: Clock;
  /** Resolves the request's Clerk secret key to the admin-key caller of its tenant. */
  authorize(request: FastifyRequest, scope: Scope): Promise<Caller>;
}

/** `Bearer <key>` (the scheme in any case, RFC 9110); anything else is a header-format error, not a bad key. */
function readClerkBearer(header: string | undefined): string {
  const match = header === undefined ? null : /^Bearer ([^\s]+)$/i.exec(header);
  if (!match?.[1]) throw clerkErrors.authorizationHeaderFormatInvalid();
  return match[1];
}

export function createClerkContext(
  handset: Handset,
  authenticator: Authenticator,
  clock: Clock,
): ClerkContext {
  return {
    handset,
    clock,
    async authorize(request, scope) {
      const adminKey = unwrapClerkSecretKey(readClerkBearer(request.headers.authorization));
      if (adminKey === null) throw clerkErrors.clerkKeyInvalid();
      let caller: Caller;
      try {
        caller = await authenticator.authenticate(adminKey, scope);
      } catch (error) {
        if (!isHandsetError(error)) throw error;
        if (error.code === "INSUFFICIENT_SCOPE") throw clerkErrors.authorizationInvalid(error.message);
        if (error.code === "UNAUTHENTICATED" || error.code === "CREDENTIAL_EXPIRED") {
          throw clerkErrors.clerkKeyInvalid();
        }
        throw error;
      }
      // The hsk_ prefix already says admin key; this keeps a user token out whatever its secret looks like.
      if (caller.kind !== "admin_key") throw clerkErrors.clerkKeyInvalid();
      return callerOfRequest(caller, request);
    },
  };
}
