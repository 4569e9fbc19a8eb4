import { HandsetError } from "../domain/errors.js";
import type { Scope } from "../domain/scopes.js";
import type { Caller } from "../services/caller.js";
import type { Handset } from "../services/handset.js";

export interface Authenticator {
  /** Resolves a secret to a caller holding `scope`; a user token's user is created on first use. */
  authenticate(secret: string, scope: Scope): Promise<Caller>;
  /**
   * Resolves a secret to its caller without asking for a scope or creating anything: who is asking,
   * before a route asks for more (the native API's idempotency keys are kept per caller).
   */
  identify(secret: string): Promise<Caller>;
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
    async identify(secret) {
      const { userExists: _userExists, ...caller } = await handset.credentials.authenticate(secret);
      return caller;
    },
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
