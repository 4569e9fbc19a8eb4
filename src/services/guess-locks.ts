import { HandsetError } from "../domain/errors.js";
import { DEFAULT_GUESS_LOCK, type GuessLock, guessLockOf, liveFailures } from "../domain/guess-lock.js";
import { newId } from "../domain/ids.js";
import { appendTenantEvent } from "../store/events.js";
import type { Executor } from "../store/executor.js";
import { listGuessStreaks, resetGuessStreak } from "../store/guess-streaks.js";
import type { PhoneNumberRow } from "../store/schema.js";
import { loadPhoneNumber } from "./access.js";
import { actorOf, type Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";

/** A number's standing against the lifetime guess cap, as this tenant sees it. */
export interface GuessLockView {
  phoneNumberId: string;
  /** This tenant's consecutive wrong codes on the number (a lapsed streak counts 0). */
  consecutiveFailures: number;
  /** The cap: wrong codes in a row, summed over every tenant holding the number, that lock it. */
  lockAfter: number;
  /** The lock, or null while the number may be verified. */
  lock: GuessLock | null;
}

export interface GuessLockCleared extends GuessLockView {
  /** The wrong codes in a row that the reset forgot (this tenant's). */
  cleared: number;
}

/**
 * The guess lock in the API: read by whoever reaches the number, reset by an admin key. Another
 * tenant's streaks count towards the lock (so that a second tenant does not double an attacker's
 * guesses) but are never shown: the view gives this tenant's count, and whether the number is locked.
 */
export function createGuessLockService(deps: ServiceDeps) {
  const { uow } = deps.store;
  const policy = deps.guessLock ?? DEFAULT_GUESS_LOCK;

  async function viewOf(
    db: Executor,
    caller: Caller,
    phone: PhoneNumberRow,
    now: number,
  ): Promise<GuessLockView> {
    const streaks = await listGuessStreaks(db, phone.e164);
    const mine = streaks.find((s) => s.tenantId === caller.tenantId);
    return {
      phoneNumberId: phone.id,
      consecutiveFailures: mine ? liveFailures(mine, policy, now) : 0,
      lockAfter: policy.after,
      lock: guessLockOf(streaks, policy, now),
    };
  }

  return {
    async get(caller: Caller, phoneNumberId: string): Promise<GuessLockView> {
      return uow.read(async (db) =>
        viewOf(db, caller, await loadPhoneNumber(db, caller, phoneNumberId), deps.clock.now()),
      );
    },

    /**
     * Resets this tenant's streak on the number (an event says who did, and what was forgotten). When
     * other tenants' streaks alone still reach the cap, the number stays locked: the answer says so.
     */
    async clear(caller: Caller, phoneNumberId: string): Promise<GuessLockCleared> {
      if (caller.kind === "user_token") {
        throw new HandsetError("INSUFFICIENT_SCOPE", "Only an admin key can unlock a number.");
      }
      return uow.transaction(async (trx) => {
        const now = deps.clock.now();
        const phone = await loadPhoneNumber(trx, caller, phoneNumberId);
        const before = await viewOf(trx, caller, phone, now);
        await resetGuessStreak(trx, caller.tenantId, phone.e164);
        const after = await viewOf(trx, caller, phone, now);
        await appendTenantEvent(trx, {
          id: newId("evt", now),
          tenantId: caller.tenantId,
          type: "phone_number.guess_lock_cleared",
          actor: actorOf(caller),
          payload: {
            userId: phone.user_id,
            phoneNumberId: phone.id,
            cleared: before.consecutiveFailures,
            wasLocked: before.lock !== null,
            stillLocked: after.lock !== null,
          },
          at: now,
        });
        return { ...after, cleared: before.consecutiveFailures };
      });
    },
  };
}
