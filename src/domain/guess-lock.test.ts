import { describe, expect, it } from "vitest";
import { DEFAULT_GUESS_LOCK, type GuessStreak, guessLockOf, liveFailures } from "./guess-lock.js";

const DAY = 86_400_000;
const policy = DEFAULT_GUESS_LOCK;
const streak = (
  tenantId: string,
  failures: number,
  lastWrongAt: number,
  lockedAt: number | null = null,
): GuessStreak => ({
  tenantId,
  failures,
  lastWrongAt,
  lockedAt,
});

describe("the guess lock's rule", () => {
  it("defaults to NIST's 100 consecutive failures and a 30-day window", () => {
    expect(DEFAULT_GUESS_LOCK).toEqual({ after: 100, lockMs: 30 * DAY });
  });

  it("is open under the cap and locked at it, until the window after the last wrong code", () => {
    expect(guessLockOf([streak("a", 99, 0)], policy, 1)).toBeNull();
    expect(guessLockOf([streak("a", 100, 5, 5)], policy, 10)).toEqual({
      lockedAt: 5,
      until: 5 + 30 * DAY,
      consecutiveFailures: 100,
    });
    expect(guessLockOf([streak("a", 100, 5, 5)], policy, 5 + 30 * DAY)).toBeNull();
  });

  it("sums the tenants' streaks, and lifts when enough of them lapse", () => {
    const streaks = [streak("a", 60, 1 * DAY), streak("b", 30, 2 * DAY), streak("c", 10, 3 * DAY, 3 * DAY)];
    const lock = guessLockOf(streaks, policy, 3 * DAY);
    // Tenant a's 60 lapse first: 40 are left, under the cap.
    expect(lock).toEqual({ lockedAt: 3 * DAY, until: 31 * DAY, consecutiveFailures: 100 });
    expect(guessLockOf(streaks, policy, 31 * DAY)).toBeNull();
  });

  it("forgets a streak a window old", () => {
    expect(liveFailures(streak("a", 7, 0), policy, 30 * DAY - 1)).toBe(7);
    expect(liveFailures(streak("a", 7, 0), policy, 30 * DAY)).toBe(0);
  });
});
