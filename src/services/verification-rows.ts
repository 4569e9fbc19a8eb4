import { TEST_NUMBER_KEY_ID } from "../domain/code.js";
import { newId } from "../domain/ids.js";
import type { OtpPolicy } from "../domain/otp-policy.js";
import type { VerificationRow } from "../store/schema.js";

/**
 * A test number's sends are not capped: the largest value of the integer column `sends_used`
 * (PostgreSQL refuses a larger one bound against it).
 */
export const UNCAPPED_SENDS = 2 ** 31 - 1;

/** Whose code it is: a user's number, or a bare number (no user, no number row). */
export interface VerificationSubject {
  tenantId: string;
  userId: string | null;
  phoneNumberId: string | null;
  e164: string;
  /** The verify service it is started under: '' (the default) for a user's number. */
  serviceId?: string;
}

/**
 * A new pending verification, as both kinds start one. `guessesLeft` is the number's guess budget:
 * it caps this verification too, so the two limits are enforced by one counter.
 */
export function newVerificationRow(
  subject: VerificationSubject,
  options: {
    policy: OtpPolicy;
    activeKeyId: string;
    testNumber: boolean;
    guessesLeft: number;
    now: number;
    /** A verify service's own code length, over the policy's. */
    codeLength?: number;
  },
): VerificationRow {
  const { policy, now } = options;
  return {
    tenant_id: subject.tenantId,
    id: newId("vf", now),
    user_id: subject.userId,
    phone_number_id: subject.phoneNumberId,
    e164: subject.e164,
    key_id: options.testNumber ? TEST_NUMBER_KEY_ID : options.activeKeyId,
    // Kept with the row, so that a later change of the setting leaves codes already sent valid.
    code_length: options.codeLength ?? policy.codeLength,
    status: "pending",
    attempts_used: 0,
    max_attempts: Math.min(policy.maxAttempts, options.guessesLeft),
    sends_used: 1,
    last_sent_at: now,
    expires_at: now + policy.ttlMs,
    created_at: now,
    updated_at: now,
    verified_at: null,
    verified_strategy: null,
    service_id: subject.serviceId ?? "",
    sealed_code: null,
  };
}

/** The pending verification after one more send of its code. */
export function resentRow(pending: VerificationRow, now: number): VerificationRow {
  return { ...pending, sends_used: pending.sends_used + 1, last_sent_at: now, updated_at: now };
}
