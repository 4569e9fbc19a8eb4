/**
 * The lifetime guess cap (NIST SP 800-63B §5.2.2: at most 100 consecutive failed attempts): wrong
 * codes in a row on one number, summed over every tenant that holds it, lock the number for
 * verification once they reach the cap. A success resets its tenant's streak; a streak whose last
 * wrong code is older than the lock window is forgotten, which is also how a lock lapses.
 */
export interface GuessLockPolicy {
  /** Consecutive wrong codes, across tenants, that lock a number. */
  after: number;
  /** How long a streak (and so a lock) lasts after its last wrong code. */
  lockMs: number;
}

export const DEFAULT_GUESS_LOCK: GuessLockPolicy = { after: 100, lockMs: 30 * 24 * 3600 * 1000 };

/** One tenant's streak on a number. */
export interface GuessStreak {
  tenantId: string;
  failures: number;
  lastWrongAt: number;
  lockedAt: number | null;
}

export interface GuessLock {
  /** When the streak that reached the cap did. */
  lockedAt: number;
  /** When enough of the streaks lapse for the number to be under the cap again. */
  until: number;
  /** Consecutive wrong codes across tenants. */
  consecutiveFailures: number;
}

/** What a streak still counts: nothing once its last wrong code is a lock window old. */
export function liveFailures(streak: GuessStreak, policy: GuessLockPolicy, now: number): number {
  return streak.lastWrongAt + policy.lockMs > now ? streak.failures : 0;
}

/** Where a streak older than this is forgotten (the store's queries take it as a bound). */
export function streakHorizon(policy: GuessLockPolicy, now: number): number {
  return now - policy.lockMs;
}

/** The consecutive wrong codes on a number across its tenants. */
export function consecutiveFailures(
  streaks: readonly GuessStreak[],
  policy: GuessLockPolicy,
  now: number,
): number {
  return streaks.reduce((sum, s) => sum + liveFailures(s, policy, now), 0);
}

/** The lock on a number, or null while its streaks are under the cap. */
export function guessLockOf(
  streaks: readonly GuessStreak[],
  policy: GuessLockPolicy,
  now: number,
): GuessLock | null {
  const live = streaks.filter((s) => liveFailures(s, policy, now) > 0);
  let total = live.reduce((sum, s) => sum + s.failures, 0);
  if (total < policy.after) return null;
  // Streaks lapse oldest first; the lock lifts when the ones still standing fall under the cap.
  const byAge = [...live].sort((a, b) => a.lastWrongAt - b.lastWrongAt);
  let until = now;
  for (const streak of byAge) {
    total -= streak.failures;
    until = streak.lastWrongAt + policy.lockMs;
    if (total < policy.after) break;
  }
  const lockedAt = Math.max(...live.map((s) => s.lockedAt ?? s.lastWrongAt));
  return { lockedAt, until, consecutiveFailures: live.reduce((sum, s) => sum + s.failures, 0) };
}
