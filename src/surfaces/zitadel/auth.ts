import type { Scope } from "../../domain/scopes.js";
import type { Authenticator } from "../../http/authenticator.js";
import { readBearer } from "../../http/bearer.js";
import { CLIENT_IP_HEADER, withClientIp } from "../../http/client-ip.js";
import type { Caller } from "../../services/caller.js";
import { authHeaderMissing, noPermission } from "./errors.js";

/** Whom a ZITADEL API serves: AuthService acts on the token's own user, UserService on any user id. */
export type Audience = "self" | "users";

/**
 * Resolves the `authorization` metadata (`Bearer <secret>`) ZITADEL clients send to a caller.
 * AuthService (`/users/me`) needs a user token. UserService takes admin keys, and, as ZITADEL lets a
 * user act on themself, a user token for its own user id; the services enforce that reach again.
 */
export async function resolveCaller(
  authenticator: Authenticator,
  header: Headers,
  peerIp: string | undefined,
  audience: Audience,
  scope: Scope,
): Promise<Caller> {
  const authorization = header.get("authorization");
  if (authorization === null || authorization === undefined || authorization.trim() === "") {
    throw authHeaderMissing();
  }
  const caller = await authenticator.authenticate(readBearer(authorization), scope);
  if (audience === "self" && caller.userId === null) throw noPermission();
  return withClientIp(caller, header.get(CLIENT_IP_HEADER), peerIp);
}

/** A user token reaches only its own user id through UserService; admin keys reach their tenant. */
export function assertMayActOn(caller: Caller, userId: string): void {
  if (caller.userId !== null && caller.userId !== userId) throw noPermission();
}

/** The user a `/users/me` call acts on. */
export function selfOf(caller: Caller): string {
  if (caller.userId === null) throw noPermission();
  return caller.userId;
}
