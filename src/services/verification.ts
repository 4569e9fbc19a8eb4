import { expectedCode } from "../domain/code.js";
import { HandsetError } from "../domain/errors.js";
import { userEventWith } from "../store/events.js";
import type { Executor } from "../store/executor.js";
import type { NumberBudgets } from "../store/locks.js";
import { INSERT_OUTBOX_MESSAGE, insertOutboxMessageValues } from "../store/outbox.js";
import type { PhoneNumberRow, VerificationRow } from "../store/schema.js";
import {
  closeVerification,
  INSERT_VERIFICATION,
  insertVerificationValues,
  RECORD_RESEND,
  recordResendValues,
} from "../store/verifications.js";
import type { Caller } from "./caller.js";
import { recordUserChangeWith } from "./changes.js";
import { type CodeCheck, type CodeVerified, createCodeCheck } from "./code-check.js";
import { NO_CODE_METRICS } from "./code-metrics.js";
import type { ServiceDeps } from "./deps.js";
import { NO_GUARDS, sendCheckSteps, settleSendChecks } from "./guards/send-guard.js";
import { type MessageView, toMessageView } from "./message-view.js";
import { lockOneNumber } from "./number-set.js";
import { queuedSms } from "./queued-sms.js";
import { assertNumberSendBudget, assertResendAllowed, guessesLeftForNumber } from "./send-limits.js";
import { newVerificationRow, resentRow, UNCAPPED_SENDS } from "./verification-rows.js";
import {
  type Change,
  type PhoneNumberView,
  toPhoneNumberView,
  toVerificationView,
  type VerificationView,
} from "./views.js";

export { type CodeCheck, type CodeVerified, MAX_CODE_INPUT_LENGTH } from "./code-check.js";

export interface CodeSent {
  phoneNumber: PhoneNumberView;
  verification: VerificationView;
  /**
   * `sms`: an SMS is queued; `test_number`: a configured test number, no SMS, fixed code; `returned`:
   * no SMS, the code is handed to the caller (`returnedCode`), who delivers it itself.
   */
  delivery: "sms" | "test_number" | "returned";
  /** The SMS queued, or null for a test number or a returned code. */
  message: MessageView | null;
  /** The code in clear, only for `returnCode` (scope `codes:return`); never logged, never stored. */
  returnedCode: string | null;
  /** True when this send started a new verification (and so a new code). */
  newVerification: boolean;
  change: Change;
}

export interface SendOptions {
  /** The locale the caller asked for explicitly (a BCP 47 tag); else Accept-Language, else the default. */
  locale?: string | null;
  /**
   * Hand the code to the caller instead of sending an SMS (ZITADEL's `return_code`): needs the scope
   * `codes:return`, queues no SMS (and so passes no SMS budget), and is recorded as its own event,
   * `phone_number.code_returned`, so that every code that left in clear is in the audit trail.
   */
  returnCode?: boolean;
}

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

export function createVerificationService(deps: ServiceDeps) {
  const { uow } = deps.store;
  const policy = deps.otp;
  const guards = deps.guards ?? NO_GUARDS;
  const check = createCodeCheck(deps);
  const metrics = deps.codeMetrics ?? NO_CODE_METRICS;

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
    return { row: resentRow(pending, now), write: recordResendValues(pending, maxSends, now) };
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
    return newVerificationRow(
      { tenantId: phone.tenant_id, userId: phone.user_id, phoneNumberId: phone.id, e164: phone.e164 },
      { policy, activeKeyId: deps.keyring.active.id, testNumber, guessesLeft, now },
    );
  }

  return {
    /**
     * Sends a code to one of the caller's numbers: a new verification, or the same code again. Runs
     * under the user's lock, so two first sends to one number start one verification: the second
     * finds the first's and answers as a resend would (the same code, or a cooldown).
     */
    async send(caller: Caller, phoneNumberId: string, options: SendOptions = {}): Promise<CodeSent> {
      if (options.returnCode && !caller.scopes.has("codes:return")) {
        throw new HandsetError("INSUFFICIENT_SCOPE", "Returning a code needs the scope codes:return.");
      }
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
          uow.afterCommit(() => metrics.counted("expired", caller.tenantId));
          pending = undefined;
        }
        const resent = pending ? await resend(trx, pending, testNumber, now, locked.budgets) : undefined;
        const row = resent ? resent.row : await start(trx, phone, testNumber, now, locked.budgets);
        const locale =
          deps.messages?.localeFor(caller.tenantId, {
            field: options.locale,
            acceptLanguage: caller.acceptLanguage,
          }) ?? null;
        const returned = options.returnCode === true;
        const sms =
          testNumber || returned ? undefined : queuedSms(row, now, locale, deps.sms.claimAtWrite(now));
        const write = resent ? resent.write : insertVerificationValues(row);
        // An SMS passes the guards: their statements (the budgets' spend, the conversion count) go in
        // the same round trip as the send's write, and are read once it is known to have applied.
        const attempt = {
          caller,
          phone,
          newVerification: pending === undefined,
          verificationId: row.id,
          now,
        };
        const checks = sms ? await guards.sendChecks(trx, attempt) : [];
        // The verification's write (a new one, or one more send counted) and the SMS's message go with
        // the event: one statement on PostgreSQL. A resend that did not apply undoes them all.
        const {
          change,
          changes: [written, queued],
          alongside: checked,
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
          returned ? "phone_number.code_returned" : "phone_number.code_sent",
          { phoneNumberId: phone.id, verificationId: row.id, send: row.sends_used },
          now,
          sendCheckSteps(checks),
        );
        if (written !== 1) {
          throw new HandsetError("RESEND_COOLDOWN", "Another request is sending this code right now.", {
            retryAt: now + policy.resendCooldownMs,
          });
        }
        if (sms) {
          if (queued !== 1) throw new Error(`the SMS for verification ${row.id} was not queued`);
          await settleSendChecks(checks, checked);
          // Handed to delivery once the transaction is durable; a rollback drops it with the row.
          uow.afterCommit(() => {
            metrics.counted("sent", caller.tenantId);
            deps.sms.committed({ message: sms, verification: row });
          });
        }
        // Sending changes the verification, not the number: the row read under the lock is current.
        const verification = toVerificationView(row, now, policy);
        let returnedCode: string | null = null;
        if (returned) {
          returnedCode = expectedCode(row, deps) ?? null;
          if (returnedCode === null) throw new Error(`no code key ${row.key_id} for verification ${row.id}`);
        }
        return {
          phoneNumber: toPhoneNumberView(phone, verification),
          verification,
          delivery: testNumber ? "test_number" : returned ? "returned" : "sms",
          returnedCode,
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
