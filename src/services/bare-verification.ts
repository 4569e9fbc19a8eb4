import { HandsetError } from "../domain/errors.js";
import { parsePhone } from "../domain/phone.js";
import {
  findPendingBareVerification,
  INSERT_BARE_VERIFICATION,
  insertBareVerificationValues,
} from "../store/bare-verifications.js";
import { INSERT_OUTBOX_MESSAGE, insertOutboxMessageValues } from "../store/outbox.js";
import { hotChanges } from "../store/prepared.js";
import type { VerificationRow } from "../store/schema.js";
import { closeVerification, RECORD_RESEND, recordResendValues } from "../store/verifications.js";
import { tenantPhonePolicy } from "./access.js";
import { createBareVerificationCheck } from "./bare-verification-check.js";
import { bareVerificationSteps } from "./bare-verification-steps.js";
import {
  assertBackend,
  type BareCodeSent,
  type BareVerificationAnswer,
  type BareVerificationRef,
  type BareVerificationView,
  holderFor,
  type StartBareVerificationInput,
  toBareVerificationView,
} from "./bare-verification-views.js";
import type { Caller } from "./caller.js";
import { assertNotTestNumber, assertResendCode, withCustomCode } from "./custom-code.js";
import type { ServiceDeps } from "./deps.js";
import { toMessageView } from "./message-view.js";
import { queuedSms } from "./queued-sms.js";
import { assertNumberSendBudget, assertResendAllowed, guessesLeftForNumber } from "./send-limits.js";
import { newVerificationRow, resentRow, UNCAPPED_SENDS } from "./verification-rows.js";
import { startOptions } from "./verify-services.js";

/**
 * Verifications of a bare number, Twilio Verify's shape (docs/verifications.md): start (or resend),
 * check a code (bare-verification-check.ts). The same codes, limits, guards, outbox and providers as a
 * user's number: only the subject differs. With no user's lock to order them, every write is a
 * conditional statement, and at most one verification is open per number and verify service (a
 * partial unique index).
 */
export function createBareVerificationService(deps: ServiceDeps) {
  const { uow, policy, guards, count, targetOf, recordEvent, settleGuards } = bareVerificationSteps(deps);

  async function start(caller: Caller, input: StartBareVerificationInput): Promise<BareCodeSent> {
    assertBackend(caller);
    const asker: Caller = input.clientIp ? { ...caller, clientIp: input.clientIp } : caller;
    return uow.transaction(async (trx) => {
      const now = deps.clock.now();
      const options = await startOptions(trx, caller.tenantId, input);
      // The tenant's geo permissions and number types, as for a number added to a user.
      const parsed = parsePhone(input.to, input.region, await tenantPhonePolicy(trx, deps, caller.tenantId));
      const target = targetOf(caller.tenantId, parsed.e164, parsed.region);
      const testNumber = deps.testNumbers.has(parsed.e164);
      let pending = await findPendingBareVerification(trx, caller.tenantId, parsed.e164, options.serviceId);
      if (pending && pending.expires_at <= now) {
        await closeVerification(trx, caller.tenantId, pending.id, "expired", now);
        count("expired", caller.tenantId);
        pending = undefined;
      }
      assertNotTestNumber(testNumber, options.customCode);
      let row: VerificationRow;
      if (pending) {
        assertResendCode(pending, options.customCode, deps);
        if (!testNumber) {
          assertResendAllowed(policy, pending, now);
          await assertNumberSendBudget(trx, policy, target, now);
        }
        row = resentRow(pending, now);
      } else {
        const guessesLeft = await guessesLeftForNumber(trx, policy, target, now);
        if (!testNumber) await assertNumberSendBudget(trx, policy, target, now);
        row = newVerificationRow(
          {
            tenantId: caller.tenantId,
            userId: null,
            phoneNumberId: null,
            e164: parsed.e164,
            serviceId: options.serviceId,
          },
          {
            policy,
            activeKeyId: deps.keyring.active.id,
            testNumber,
            guessesLeft,
            now,
            codeLength: options.codeLength,
          },
        );
        if (options.customCode !== null) row = withCustomCode(row, deps.keyring.active, options.customCode);
      }
      // A resend counted only if no one else counted one since the read; a start written only if no
      // one else started one: the loser answers as a resend inside the cooldown would.
      const written = pending
        ? await hotChanges(
            trx,
            RECORD_RESEND,
            recordResendValues(pending, testNumber ? UNCAPPED_SENDS : policy.maxSendsPerVerification, now),
          )
        : await hotChanges(trx, INSERT_BARE_VERIFICATION, insertBareVerificationValues(row));
      if (written !== 1) {
        throw new HandsetError(
          "RESEND_COOLDOWN",
          "Another request is sending a code to this number right now.",
          {
            retryAt: now + policy.resendCooldownMs,
          },
        );
      }
      const locale =
        deps.messages?.localeFor(caller.tenantId, {
          field: input.locale,
          acceptLanguage: caller.acceptLanguage,
        }) ?? null;
      const sms = testNumber
        ? undefined
        : queuedSms(row, now, locale, deps.sms.claimAtWrite(now), options.rendering);
      if (sms) {
        const attempt = {
          caller: asker,
          phone: target,
          newVerification: pending === undefined,
          verificationId: row.id,
          now,
        };
        const checks = await guards.sendChecks(trx, attempt);
        if ((await hotChanges(trx, INSERT_OUTBOX_MESSAGE, insertOutboxMessageValues(sms))) !== 1) {
          throw new Error(`the SMS for verification ${row.id} was not queued`);
        }
        await settleGuards(trx, checks);
        const verification = row;
        count("sent", caller.tenantId);
        uow.afterCommit(() => deps.sms.committed({ message: sms, verification }));
      }
      await recordEvent(
        trx,
        caller,
        pending ? "verification.code_resent" : "verification.code_sent",
        { verificationId: row.id, e164: row.e164, send: row.sends_used },
        now,
      );
      return {
        verification: toBareVerificationView(row, now, policy),
        holder: await holderFor(trx, caller, row.e164),
        delivery: testNumber ? "test_number" : "sms",
        message: sms ? toMessageView(sms, null) : null,
        newVerification: pending === undefined,
      } satisfies BareCodeSent;
    });
  }

  return { start, ...createBareVerificationCheck(deps) };
}

export type BareVerificationService = ReturnType<typeof createBareVerificationService>;
export type {
  BareCodeSent,
  BareVerificationAnswer,
  BareVerificationRef,
  BareVerificationView,
  StartBareVerificationInput,
};
