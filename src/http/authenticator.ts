import { HandsetError } from "../domain/errors.js";
import type { Scope } from "../domain/scopes.js";
import type { Caller } from "../services/caller.js";
import type { Handset } from "../services/handset.js";

export interface Authenticator {
  /** Resolves a secret to a caller holding `scope`; a user token's user is created on first use. */
  authenticate(secret: string, scope: Scope): Promise<Caller>;
}

/**
 * Remembers which token users this process has already created, so that "appears on first use"
 * costs one write per user and process, not one per request.
 */
export function createAuthenticator(
  handset: Handset,
  options: { knownUsersCapacity?: number } = {},
): Authenticator {
  const capacity = options.knownUsersCapacity ?? 10_000;
  const knownUsers = new Set<string>();
  return {
    async authenticate(secret, scope) {
      const caller = await handset.credentials.authenticate(secret);
      if (!caller.scopes.has(scope)) {
        throw new HandsetError("INSUFFICIENT_SCOPE", `This credential lacks the ${scope} scope.`);
      }
      if (caller.userId !== null) {
        const key = `${caller.tenantId}\0${caller.userId}`;
        if (!knownUsers.has(key)) {
          await handset.users.ensure(caller, caller.userId);
          if (knownUsers.size >= capacity) knownUsers.clear();
          knownUsers.add(key);
        }
      }
      return caller;
    },
  };
}
