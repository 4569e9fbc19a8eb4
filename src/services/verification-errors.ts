import { HandsetError } from "../domain/errors.js";
import type { Executor } from "../store/executor.js";
import type { PhoneNumberRow } from "../store/schema.js";
import { findLatestVerification } from "../store/verifications.js";

/**
 * Says why there is no open verification to check a code against, so the caller learns whether to
 * ask for a new code (expired, failed) or stop (already verified). Twilio answers all of these with
 * one 404, the peers' most common complaint.
 */
export async function explainNoOpenVerification(
  db: Executor,
  phone: PhoneNumberRow,
  now: number,
): Promise<HandsetError> {
  const latest = await findLatestVerification(db, phone.tenant_id, phone.id);
  const status = latest?.status;
  if (latest && (status === "expired" || (status === "pending" && latest.expires_at <= now))) {
    return new HandsetError("CODE_EXPIRED", "The code has expired: ask for a new one.", {
      expiresAt: latest.expires_at,
    });
  }
  if (status === "failed") {
    return new HandsetError("CODE_ATTEMPTS_EXHAUSTED", "Too many wrong codes: ask for a new one.", {
      attemptsLeft: 0,
    });
  }
  if (status === "verified" || phone.verified_at !== null) {
    return new HandsetError("CODE_ALREADY_USED", "This code has already been used: the number is verified.");
  }
  return new HandsetError("VERIFICATION_NOT_FOUND", "No code was sent to this number: ask for one first.");
}

/**
 * The answer to a counted wrong guess: tries left, or the end of the verification. `verificationId`
 * names the verification it counted against, for a check that did not name one (a bare number's by `to`).
 */
export function wrongCodeError(
  attemptsUsed: number,
  maxAttempts: number,
  expiresAt: number,
  verificationId?: string,
): HandsetError {
  const attemptsLeft = maxAttempts - attemptsUsed;
  const which = verificationId === undefined ? {} : { verificationId };
  if (attemptsLeft <= 0) {
    return new HandsetError(
      "CODE_ATTEMPTS_EXHAUSTED",
      "Wrong code, and no tries are left: ask for a new code.",
      { attemptsLeft: 0, ...which },
    );
  }
  return new HandsetError(
    "CODE_INVALID",
    `Wrong code: ${attemptsLeft} ${attemptsLeft === 1 ? "try" : "tries"} left.`,
    { attemptsLeft, expiresAt, ...which },
  );
}
