import type { FastifyRequest } from "fastify";
import type { Clock } from "../../domain/clock.js";
import { HandsetError } from "../../domain/errors.js";
import type { Scope } from "../../domain/scopes.js";
import type { Authenticator } from "../../http/authenticator.js";
import { readBearer } from "../../http/bearer.js";
import { callerOfRequest } from "../../http/request-caller.js";
import type { Caller } from "../../services/caller.js";
import type { Handset } from "../../services/handset.js";

export type Audience = "admin" | "self";

export interface NativeContext {
  handset: Handset;
  clock: Clock;
  /** Resolves the request's bearer credential; admin routes take admin keys, `/me` routes user tokens. */
  authorize(request: FastifyRequest, audience: Audience, scope: Scope): Promise<Caller>;
  /** The request's caller, with no scope asked; the credential's refusal (401) when there is none. */
  identify(request: FastifyRequest): Promise<Caller>;
}

export function createNativeContext(
  handset: Handset,
  authenticator: Authenticator,
  clock: Clock,
): NativeContext {
  return {
    handset,
    clock,
    identify: (request) => authenticator.identify(readBearer(request.headers.authorization)),
    async authorize(request, audience, scope) {
      const caller = await authenticator.authenticate(readBearer(request.headers.authorization), scope);
      if (audience === "admin" && caller.kind !== "admin_key") {
        throw new HandsetError(
          "INSUFFICIENT_SCOPE",
          "This route needs an admin API key; user tokens use /v1/me.",
        );
      }
      if (audience === "self" && caller.userId === null) {
        throw new HandsetError("INSUFFICIENT_SCOPE", "Routes under /v1/me need a user token.");
      }
      return callerOfRequest(caller, request);
    },
  };
}
