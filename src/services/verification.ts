import { codesMatch, expectedCode, TEST_NUMBER_KEY_ID } from "../domain/code.js";
import { HandsetError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import { userEventWith } from "../store/events.js";
import type { Executor } from "../store/executor.js";
import type { NumberBudgets } from "../store/locks.js";
import { INSERT_OUTBOX_MESSAGE, insertOutboxMessageValues } from "../store/outbox.js";
import { MARK_VERIFIED, markVerifiedValues } from "../store/phone-numbers.js";
import type { PhoneNumberRow, VerificationRow, VerificationStrategy } from "../store/schema.js";
import {
  COUNT_WRONG_GUESS,
  closeVerification,
  countWrongGuessValues,
  INSERT_VERIFICATION,
  insertVerificationValues,
  RECORD_RESEND,
  REDEEM_VERIFICATION,
  recordResendValues,
  redeemVerificationValues,
  WRONG_GUESS_COUNTED,
} from "../store/verifications.js";
import type { Caller } from "./caller.js";
import { recordUserChangeWith } from "./changes.js";
import type { ServiceDeps } from "./deps.js";
import { type MessageView, toMessageView } from "./message-view.js";
import { lockOneNumber } from "./number-set.js";
import { queuedSms } from "./queued-sms.js";
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
  /** The SMS queued, or null for a test number. */
  message: MessageView | null;
  /** True when this send started a new verification (and so a new code). */
  newVerification: boolean;
  change: Change;
}

export interface SendOptions {
  /** The locale the caller asked for explicitly (a BCP 47 tag); else Accept-Language, else the default. */
  locale?: string | null;
}

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

/**
 * A test number's sends are not capped: the largest value of the integer column `sends_used`
 * (PostgreSQL refuses a larger one bound against it).
 */
const UNCAPPED_SENDS = 2 ** 31 - 1;

/**
 * The writes that go with each verification event (one statement each on PostgreSQL). A code sent by
 * SMS queues its message in the same statement; a test number's is sent nowhere.
 */
const CODE_SENT = userEventWith([INSERT_VERIFICATION], { changesNumbers: false });
const CODE_SENT_BY_SMS = userEventWith([INSERT_VERIFICATION, INSERT_OUTBOX_MESSAGE], {
  changesNumbers: false,
});
const CODE_RESENT = userEventWith([RECORD_RESEND], { changesNumbers: false });
const CODE_RESENT_BY_SMS = userEventWith([RECORD_RESEND, INSERT_OUTBOX_MESSAGE], { changesNumbers: false });
const CODE_VERIFIED = userEventWith([REDEEM_VERIFICATION, MARK_VERIFIED], { changesNumbers: true });
const CODE_REJECTED = userEventWith([{ query: COUNT_WRONG_GUESS, returning: WRONG_GUESS_COUNTED }], {
  changesNumbers: false,
});

