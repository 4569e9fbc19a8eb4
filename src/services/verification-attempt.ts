import { HandsetError } from "../domain/errors.js";
import { findLatestVerifications } from "../store/verifications.js";
import { loadPhoneNumber } from "./access.js";
import type { Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";
import { lockNumbersOf } from "./number-set.js";
import type { CodeCheck, VerificationService } from "./verification.js";
import { toVerificationView, type VerificationView } from "./views.js";

export interface VerificationAttempt {
  /** What the code did; a refusal (wrong, expired, used up, rate limited) is an outcome, not thrown. */
  outcome: CodeCheck | null;
  /** The verification named, as it stands after the attempt. */
  verification: VerificationView;
}

/**
 * Checking a code against one named verification of a number (Clerk's `attempt_verification`): the
 * name must be the number's latest verification, and the check counts as any other. One transaction
 * under the user's lock, so the verification compared is the one checked; a counted guess commits.
 */
export function createVerificationAttemptService(
  deps: ServiceDeps,
  parts: { verification: VerificationService },
) {
  const { uow } = deps.store;

  async function latestOf(trx: Parameters<typeof findLatestVerifications>[0], caller: Caller, id: string) {
    return (await findLatestVerifications(trx, caller.tenantId, [id])).get(id);
  }

  return {
    async attempt(
      caller: Caller,
      phoneNumberId: string,
      verificationId: string,
      code: string,
    ): Promise<VerificationAttempt> {
      return uow.transaction(async (trx) => {
        const phone = await loadPhoneNumber(trx, caller, phoneNumberId);
        await lockNumbersOf(trx, caller, phone.user_id);
        const named = await latestOf(trx, caller, phoneNumberId);
        if (!named || named.id !== verificationId) {
          throw new HandsetError(
            "VERIFICATION_NOT_FOUND",
            `No verification ${verificationId} is under way for phone number ${phoneNumberId}.`,
          );
        }
        if (named.status === "verified") {
          throw new HandsetError(
            "CODE_ALREADY_USED",
            `Verification ${verificationId} has already been verified.`,
          );
        }
        // A verification already ended answers as it stands; no guess is counted against it.
        const outcome =
          named.status === "pending" ? await parts.verification.check(caller, phoneNumberId, code) : null;
        const after = (await latestOf(trx, caller, phoneNumberId)) ?? named;
        return { outcome, verification: toVerificationView(after, deps.clock.now(), deps.otp) };
      });
    },
  };
}

export type VerificationAttemptService = ReturnType<typeof createVerificationAttemptService>;
