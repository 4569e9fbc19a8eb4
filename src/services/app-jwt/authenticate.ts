import type { AppJwtConfig } from "../../app-jwt-config.js";
import type { Clock } from "../../domain/clock.js";
import type { UnitOfWork } from "../../store/unit-of-work.js";
import { findUserPresence } from "../../store/user-presence.js";
import type { AuthenticatedCaller } from "../credentials.js";
import { appJwtRefusal } from "./refusals.js";
import { createAppJwtVerifier } from "./verifier.js";

/**
 * How events name a caller authenticated by an app JWT (`user_token:app_jwt`): it acts as a user token
 * of its user, and has no credential row.
 */
export const APP_JWT_CREDENTIAL_ID = "app_jwt";

/**
 * Resolves an app JWT to a caller exactly like a user token's (kind `user_token`, one user, user-token
 * scopes only), so that every route and service rule for user tokens holds for it, and admin routes,
 * which ask for an admin key, refuse it.
 */
export function createAppJwtAuthentication(
  config: AppJwtConfig,
  uow: UnitOfWork,
  clock: Clock,
): (token: string) => Promise<AuthenticatedCaller> {
  const verifier = createAppJwtVerifier(config, clock);
  return async (token) => {
    const identity = await verifier.verify(token);
    const presence = await uow.read((db) => findUserPresence(db, identity.tenantId, identity.userId));
    if (presence === "no_tenant") throw appJwtRefusal("tenant_not_found");
    return {
      tenantId: identity.tenantId,
      kind: "user_token",
      credentialId: APP_JWT_CREDENTIAL_ID,
      userId: identity.userId,
      scopes: identity.scopes,
      userExists: presence === "exists",
    };
  };
}