export function createVerificationService(deps: ServiceDeps) {
  const { uow } = deps.store;
  const policy = deps.otp;

  /**
   * Resends within the validity window: same verification, so the same derived code. The counted
   * resend (a conditional update) goes with the event and its outcome is checked after.
   */
  async function resend(
    trx: Executor,
    pending: VerificationRow,
    testNumber: boolean,
    now: number,
    budgets: NumberBudgets | undefined,
  ): Promise<{ row: VerificationRow; write: readonly unknown[] }> {
    if (!testNumber) {
      assertResendAllowed(policy, pending, now);
      await assertNumberSendBudget(trx, policy, pending, now, budgets);
    }
    const maxSends = testNumber ? UNCAPPED_SENDS : policy.maxSendsPerVerification;
    const row = { ...pending, sends_used: pending.sends_used + 1, last_sent_at: now, updated_at: now };
    return { row, write: recordResendValues(pending, maxSends, now) };
  }

  async function start(
    trx: Executor,
    phone: PhoneNumberRow,
    testNumber: boolean,
    now: number,
    budgets: NumberBudgets | undefined,
  ): Promise<VerificationRow> {
    const guessesLeft = await guessesLeftForNumber(trx, policy, phone, now, budgets);
    if (!testNumber) await assertNumberSendBudget(trx, policy, phone, now, budgets);
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
    return row;
  }

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
      const { row: phone, pending } = await lockOneNumber(trx, caller, phoneNumberId);
      if (!pending || pending.expires_at <= now) {
        if (pending) await closeVerification(trx, caller.tenantId, pending.id, "expired", now);
        return { ok: false, error: await explainNoOpenVerification(trx, phone, now) };
      }
      // Under the lock the verification read above is current, so the writes are decided now and sent
      // together; each conditional update still checks its own condition, and when one finds that it
      // did not apply, the transaction is undone with an error.
      const expected = expectedCode(pending, deps);
      if (expected !== undefined && codesMatch(expected, submitted)) {
        const strategy: VerificationStrategy =
          pending.key_id === TEST_NUMBER_KEY_ID ? "test_number" : "sms_code";
        const {
          change,
          changes: [redeemed],
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
        );
        if (redeemed !== 1) throw await explainNoOpenVerification(trx, phone, now);
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
      const {
        returned: [guess],
      } = await recordUserChangeWith(
        trx,
        caller,
        phone.user_id,
        { composed: CODE_REJECTED, values: [countWrongGuessValues(caller.tenantId, pending.id, now)] },
        "phone_number.code_rejected",
        { phoneNumberId: phone.id, verificationId: pending.id, attemptsUsed },
        now,
      );
      if (!guess) throw await explainNoOpenVerification(trx, phone, now);
      if (Number(guess.attempts_used) !== attemptsUsed) {
        throw new Error(`verification ${pending.id} changed under its user's lock`);
      }
      return {
        ok: false,
        error: wrongCodeError(attemptsUsed, Number(guess.max_attempts), pending.expires_at),
      };
    });
  }

  return {
    /**
     * Sends a code to one of the caller's numbers: a new verification, or the same code again. Runs
     * under the user's lock, so two first sends to one number start one verification: the second
     * finds the first's and answers as a resend would (the same code, or a cooldown).
     */
    async send(caller: Caller, phoneNumberId: string, options: SendOptions = {}): Promise<CodeSent> {
      return uow.transaction(async (trx) => {
        const now = deps.clock.now();
        // The user's lock, the number, its open verification and its send budgets.
        const locked = await lockOneNumber(trx, caller, phoneNumberId, {
          budgetsSince: now - policy.numberWindowMs,
        });
        const phone = locked.row;
        if (phone.verified_at !== null) {
          throw new HandsetError("PHONE_NUMBER_ALREADY_VERIFIED", `${phone.e164} is already verified.`);
        }
        const testNumber = deps.testNumbers.has(phone.e164);
        let pending = locked.pending;
        if (pending && pending.expires_at <= now) {
          await closeVerification(trx, caller.tenantId, pending.id, "expired", now);
          pending = undefined;
        }
        const resent = pending ? await resend(trx, pending, testNumber, now, locked.budgets) : undefined;
        const row = resent ? resent.row : await start(trx, phone, testNumber, now, locked.budgets);
        const locale =
          deps.messages?.localeFor(caller.tenantId, {
            field: options.locale,
            acceptLanguage: caller.acceptLanguage,
          }) ?? null;
        const sms = testNumber ? undefined : queuedSms(row, now, locale, deps.sms.claimAtWrite(now));
        const write = resent ? resent.write : insertVerificationValues(row);
        // The verification's write (a new one, or one more send counted) and the SMS's message go with
        // the event: one statement on PostgreSQL. A resend that did not apply undoes them all.
        const {
          change,
          changes: [written, queued],
        } = await recordUserChangeWith(
          trx,
          caller,
          phone.user_id,
          sms
            ? {
                composed: resent ? CODE_RESENT_BY_SMS : CODE_SENT_BY_SMS,
                values: [write, insertOutboxMessageValues(sms)],
              }
            : { composed: resent ? CODE_RESENT : CODE_SENT, values: [write] },
          "phone_number.code_sent",
          { phoneNumberId: phone.id, verificationId: row.id, send: row.sends_used },
          now,
        );
        if (written !== 1) {
          throw new HandsetError("RESEND_COOLDOWN", "Another request is sending this code right now.", {
            retryAt: now + policy.resendCooldownMs,
          });
        }
        if (sms) {
          if (queued !== 1) throw new Error(`the SMS for verification ${row.id} was not queued`);
          // Handed to delivery once the transaction is durable; a rollback drops it with the row.
          uow.afterCommit(() => deps.sms.committed({ message: sms, verification: row }));
        }
        // Sending changes the verification, not the number: the row read under the lock is current.
        const verification = toVerificationView(row, now, policy);
        return {
          phoneNumber: toPhoneNumberView(phone, verification),
          verification,
          delivery: testNumber ? "test_number" : "sms",
          message: sms ? toMessageView(sms, verification.phoneNumberId) : null,
          newVerification: pending === undefined,
          change,
        } satisfies CodeSent;
      });
    },

    /**
     * Checks a code inside the caller's transaction (or its own), and says what came of it without
     * throwing a refusal: see {@link CodeCheck}.
     */
    check,

    /**
     * Checks a code in a transaction of its own and throws a refusal once the guess it counted is on
     * disk. A use case that checks a code as one step of its own transaction calls `check` instead.
     */
    async verify(caller: Caller, phoneNumberId: string, code: string): Promise<CodeVerified> {
      if (uow.inTransaction)
        throw new Error("verify commits a counted guess: inside a transaction, use check");
      const outcome = await check(caller, phoneNumberId, code);
      if (!outcome.ok) throw outcome.error;
      return { phoneNumber: outcome.phoneNumber, verification: outcome.verification, change: outcome.change };
    },
  };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
