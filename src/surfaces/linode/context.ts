import type { FastifyReply, FastifyRequest } from "fastify";
import type { Clock } from "../../domain/clock.js";
import { HandsetError } from "../../domain/errors.js";
import type { Scope } from "../../domain/scopes.js";
import { readBearer } from "../../http/bearer.js";
import { callerOfRequest } from "../../http/request-caller.js";
import type { Caller } from "../../services/caller.js";
import type { Handset } from "../../services/handset.js";
import type { SurfaceDeps } from "../deps.js";

/** What a Linode route asks of a token, named as Linode's OAuth scopes name it. */
export type LinodeGrant = "account:read_only" | "account:read_write";

/**
 * Linode scopes onto Handset's: `account:read_only` is `phone:read`; `account:read_write` (and `*`)
 * is `phone:write` with `phone:verify`, since sending and checking codes is what the profile's
 * phone routes do. A token holding only `phone:read` can therefore change nothing.
 */
export const HANDSET_SCOPES_OF: Record<LinodeGrant, readonly [Scope, ...Scope[]]> = {
  "account:read_only": ["phone:read"],
  "account:read_write": ["phone:write", "phone:verify"],
};

/** The token's scopes as Linode's `X-OAuth-Scopes` header would list them. */
export function linodeScopesOf(caller: Caller): string {
  const holds = (grant: LinodeGrant) => HANDSET_SCOPES_OF[grant].every((s) => caller.scopes.has(s));
  if (holds("account:read_write") && holds("account:read_only")) return "*";
  if (holds("account:read_write")) return "account:read_write";
  if (holds("account:read_only")) return "account:read_only";
  return "";
}

export interface LinodeContext {
  handset: Handset;
  clock: Clock;
  /** Resolves the bearer token to its user, holding what `grant` needs; admin keys have no profile. */
  authorize(request: FastifyRequest, reply: FastifyReply, grant: LinodeGrant): Promise<Caller>;
}

export function createLinodeContext(deps: SurfaceDeps): LinodeContext {
  return {
    handset: deps.handset,
    clock: deps.clock,
    async authorize(request, reply, grant) {
      reply.header("x-accepted-oauth-scopes", grant);
      const [first, ...rest] = HANDSET_SCOPES_OF[grant];
      const caller = await deps.authenticator.authenticate(readBearer(request.headers.authorization), first);
      if (caller.userId === null || rest.some((s) => !caller.scopes.has(s))) {
        throw new HandsetError("INSUFFICIENT_SCOPE", `This endpoint needs a user token with ${grant}.`);
      }
      reply.header("x-oauth-scopes", linodeScopesOf(caller));
      return callerOfRequest(caller, request);
    },
  };
}
