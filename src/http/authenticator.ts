import { HandsetError } from "../domain/errors.js";
import type { Scope } from "../domain/scopes.js";
import type { Caller } from "../services/caller.js";
import type { Handset } from "../services/handset.js";

export interface Authenticator {
  /** Resolves a secret to a caller holding `scope`; a user token's user is created on first use. */
  authenticate(secret: string, scope: Scope): Promise<Caller>;
}

/**
 * Whether a token's user exists comes with the credential lookup, so "appears on first use" costs a
 * write only when the user is missing. The credential service keeps what it read only while the
 * database's access version is unchanged (see `createCredentialService`), and deleting a user revokes
 * its tokens and moves that version: a user deleted by this process or another one sharing the
 * database is never assumed to exist, and a new token of its id makes it appear again.
 */
export function createAuthenticator(handset: Handset): Authenticator {
  return {
    async authenticate(secret, scope) {
      const { userExists, ...caller } = await handset.credentials.authenticate(secret);
      if (!caller.scopes.has(scope)) {
        throw new HandsetError("INSUFFICIENT_SCOPE", `This credential lacks the ${scope} scope.`);
      }
      if (caller.userId !== null && !userExists) await handset.users.ensure(caller, caller.userId);
      return caller;
    },
  };
}
