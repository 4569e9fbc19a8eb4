import { codesMatch, expectedCode, TEST_NUMBER_KEY_ID } from "../domain/code.js";
import { HandsetError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import { isUniqueViolation } from "../store/errors.js";
import type { Executor } from "../store/executor.js";
import { insertOutboxMessage } from "../store/outbox.js";
import { updatePhoneNumber } from "../store/phone-numbers.js";
import type { PhoneNumberRow, VerificationRow, VerificationStrategy } from "../store/schema.js";
import {
  closeVerification,
  findPendingVerification,
  insertVerification,
  recordResend,
  recordWrongGuess,
  redeemVerification,
} from "../store/verifications.js";
import { loadPhoneNumber } from "./access.js";
import type { Caller } from "./caller.js";
import { recordUserChange } from "./changes.js";
import type { ServiceDeps } from "./deps.js";
import { assertNumberSendBudget, assertResendAllowed, guessesLeftForNumber } from "./send-limits.js";
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

export interface CodeSent {
  phoneNumber: PhoneNumberView;
  verification: VerificationView;
  /** `sms`: an SMS is queued; `test_number`: a configured test number, no SMS, fixed code. */
  delivery: "sms" | "test_number";
  /** True when this send started a new verification (and so a new code). */
  newVerification: boolean;
  change: Change;
}

export interface CodeVerified {
  phoneNumber: PhoneNumberView;
  verification: VerificationView;
  change: Change;
}

/**
 * Two first sends to one number racing in separate transactions (on PostgreSQL, or in two processes)
 * both find no open verification and both insert one; the loser's insert meets
 * `verifications_one_pending` once the winner commits. Run once more, it sees the winner's
 * verification and answers as a resend would (the same code, or a cooldown), instead of a 500.
 */
async function againIfAnotherSendStartedFirst<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!isUniqueViolation(error, "verifications_one_pending")) throw error;
    return send();
  }
}

