/**
 * The limits on sending and guessing codes (DESIGN.md, invariant 3). All are configurable; the
 * defaults follow NIST SP 800-63B and the peers' lessons (`shared/reference/peers-and-otp-security.md`).
 */
export interface OtpPolicy {
  codeLength: number;
  /** How long a code can be redeemed after the verification starts. */
  ttlMs: number;
  /** Wrong guesses one verification takes before it fails. */
  maxAttempts: number;
  /** The wait after the first send; it doubles after each further send. */
  resendCooldownMs: number;
  /** Sends (the first and the resends) of one verification. */
  maxSendsPerVerification: number;
  /** Wrong guesses one number takes over all its verifications in `numberWindowMs`, so a fresh code does not reset the count. */
  numberGuessBudget: number;
  /** SMS one number receives in `numberWindowMs`, whatever the verification. */
  numberSendBudget: number;
  numberWindowMs: number;
}

export const DEFAULT_OTP_POLICY: OtpPolicy = {
  codeLength: 6,
  ttlMs: 10 * 60_000,
  maxAttempts: 5,
  resendCooldownMs: 30_000,
  maxSendsPerVerification: 5,
  numberGuessBudget: 10,
  numberSendBudget: 10,
  numberWindowMs: 60 * 60_000,
};

/** When the next send of a verification is allowed: 30 s after the first, 60 s after the second, ... */
export function nextSendAllowedAt(lastSentAt: number, sendsUsed: number, policy: OtpPolicy): number {
  const doublings = Math.max(0, Math.min(sendsUsed - 1, 10));
  return lastSentAt + policy.resendCooldownMs * 2 ** doublings;
}

export type VerificationStatus = "pending" | "verified" | "expired" | "failed";

export interface VerificationState {
  status: VerificationStatus;
  attemptsUsed: number;
  maxAttempts: number;
  sendsUsed: number;
  lastSentAt: number;
  expiresAt: number;
}

/** A stored pending verification whose time ran out is expired, whether or not a write has said so yet. */
export function effectiveStatus(state: VerificationState, now: number): VerificationStatus {
  if (state.status === "pending" && now >= state.expiresAt) return "expired";
  return state.status;
}

export interface VerificationOutlook {
  status: VerificationStatus;
  attemptsLeft: number;
  expiresAt: number;
  sendsLeft: number;
  /**
   * When asking for a code again will send one: a resend of this verification, or from its expiry on,
   * a new verification. Null once the verification has ended.
   */
  resendAvailableAt: number | null;
}

/** What a caller may be told about a verification: every response that can show these, does. */
export function outlook(state: VerificationState, now: number, policy: OtpPolicy): VerificationOutlook {
  const status = effectiveStatus(state, now);
  const sendsLeft = Math.max(0, policy.maxSendsPerVerification - state.sendsUsed);
  const resendAt = nextSendAllowedAt(state.lastSentAt, state.sendsUsed, policy);
  const pending = status === "pending";
  return {
    status,
    attemptsLeft: pending ? Math.max(0, state.maxAttempts - state.attemptsUsed) : 0,
    expiresAt: state.expiresAt,
    sendsLeft: pending ? sendsLeft : 0,
    resendAvailableAt: pending
      ? sendsLeft > 0
        ? Math.min(resendAt, state.expiresAt)
        : state.expiresAt
      : null,
  };
}
