import { HandsetError } from "../domain/errors.js";
import { nextSendAllowedAt, type OtpPolicy } from "../domain/otp-policy.js";
import type { Executor } from "../store/executor.js";
import type { NumberBudgets } from "../store/locks.js";
import { listRecentSendsToNumber } from "../store/outbox.js";
import type { PhoneNumberRow, VerificationRow } from "../store/schema.js";
import { countWrongGuessesForNumber } from "../store/verifications.js";

/**
 * The limits that stand before an SMS is queued (DESIGN.md, invariant 3). They are read from rows
 * Handset writes anyway, inside the sending transaction, so every process sees the same counts.
 */

/** Wrong guesses the number may still take in the window; refuses a new code when none are left. */
export async function guessesLeftForNumber(
  trx: Executor,
  policy: OtpPolicy,
  phone: Pick<PhoneNumberRow, "tenant_id" | "e164">,
  now: number,
  /** The number's budgets as read under the user's lock over the same window, if they were. */
  known?: NumberBudgets,
): Promise<number> {
  const since = now - policy.numberWindowMs;
  const { wrong, oldestAt } = known
    ? { wrong: known.wrongGuesses, oldestAt: known.oldestWrongAt }
    : await countWrongGuessesForNumber(trx, phone.tenant_id, phone.e164, since);
  const left = policy.numberGuessBudget - wrong;
  if (left <= 0) {
    throw new HandsetError(
      "NUMBER_GUESS_BUDGET_EXHAUSTED",
      `Too many wrong codes for ${phone.e164}: no new code can be sent for a while.`,
      { retryAt: (oldestAt ?? now) + policy.numberWindowMs },
    );
  }
  return left;
}

/** Refuses an SMS when the number has had its share in the window, whatever the verification. */
export async function assertNumberSendBudget(
  trx: Executor,
  policy: OtpPolicy,
  phone: Pick<PhoneNumberRow, "tenant_id" | "e164">,
  now: number,
  known?: NumberBudgets,
): Promise<void> {
  // The count read with the lock settles the common case; the times are read only for a refusal.
  if (known && known.recentSends < policy.numberSendBudget) return;
  const sends = await listRecentSendsToNumber(trx, phone.tenant_id, phone.e164, now - policy.numberWindowMs);
  if (sends.length >= policy.numberSendBudget) {
    const oldestCounted = sends[sends.length - policy.numberSendBudget] ?? now;
    throw new HandsetError(
      "SEND_LIMIT_REACHED",
      `Too many codes sent to ${phone.e164}: wait before asking again.`,
      {
        retryAt: oldestCounted + policy.numberWindowMs,
      },
    );
  }
}

/** Refuses a resend of an open verification past its send cap or inside its (doubling) cooldown. */
export function assertResendAllowed(policy: OtpPolicy, pending: VerificationRow, now: number): void {
  if (pending.sends_used >= policy.maxSendsPerVerification) {
    throw new HandsetError(
      "SEND_LIMIT_REACHED",
      "This code has been sent as often as allowed: wait for it to expire.",
      {
        retryAt: pending.expires_at,
        expiresAt: pending.expires_at,
      },
    );
  }
  const allowedAt = Math.min(
    nextSendAllowedAt(pending.last_sent_at, pending.sends_used, policy),
    pending.expires_at,
  );
  if (now < allowedAt) {
    throw new HandsetError(
      "RESEND_COOLDOWN",
      "A code was sent moments ago: wait before asking for it again.",
      {
        retryAt: allowedAt,
        expiresAt: pending.expires_at,
      },
    );
  }
}
