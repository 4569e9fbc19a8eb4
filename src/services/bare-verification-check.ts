import { codesMatch, expectedCode, TEST_NUMBER_KEY_ID } from "../domain/code.js";
import { HandsetError } from "../domain/errors.js";
import { normalizePhoneInput, regionOfE164 } from "../domain/phone.js";
import {
  APPROVE_BARE_VERIFICATION,
  findLatestBareVerification,
  findPendingBareVerification,
} from "../store/bare-verifications.js";
import type { Executor } from "../store/executor.js";
import { hotChanges } from "../store/prepared.js";
import type { VerificationRow, VerificationStrategy } from "../store/schema.js";
import { closeVerification, findVerification, recordWrongGuess } from "../store/verifications.js";
import { bareVerificationSteps } from "./bare-verification-steps.js";
import {
  assertBackend,
  type BareVerificationAnswer,
  type BareVerificationRef,
  explainNotOpen,
  holderFor,
  inService,
  toBareVerificationView,
  verificationIdNotFound,
} from "./bare-verification-views.js";
import type { Caller } from "./caller.js";
import { MAX_CODE_INPUT_LENGTH } from "./code-check.js";
import type { ServiceDeps } from "./deps.js";
import { wrongCodeError } from "./verification-errors.js";

/**
 * Checking a code against a bare number's verification (docs/verifications.md): by id, or the number's
 * open one in a verify service.
 */
export function createBareVerificationCheck(deps: ServiceDeps) {
  const { uow, policy, guards, count, targetOf, recordEvent, settleGuards } = bareVerificationSteps(deps);

  /** The verification a check names: by id (any of the tenant's), or the number's open one. */
  async function findChecked(trx: Executor, caller: Caller, ref: BareVerificationRef) {
    if ("id" in ref) {
      const row = inService(await findVerification(trx, caller.tenantId, ref.id), ref.serviceId);
      if (!row) throw verificationIdNotFound(ref.id);
      return row;
    }
    const e164 = normalizePhoneInput(ref.to, ref.region);
    const serviceId = ref.serviceId ?? "";
    return (
      (await findPendingBareVerification(trx, caller.tenantId, e164, serviceId)) ??
      (await findLatestBareVerification(trx, caller.tenantId, e164, serviceId))
    );
  }

  type Checked = { ok: true; answer: BareVerificationAnswer } | { ok: false; error: HandsetError };

  /**
   * Checks a code. A right one approves the verification in one conditional update (at most once under
   * any concurrency); a wrong one is counted in one, and commits before the refusal is answered.
   */
  async function check(
    caller: Caller,
    ref: BareVerificationRef,
    code: string,
  ): Promise<BareVerificationAnswer> {
    assertBackend(caller);
    const submitted = code.trim();
    if (submitted.length === 0 || submitted.length > MAX_CODE_INPUT_LENGTH) {
      throw new HandsetError("INVALID_REQUEST", `A code has 1 to ${MAX_CODE_INPUT_LENGTH} characters.`, {
        fields: [{ path: "code", message: `1 to ${MAX_CODE_INPUT_LENGTH} characters` }],
      });
    }
    const outcome = await uow.transaction(async (trx): Promise<Checked> => {
      const now = deps.clock.now();
      const row = await findChecked(trx, caller, ref);
      const open = row?.status === "pending" && row.phone_number_id === null && row.user_id === null;
      if (!row || !open) {
        return { ok: false, error: explainNotOpen(row, now) };
      }
      const target = targetOf(caller.tenantId, row.e164, regionOfE164(row.e164));
      const attempt = { caller, phone: target, verificationId: row.id, now };
      // The guess lock refuses a locked number before any guess is counted.
      await guards.beforeCheck(trx, attempt);
      if (row.expires_at <= now) {
        await closeVerification(trx, caller.tenantId, row.id, "expired", now);
        count("expired", caller.tenantId);
        return { ok: false, error: explainNotOpen(row, now) };
      }
      const expected = expectedCode(row, deps);
      if (expected !== undefined && codesMatch(expected, submitted)) {
        const strategy: VerificationStrategy = row.key_id === TEST_NUMBER_KEY_ID ? "test_number" : "sms_code";
        const checks = await guards.guessChecks(trx, attempt, "verified");
        const approved = await hotChanges(trx, APPROVE_BARE_VERIFICATION, [
          caller.tenantId,
          row.id,
          now,
          strategy,
        ]);
        // Another check approved it (or counted its last guess) first: this one changes nothing.
        if (approved !== 1) {
          return {
            ok: false,
            error: explainNotOpen(await findVerification(trx, caller.tenantId, row.id), now),
          };
        }
        await settleGuards(trx, checks);
        count("verified", caller.tenantId);
        await recordEvent(
          trx,
          caller,
          "verification.approved",
          { verificationId: row.id, e164: row.e164, strategy },
          now,
        );
        const approvedRow: VerificationRow = {
          ...row,
          status: "verified",
          verified_at: now,
          verified_strategy: strategy,
          updated_at: now,
        };
        return {
          ok: true,
          answer: {
            verification: toBareVerificationView(approvedRow, now, policy),
            holder: await holderFor(trx, caller, row.e164),
          },
        };
      }
      const checks = await guards.guessChecks(trx, attempt, "wrong");
      const guess = await recordWrongGuess(trx, caller.tenantId, row.id, now);
      if (!guess) {
        return {
          ok: false,
          error: explainNotOpen(await findVerification(trx, caller.tenantId, row.id), now),
        };
      }
      await settleGuards(trx, checks);
      count("failed", caller.tenantId);
      if (guess.attemptsUsed >= guess.maxAttempts) count("attempts_exhausted", caller.tenantId);
      await recordEvent(
        trx,
        caller,
        "verification.code_rejected",
        { verificationId: row.id, e164: row.e164, attemptsUsed: guess.attemptsUsed },
        now,
      );
      return {
        ok: false,
        error: wrongCodeError(guess.attemptsUsed, guess.maxAttempts, row.expires_at, row.id),
      };
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.answer;
  }

  return { check };
}
