import { codesMatch, expectedCode, TEST_NUMBER_KEY_ID } from "../domain/code.js";
import { HandsetError } from "../domain/errors.js";
import { userEventWith } from "../store/events.js";
import { MARK_VERIFIED, markVerifiedValues } from "../store/phone-numbers.js";
import type { VerificationStrategy } from "../store/schema.js";
import {
  COUNT_WRONG_GUESS,
  closeVerification,
  countWrongGuessValues,
  REDEEM_VERIFICATION,
  redeemVerificationValues,
  WRONG_GUESS_COUNTED,
} from "../store/verifications.js";
import type { Caller } from "./caller.js";
import { recordUserChangeWith } from "./changes.js";
import { type CodeEvent, NO_CODE_METRICS } from "./code-metrics.js";
import type { ServiceDeps } from "./deps.js";
import { NO_GUARDS, sendCheckSteps, settleSendChecks } from "./guards/send-guard.js";
import { lockOneNumber } from "./number-set.js";
import { explainNoOpenVerification, wrongCodeError } from "./verification-errors.js";
import {
  type Change,
  type PhoneNumberView,
  toPhoneNumberView,
  toVerificationView,
  type VerificationView,
} from "./views.js";

/** ZITADEL's bound on a submitted code; anything longer is refused without counting a guess. */
export const MAX_CODE_INPUT_LENGTH = 200;

export interface CodeVerified {
  phoneNumber: PhoneNumberView;
  verification: VerificationView;
  change: Change;
}

/**
 * What checking a code did. A refused code is an outcome, not a thrown error: the guess it counted
 * must commit, so a use case that checks a code inside its transaction ends it normally and only then
 * reports the refusal.
 */
export type CodeCheck = ({ ok: true } & CodeVerified) | { ok: false; error: HandsetError };

const CODE_VERIFIED = userEventWith([REDEEM_VERIFICATION, MARK_VERIFIED], { changesNumbers: true });
const CODE_REJECTED = userEventWith([{ query: COUNT_WRONG_GUESS, returning: WRONG_GUESS_COUNTED }], {
  changesNumbers: false,
});

/** Checking a code against a number's open verification, inside the caller's transaction or its own. */
export function createCodeCheck(deps: ServiceDeps) {
  const { uow } = deps.store;
  const policy = deps.otp;
  const guards = deps.guards ?? NO_GUARDS;
  const metrics = deps.codeMetrics ?? NO_CODE_METRICS;
  /** Counted once the transaction commits: a use case that rolls back counts nothing. */
  const count = (event: CodeEvent, tenantId: string) =>
    uow.afterCommit(() => metrics.counted(event, tenantId));

  /**
   * A right code redeems the verification in one conditional update, so it verifies at most once under
   * any concurrency; a wrong one is counted in one, so the count is exact.
   */
  function check(caller: Caller, phoneNumberId: string, code: string): Promise<CodeCheck> {
    const submitted = code.trim();
    if (submitted.length === 0 || submitted.length > MAX_CODE_INPUT_LENGTH) {
      throw new HandsetError("INVALID_REQUEST", `A code has 1 to ${MAX_CODE_INPUT_LENGTH} characters.`, {
        fields: [{ path: "code", message: `1 to ${MAX_CODE_INPUT_LENGTH} characters` }],
      });
    }
    return uow.transaction(async (trx): Promise<CodeCheck> => {
      const now = deps.clock.now();
      // The user's lock, the number and its open verification: what the check decides from.
      // The guards' reads (the guess streaks) go out with the lock, in the same round trip.
      const {
        row: phone,
        pending,
        alongside: reads,
      } = await lockOneNumber(trx, caller, phoneNumberId, {
        alongside: guards.checkReads(caller.tenantId, phoneNumberId),
      });
      if (pending) await guards.beforeCheck(trx, { caller, phone, verificationId: pending.id, now }, reads);
      if (!pending || pending.expires_at <= now) {
        if (pending) {
          await closeVerification(trx, caller.tenantId, pending.id, "expired", now);
          count("expired", caller.tenantId);
        }
        return { ok: false, error: await explainNoOpenVerification(trx, phone, now) };
      }
      // Under the lock the verification read above is current, so the writes are decided now and sent
      // together; each conditional update still checks its own condition, and when one finds that it
      // did not apply, the transaction is undone with an error.
      const expected = expectedCode(pending, deps);
      if (expected !== undefined && codesMatch(expected, submitted)) {
        const strategy: VerificationStrategy =
          pending.key_id === TEST_NUMBER_KEY_ID ? "test_number" : "sms_code";
        const attempt = { caller, phone, verificationId: pending.id, now };
        // The guards' writes for a success go in the same round trip as the check's own write.
        const checks = await guards.guessChecks(trx, attempt, "verified");
        const {
          change,
          changes: [redeemed],
          alongside: checked,
        } = await recordUserChangeWith(
          trx,
          caller,
          phone.user_id,
          {
            composed: CODE_VERIFIED,
            values: [
              redeemVerificationValues(caller.tenantId, pending.id, now),
              markVerifiedValues(caller.tenantId, phone.id, strategy, now),
            ],
          },
          "phone_number.verified",
          { phoneNumberId: phone.id, verificationId: pending.id, strategy },
          now,
          sendCheckSteps(checks),
        );
        if (redeemed !== 1) throw await explainNoOpenVerification(trx, phone, now);
        await settleSendChecks(checks, checked);
        count("verified", caller.tenantId);
        const verification = toVerificationView(
          { ...pending, status: "verified", updated_at: now },
          now,
          policy,
        );
        // The view is built from what this request wrote instead of reading the number back.
        const verifiedPhone = {
          ...phone,
          verified_at: now,
          verification_strategy: strategy,
          updated_at: now,
        };
        return {
          ok: true,
          phoneNumber: toPhoneNumberView(verifiedPhone, verification),
          verification,
          change,
        };
      }
      // The guess is counted with the event that records it (one statement on PostgreSQL); the
      // count it returns is checked after, and a guess that was not counted undoes both.
      const attemptsUsed = pending.attempts_used + 1;
      const attempt = { caller, phone, verificationId: pending.id, now };
      const checks = await guards.guessChecks(trx, attempt, "wrong");
      const {
        returned: [guess],
        alongside: checked,
      } = await recordUserChangeWith(
        trx,
        caller,
        phone.user_id,
        { composed: CODE_REJECTED, values: [countWrongGuessValues(caller.tenantId, pending.id, now)] },
        "phone_number.code_rejected",
        { phoneNumberId: phone.id, verificationId: pending.id, attemptsUsed },
        now,
        sendCheckSteps(checks),
      );
      if (!guess) throw await explainNoOpenVerification(trx, phone, now);
      if (Number(guess.attempts_used) !== attemptsUsed) {
        throw new Error(`verification ${pending.id} changed under its user's lock`);
      }
      await settleSendChecks(checks, checked);
      count("failed", caller.tenantId);
      if (attemptsUsed >= Number(guess.max_attempts)) count("attempts_exhausted", caller.tenantId);
      return {
        ok: false,
        error: wrongCodeError(attemptsUsed, Number(guess.max_attempts), pending.expires_at),
      };
    });
  }

  return check;
}
