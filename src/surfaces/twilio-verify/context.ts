import type { FastifyRequest } from "fastify";
import type { Clock } from "../../domain/clock.js";
import { isHandsetError } from "../../domain/errors.js";
import type { Scope } from "../../domain/scopes.js";
import type { Authenticator } from "../../http/authenticator.js";
import { callerOfRequest } from "../../http/request-caller.js";
import type { Caller } from "../../services/caller.js";
import type { Handset } from "../../services/handset.js";
import type { VerifyServiceView } from "../../services/verify-services.js";
import { readBasicAuth } from "./credentials.js";
import { twilioErrors } from "./errors.js";
import { accountSidOf, fromServiceSid } from "./sids.js";

export interface TwilioVerifyContext {
  handset: Handset;
  clock: Clock;
  /** The tenant's configured code length: its default service's. */
  codeLength: number;
  /** The name the tenant's texts give the app: its default service's friendly name. */
  appNameOf(tenantId: string): string;
  /** Resolves Basic auth (Account SID, auth token) to the admin-key caller of its tenant. */
  authorize(request: FastifyRequest, scope: Scope): Promise<Caller>;
  /**
   * The verify service a Service SID names in the caller's tenant (null: its default, which is not
   * stored), or Twilio's 404 for a SID of no service of the tenant (another tenant's, a deleted one).
   */
  resolveService(caller: Caller, serviceSid: string, path: string): Promise<VerifyServiceView | null>;
}

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;

export function createTwilioVerifyContext(
  handset: Handset,
  authenticator: Authenticator,
  clock: Clock,
  defaults: { codeLength: number; appNameOf(tenantId: string): string },
): TwilioVerifyContext {
  return {
    handset,
    clock,
    codeLength: defaults.codeLength,
    appNameOf: defaults.appNameOf,
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
    async resolveService(caller, serviceSid, path) {
      const id = fromServiceSid(caller.tenantId, serviceSid);
      if (id === null) throw twilioErrors.notFound(path);
      if (id === "") return null;
      try {
        return await handset.verifyServices.get(caller, id);
      } catch (error) {
        if (isHandsetError(error) && error.code === "VERIFY_SERVICE_NOT_FOUND") {
          throw twilioErrors.notFound(path);
        }
        throw error;
      }
    },
  };
}
