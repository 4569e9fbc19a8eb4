import { codesMatch, expectedCode, TEST_NUMBER_KEY_ID } from "../domain/code.js";
import { HandsetError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import { normalizePhoneInput, parsePhone, regionOfE164 } from "../domain/phone.js";
import {
  APPROVE_BARE_VERIFICATION,
  findLatestBareVerification,
  findPendingBareVerification,
  INSERT_BARE_VERIFICATION,
  insertBareVerificationValues,
} from "../store/bare-verifications.js";
import { appendTenantEvent } from "../store/events.js";
import type { Executor } from "../store/executor.js";
import { INSERT_OUTBOX_MESSAGE, insertOutboxMessageValues } from "../store/outbox.js";
import { hotChanges, type PipelineStep, pipeline } from "../store/prepared.js";
import type { VerificationRow, VerificationStrategy } from "../store/schema.js";
import {
  closeVerification,
  findVerification,
  RECORD_RESEND,
  recordResendValues,
  recordWrongGuess,
} from "../store/verifications.js";
import { tenantPhonePolicy } from "./access.js";
import {
  assertBackend,
  type BareCodeSent,
  type BareVerificationAnswer,
  type BareVerificationRef,
  type BareVerificationView,
  explainNotOpen,
  holderFor,
  inService,
  type StartBareVerificationInput,
  toBareVerificationView,
  verificationIdNotFound,
} from "./bare-verification-views.js";
import { actorOf, type Caller } from "./caller.js";
import { MAX_CODE_INPUT_LENGTH } from "./code-check.js";
import { type CodeEvent, NO_CODE_METRICS } from "./code-metrics.js";
import type { ServiceDeps } from "./deps.js";
import { type CodeTarget, NO_GUARDS, type SendCheck, settleSendChecks } from "./guards/send-guard.js";
import { toMessageView } from "./message-view.js";
import { queuedSms } from "./queued-sms.js";
import { assertNumberSendBudget, assertResendAllowed, guessesLeftForNumber } from "./send-limits.js";
import { wrongCodeError } from "./verification-errors.js";
import { newVerificationRow, resentRow, UNCAPPED_SENDS } from "./verification-rows.js";
import { startOptions } from "./verify-services.js";

/**
 * Verifications of a bare number, Twilio Verify's shape (docs/verifications.md): start (or resend),
 * check a code. The same codes, limits, guards, outbox and providers as a user's number: only the
 * subject differs. With no user's lock to order them, every write is a conditional statement, and at
 * most one verification is open per number (a partial unique index).
 */
export function createBareVerificationService(deps: ServiceDeps) {
  const { uow } = deps.store;
  const policy = deps.otp;
  const guards = deps.guards ?? NO_GUARDS;
  const metrics = deps.codeMetrics ?? NO_CODE_METRICS;
  const count = (event: CodeEvent, tenantId: string) =>
    uow.afterCommit(() => metrics.counted(event, tenantId));

  const targetOf = (tenantId: string, e164: string, region: string | null): CodeTarget => ({
    tenant_id: tenantId,
    e164,
    region,
    id: null,
    user_id: null,
  });

  async function recordEvent(
    trx: Executor,
    caller: Caller,
    type: string,
    payload: Record<string, unknown>,
    now: number,
  ): Promise<void> {
    await appendTenantEvent(trx, {
      id: newId("evt", now),
      tenantId: caller.tenantId,
      type,
      actor: actorOf(caller),
      payload,
      at: now,
    });
  }

  /** Runs the guards' statements after the use case's own write and reads their answers. */
  async function settleGuards(trx: Executor, checks: readonly SendCheck[]): Promise<void> {
    const steps = checks.flatMap((c) => (c.step === null ? [] : [c.step as PipelineStep]));
    const results = steps.length === 0 ? [] : await pipeline(trx, steps);
    await settleSendChecks(
      checks,
      results.map((r) => r.rows),
    );
  }

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
      let row: VerificationRow;
      if (pending) {
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
        uow.afterCommit(() => {
          metrics.counted("sent", caller.tenantId);
          deps.sms.committed({ message: sms, verification });
        });
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

  return { start, check };
}

export type BareVerificationService = ReturnType<typeof createBareVerificationService>;
export type {
  BareCodeSent,
  BareVerificationAnswer,
  BareVerificationRef,
  BareVerificationView,
  StartBareVerificationInput,
};
