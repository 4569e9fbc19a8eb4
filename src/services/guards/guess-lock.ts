import {
  type GuessLockPolicy,
  type GuessStreak,
  guessLockOf,
  streakHorizon,
} from "../../domain/guess-lock.js";
import { newId } from "../../domain/ids.js";
import { appendTenantEvent } from "../../store/events.js";
import type { Executor } from "../../store/executor.js";
import {
  type CountedWrongCode,
  countWrongCodeStep,
  guessStreaksOf,
  markGuessLocked,
  peekGuessStreaksStep,
  readGuessStreaks,
  readGuessStreaksOfNumberStep,
  resetGuessStreakStep,
  wrongCodeCountedOf,
} from "../../store/guess-streaks.js";
import { actorOf } from "../caller.js";
import { type GuardMetrics, GuardRefusal } from "./guard-refusal.js";
import type { GuessAttempt, SendGuard } from "./send-guard.js";

export interface GuessLockGuardDeps {
  policy: GuessLockPolicy;
  metrics: GuardMetrics;
}

/** The `limit` a refusal names, in the error's details, the event and the metric. */
export const GUESS_LOCK_LIMIT = "guess_lock";

/**
 * The lifetime guess cap: before a code is compared, the number's streaks of wrong codes (every
 * tenant's) are read, and a number at the cap is refused (`PHONE_NUMBER_LOCKED`) with no guess counted;
 * a wrong code is counted in this tenant's streak, in one statement that also returns the others'; a
 * success resets this tenant's streak, with a write only when there is one.
 */
export function createGuessLockGuard(deps: GuessLockGuardDeps): SendGuard {
  const { policy, metrics } = deps;
  // Whether the read before the comparison found a streak of this tenant to reset on success, by
  // transaction: the hooks of one check share it, and a success with nothing to reset writes nothing.
  const streakToReset = new WeakMap<Executor, boolean>();

  function refuseIfLocked(
    streaks: readonly GuessStreak[],
    attempt: GuessAttempt,
    at: "send" | "check",
  ): void {
    const { caller, phone, verificationId, now } = attempt;
    const lock = guessLockOf(streaks, policy, now);
    if (!lock) return;
    throw new GuardRefusal(
      "PHONE_NUMBER_LOCKED",
      `Too many wrong codes in a row: ${phone.e164} cannot be verified until ${new Date(lock.until).toISOString()}, or until an admin unlocks it.`,
      { limit: GUESS_LOCK_LIMIT, retryAt: lock.until },
      {
        caller,
        type: "guard.phone_number_locked",
        payload: {
          userId: phone.user_id,
          phoneNumberId: phone.id,
          verificationId,
          at,
          lockedAt: lock.lockedAt,
          until: lock.until,
        },
        at: now,
      },
      metrics,
    );
  }

  /** The check before the comparison found the number under the cap: this wrong code may reach it. */
  async function lockAtTheCap(
    trx: Executor,
    { caller, phone, verificationId, now }: GuessAttempt,
    counted: CountedWrongCode,
  ): Promise<void> {
    const total = counted.mine + counted.others;
    // The check before the comparison found the number under the cap: this wrong code reached it.
    if (total < policy.after) return;
    await markGuessLocked(trx, caller.tenantId, phone.e164, now);
    await appendTenantEvent(trx, {
      id: newId("evt", now),
      tenantId: caller.tenantId,
      type: "phone_number.guess_locked",
      actor: actorOf(caller),
      payload: {
        userId: phone.user_id,
        phoneNumberId: phone.id,
        verificationId,
        consecutiveFailures: total,
        tenantFailures: counted.mine,
        until: now + policy.lockMs,
      },
      at: now,
    });
  }

  return {
    // A code to a locked number could not be checked: the SMS would be spent for nothing. The peek
    // goes out with the send's write (see `SendCheck`).
    async sendCheck(_trx, { caller, phone, verificationId, now }) {
      return {
        step: peekGuessStreaksStep(phone.e164),
        settle: async (rows) =>
          refuseIfLocked(guessStreaksOf(rows), { caller, phone, verificationId, now }, "send"),
      };
    },

    // Read with the user's lock, in its round trip (see `checkRead`).
    checkRead: (tenantId, phoneNumberId) => readGuessStreaksOfNumberStep(tenantId, phoneNumberId),

    async beforeCheck(trx, attempt, read) {
      const { caller } = attempt;
      const streaks =
        read === undefined
          ? await readGuessStreaks(trx, attempt.phone.e164, { lock: true })
          : guessStreaksOf(read);
      refuseIfLocked(streaks, attempt, "check");
      const mine = streaks.find((s) => s.tenantId === caller.tenantId);
      streakToReset.set(trx, mine !== undefined && mine.failures > 0);
    },

    // The streak's count (a wrong code) or reset (a success) goes out with the check's own write.
    async guessCheck(trx, attempt, outcome) {
      const { caller, phone } = attempt;
      if (outcome === "verified") {
        if (!streakToReset.get(trx)) return undefined;
        return { step: resetGuessStreakStep(caller.tenantId, phone.e164), settle: async () => {} };
      }
      return {
        step: countWrongCodeStep({
          tenantId: caller.tenantId,
          e164: phone.e164,
          at: attempt.now,
          horizon: streakHorizon(policy, attempt.now),
        }),
        settle: (rows) => lockAtTheCap(trx, attempt, wrongCodeCountedOf(rows, phone.e164)),
      };
    },
  };
}
