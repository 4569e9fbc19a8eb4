import { expectedCode } from "../domain/code.js";
import { HandsetError } from "../domain/errors.js";
import { findVerification } from "../store/verifications.js";
import { assertReachesUser } from "./access.js";
import type { Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";

/**
 * Tells a caller the code of an open verification, for vendor APIs that return it (ZITADEL's
 * `return_code`). Invariant 1 allows a code in clear only where the development inbox already shows
 * it, so this works only when the composition root says so (`deps.codeDisclosure`): never in
 * production, never with a real SMS provider. The code is derived again, as at delivery; nothing is stored.
 */
export function createCodeDisclosureService(deps: ServiceDeps) {
  const { uow } = deps.store;
  const enabled = deps.codeDisclosure === true;

  return {
    /** Whether `reveal` can answer at all: surfaces check it before they change anything. */
    enabled,

    async reveal(caller: Caller, verificationId: string): Promise<string> {
      if (!enabled) {
        throw new HandsetError(
          "INSUFFICIENT_SCOPE",
          "Codes are shown only by a development server whose SMS go to the development inbox.",
        );
      }
      const row = await uow.read((db) => findVerification(db, caller.tenantId, verificationId));
      if (!row) throw new HandsetError("VERIFICATION_NOT_FOUND", "No open verification to show a code for.");
      // A bare number's verification (no user) is an admin key's alone.
      if (row.user_id === null && caller.userId !== null) {
        throw new HandsetError("VERIFICATION_NOT_FOUND", "No open verification to show a code for.");
      }
      if (row.user_id !== null) assertReachesUser(caller, row.user_id);
      if (row.status !== "pending" || row.expires_at <= deps.clock.now()) {
        throw new HandsetError("VERIFICATION_NOT_FOUND", "No open verification to show a code for.");
      }
      const code = expectedCode(row, deps);
      if (code === undefined) throw new Error(`no code key ${row.key_id} for verification ${row.id}`);
      return code;
    },
  };
}

export type CodeDisclosureService = ReturnType<typeof createCodeDisclosureService>;
