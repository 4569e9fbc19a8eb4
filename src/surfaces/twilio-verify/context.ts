import type { FastifyRequest } from "fastify";
import type { Clock } from "../../domain/clock.js";
import { isHandsetError } from "../../domain/errors.js";
import type { Scope } from "../../domain/scopes.js";
import type { Authenticator } from "../../http/authenticator.js";
import { callerOfRequest } from "../../http/request-caller.js";
import type { Caller } from "../../services/caller.js";
import type { Handset } from "../../services/handset.js";
import { readBasicAuth } from "./credentials.js";
import { twilioErrors } from "./errors.js";
import { accountSidOf, serviceSidOf } from "./sids.js";

export interface TwilioVerifyContext {
  handset: Handset;
  clock: Clock;
  codeLength: number;
  /** Resolves Basic auth (Account SID, auth token) to the admin-key caller of its tenant. */
  authorize(request: FastifyRequest, scope: Scope): Promise<Caller>;
  /** Refuses a Service SID other than the caller's tenant's one, as Twilio does an unknown one (404). */
  assertService(caller: Caller, serviceSid: string, path: string): void;
}

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;

export function createTwilioVerifyContext(
  handset: Handset,
  authenticator: Authenticator,
  clock: Clock,
  codeLength: number,
): TwilioVerifyContext {
  return {
    handset,
    clock,
    codeLength,
    async authorize(request, scope) {
      const basic = readBasicAuth(request.headers.authorization);
      if (!basic || !ACCOUNT_SID.test(basic.username)) throw twilioErrors.authenticate();
      let caller: Caller;
      try {
        caller = await authenticator.authenticate(basic.password, scope);
      } catch (error) {
        if (!isHandsetError(error)) throw error;
        if (error.code === "INSUFFICIENT_SCOPE") throw twilioErrors.forbidden(error.message);
        if (error.code === "UNAUTHENTICATED" || error.code === "CREDENTIAL_EXPIRED") {
          throw twilioErrors.authenticate();
        }
        throw error;
      }
      // A user token is one end user's credential, never an account's; and the pair must belong together.
      if (caller.kind !== "admin_key") throw twilioErrors.authenticate();
      if (basic.username.toUpperCase() !== accountSidOf(caller.tenantId).toUpperCase()) {
        throw twilioErrors.authenticate();
      }
      return callerOfRequest(caller, request);
    },
    assertService(caller, serviceSid, path) {
      if (serviceSid.toUpperCase() !== serviceSidOf(caller.tenantId).toUpperCase()) {
        throw twilioErrors.notFound(path);
      }
    },
  };
}