export function createVerificationService(deps: ServiceDeps) {
  const { db } = deps.store;
  const policy = deps.otp;

  async function queueSms(trx: Executor, verification: VerificationRow, now: number): Promise<void> {
    await insertOutboxMessage(trx, {
      id: newId("msg", now),
      tenant_id: verification.tenant_id,
      verification_id: verification.id,
      to_e164: verification.e164,
      template: "verification_code",
      status: "pending",
      delivery_attempts: 0,
      next_attempt_at: now,
      locked_until: null,
      provider: null,
      provider_message_id: null,
      last_error: null,
      created_at: now,
      sent_at: null,
    });
  }

  /** Resends within the validity window: same verification, so the same derived code. */
  async function resend(
    trx: Executor,
    pending: VerificationRow,
    testNumber: boolean,
    now: number,
  ): Promise<VerificationRow> {
    if (!testNumber) {
      assertResendAllowed(policy, pending, now);
      await assertNumberSendBudget(trx, policy, pending, now);
    }
    if (
      !(await recordResend(
        trx,
        pending,
        testNumber ? Number.MAX_SAFE_INTEGER : policy.maxSendsPerVerification,
        now,
      ))
    ) {
      throw new HandsetError("RESEND_COOLDOWN", "Another request is sending this code right now.", {
        retryAt: now + policy.resendCooldownMs,
      });
    }
    if (!testNumber) await queueSms(trx, pending, now);
    return { ...pending, sends_used: pending.sends_used + 1, last_sent_at: now, updated_at: now };
  }

  async function start(
    trx: Executor,
    phone: PhoneNumberRow,
    testNumber: boolean,
    now: number,
  ): Promise<VerificationRow> {
    const guessesLeft = await guessesLeftForNumber(trx, policy, phone, now);
    if (!testNumber) await assertNumberSendBudget(trx, policy, phone, now);
    const row: VerificationRow = {
      tenant_id: phone.tenant_id,
      id: newId("vf", now),
      user_id: phone.user_id,
      phone_number_id: phone.id,
      e164: phone.e164,
      key_id: testNumber ? TEST_NUMBER_KEY_ID : deps.keyring.active.id,
      // Kept with the row, so that a later change of the setting leaves codes already sent valid.
      code_length: policy.codeLength,
      status: "pending",
      attempts_used: 0,
      // The per-number budget caps this verification too, so the two limits are enforced by one counter.
      max_attempts: Math.min(policy.maxAttempts, guessesLeft),
      sends_used: 1,
      last_sent_at: now,
      expires_at: now + policy.ttlMs,
      created_at: now,
      updated_at: now,
    };
    await insertVerification(trx, row);
    if (!testNumber) await queueSms(trx, row, now);
    return row;
  }

  return {
    /** Sends a code to one of the caller's numbers: a new verification, or the same code again. */
    async send(caller: Caller, phoneNumberId: string): Promise<CodeSent> {
      const now = deps.clock.now();
      const outcome = await againIfAnotherSendStartedFirst(() =>
        db.transaction().execute(async (trx) => {
          const phone = await loadPhoneNumber(trx, caller, phoneNumberId);
          if (phone.verified_at !== null) {
            throw new HandsetError("PHONE_NUMBER_ALREADY_VERIFIED", `${phone.e164} is already verified.`);
          }
          const testNumber = deps.testNumbers.has(phone.e164);
          let pending = await findPendingVerification(trx, caller.tenantId, phone.id);
          if (pending && pending.expires_at <= now) {
            await closeVerification(trx, caller.tenantId, pending.id, "expired", now);
            pending = undefined;
          }
          const verification = pending
            ? await resend(trx, pending, testNumber, now)
            : await start(trx, phone, testNumber, now);
          const change = await recordUserChange(
            trx,
            caller,
            phone.user_id,
            "phone_number.code_sent",
            { phoneNumberId: phone.id, verificationId: verification.id, send: verification.sends_used },
            now,
          );
          return { phone, verification, testNumber, newVerification: pending === undefined, change };
        }),
      );
      if (!outcome.testNumber) deps.onOutboxCommitted();
      // Sending changes the verification, not the number: the row read in the transaction is current.
      const verification = toVerificationView(outcome.verification, now, policy);
      return {
        phoneNumber: toPhoneNumberView(outcome.phone, verification),
        verification,
        delivery: outcome.testNumber ? "test_number" : "sms",
        newVerification: outcome.newVerification,
        change: outcome.change,
      };
    },

    /**
     * Checks a code. A right code redeems the verification in one conditional update, so it verifies
     * at most once under any concurrency; a wrong one is counted in one, so the count is exact.
     */
    async verify(caller: Caller, phoneNumberId: string, code: string): Promise<CodeVerified> {
      const submitted = code.trim();
      if (submitted.length === 0 || submitted.length > MAX_CODE_INPUT_LENGTH) {
        throw new HandsetError("INVALID_REQUEST", `A code has 1 to ${MAX_CODE_INPUT_LENGTH} characters.`, {
          fields: [{ path: "code", message: `1 to ${MAX_CODE_INPUT_LENGTH} characters` }],
        });
      }
      const now = deps.clock.now();
      const phone = await loadPhoneNumber(db, caller, phoneNumberId);
      const pending = await findPendingVerification(db, caller.tenantId, phone.id);
      if (!pending || pending.expires_at <= now) {
        if (pending) await closeVerification(db, caller.tenantId, pending.id, "expired", now);
        throw await explainNoOpenVerification(db, phone, now);
      }
      const expected = expectedCode(pending, deps);
      if (expected !== undefined && codesMatch(expected, submitted)) {
        const strategy: VerificationStrategy =
          pending.key_id === TEST_NUMBER_KEY_ID ? "test_number" : "sms_code";
        const change = await db.transaction().execute(async (trx) => {
          if (!(await redeemVerification(trx, caller.tenantId, pending.id, now))) return undefined;
          await updatePhoneNumber(trx, caller.tenantId, phone.id, {
            verified_at: now,
            verification_strategy: strategy,
            updated_at: now,
          });
          return recordUserChange(
            trx,
            caller,
            phone.user_id,
            "phone_number.verified",
            { phoneNumberId: phone.id, verificationId: pending.id, strategy },
            now,
          );
        });
        if (!change)
          throw await explainNoOpenVerification(db, await loadPhoneNumber(db, caller, phoneNumberId), now);
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
        return { phoneNumber: toPhoneNumberView(verifiedPhone, verification), verification, change };
      }
      const counted = await db.transaction().execute(async (trx) => {
        const guess = await recordWrongGuess(trx, caller.tenantId, pending.id, now);
        if (guess) {
          await recordUserChange(
            trx,
            caller,
            phone.user_id,
            "phone_number.code_rejected",
            { phoneNumberId: phone.id, verificationId: pending.id, attemptsUsed: guess.attemptsUsed },
            now,
          );
        }
        return guess;
      });
      if (!counted) throw await explainNoOpenVerification(db, phone, now);
      throw wrongCodeError(counted.attemptsUsed, counted.maxAttempts, pending.expires_at);
    },
  };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
