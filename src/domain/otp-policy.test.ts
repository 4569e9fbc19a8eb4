import { describe, expect, it } from "vitest";
import {
  DEFAULT_OTP_POLICY,
  effectiveStatus,
  nextSendAllowedAt,
  type OtpPolicy,
  outlook,
  type VerificationState,
} from "./otp-policy.js";

const T0 = Date.UTC(2026, 0, 1, 12);
const policy: OtpPolicy = DEFAULT_OTP_POLICY;

function state(overrides: Partial<VerificationState> = {}): VerificationState {
  return {
    status: "pending",
    attemptsUsed: 0,
    maxAttempts: policy.maxAttempts,
    sendsUsed: 1,
    lastSentAt: T0,
    expiresAt: T0 + policy.ttlMs,
    ...overrides,
  };
}

describe("defaults", () => {
  it("are 6 digits, 10 minutes, 5 attempts, as the issue says", () => {
    expect(DEFAULT_OTP_POLICY.codeLength).toBe(6);
    expect(DEFAULT_OTP_POLICY.ttlMs).toBe(600_000);
    expect(DEFAULT_OTP_POLICY.maxAttempts).toBe(5);
  });
});

describe("nextSendAllowedAt", () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [4, 240_000],
    [5, 480_000],
  ])("after %i send(s) waits %i ms", (sendsUsed, wait) => {
    expect(nextSendAllowedAt(T0, sendsUsed, policy)).toBe(T0 + wait);
  });

  it("counts from the last send, not the first", () => {
    expect(nextSendAllowedAt(T0 + 5_000, 2, policy)).toBe(T0 + 5_000 + 60_000);
  });

  it("follows the configured cooldown", () => {
    const slow = { ...policy, resendCooldownMs: 10_000 };
    expect(nextSendAllowedAt(T0, 1, slow)).toBe(T0 + 10_000);
    expect(nextSendAllowedAt(T0, 3, slow)).toBe(T0 + 40_000);
    expect(nextSendAllowedAt(T0, 3, { ...policy, resendCooldownMs: 0 })).toBe(T0);
  });

  it("treats zero sends like one and stops doubling after ten", () => {
    expect(nextSendAllowedAt(T0, 0, policy)).toBe(T0 + 30_000);
    const capped = T0 + 30_000 * 2 ** 10;
    expect(nextSendAllowedAt(T0, 11, policy)).toBe(capped);
    expect(nextSendAllowedAt(T0, 1_000, policy)).toBe(capped);
    expect(Number.isFinite(nextSendAllowedAt(T0, Number.MAX_SAFE_INTEGER, policy))).toBe(true);
  });
});

describe("effectiveStatus", () => {
  const expiresAt = T0 + policy.ttlMs;

  it("is pending up to the last millisecond and expired at the expiry instant", () => {
    expect(effectiveStatus(state(), expiresAt - 1)).toBe("pending");
    expect(effectiveStatus(state(), expiresAt)).toBe("expired");
    expect(effectiveStatus(state(), expiresAt + 1)).toBe("expired");
  });

  it("keeps an ended verification's own status after the expiry", () => {
    for (const status of ["verified", "failed", "expired"] as const) {
      expect(effectiveStatus(state({ status }), expiresAt - 1)).toBe(status);
      expect(effectiveStatus(state({ status }), expiresAt + 1)).toBe(status);
    }
  });
});

describe("outlook", () => {
  it("of a fresh verification: every attempt, four resends, the first cooldown", () => {
    expect(outlook(state(), T0, policy)).toEqual({
      status: "pending",
      attemptsLeft: 5,
      expiresAt: T0 + 600_000,
      sendsLeft: 4,
      resendAvailableAt: T0 + 30_000,
    });
  });

  it("counts wrong guesses against the verification's own maximum", () => {
    expect(outlook(state({ attemptsUsed: 2 }), T0, policy).attemptsLeft).toBe(3);
    // A verification started with less of the number's guess budget left keeps its lower maximum.
    expect(outlook(state({ maxAttempts: 3, attemptsUsed: 1 }), T0, policy).attemptsLeft).toBe(2);
    expect(outlook(state({ attemptsUsed: 9 }), T0, policy).attemptsLeft).toBe(0);
  });

  it("doubles the wait with each send", () => {
    const third = outlook(state({ sendsUsed: 3, lastSentAt: T0 + 100_000 }), T0 + 100_000, policy);
    expect(third.sendsLeft).toBe(2);
    expect(third.resendAvailableAt).toBe(T0 + 100_000 + 120_000);
  });

  it("caps the resend time at the expiry, when a new verification may start anyway", () => {
    const late = state({ sendsUsed: 4, lastSentAt: T0 + 500_000 });
    // 500 s + 240 s would be after the 600 s expiry.
    expect(outlook(late, T0 + 500_000, policy).resendAvailableAt).toBe(T0 + 600_000);
  });

  it("points at the expiry once every send is used", () => {
    const spent = outlook(state({ sendsUsed: 5, lastSentAt: T0 + 10_000 }), T0 + 10_000, policy);
    expect(spent.sendsLeft).toBe(0);
    expect(spent.resendAvailableAt).toBe(T0 + 600_000);
    expect(outlook(state({ sendsUsed: 7 }), T0, policy).sendsLeft).toBe(0);
  });

  it.each(["verified", "failed", "expired"] as const)("is all zeros and null once %s", (status) => {
    expect(outlook(state({ status }), T0, policy)).toEqual({
      status,
      attemptsLeft: 0,
      expiresAt: T0 + 600_000,
      sendsLeft: 0,
      resendAvailableAt: null,
    });
  });

  it("reads a pending verification past its expiry as ended", () => {
    const after = outlook(state(), T0 + 600_000, policy);
    expect(after.status).toBe("expired");
    expect(after.attemptsLeft).toBe(0);
    expect(after.resendAvailableAt).toBeNull();
    expect(outlook(state(), T0 + 599_999, policy).status).toBe("pending");
  });
});
