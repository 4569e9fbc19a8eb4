import { type CodeKey, type CodeSecrets, codesMatch, expectedCode, sealCode } from "../domain/code.js";
import { invalidField } from "../domain/verify-service.js";
import type { VerificationRow } from "../store/schema.js";

/**
 * Codes the application chose (Twilio's CustomCode, for a verify service that allows it): kept sealed
 * with the verification (src/domain/code.ts), never in clear.
 */

const refused = (message: string) => invalidField("custom_code", message);

/** A new verification carrying the chosen code, sealed under the key it is issued with. */
export function withCustomCode(row: VerificationRow, key: CodeKey, code: string): VerificationRow {
  return { ...row, key_id: key.id, code_length: code.length, sealed_code: sealCode(key, row.id, code) };
}

/**
 * A resend sends the open verification's code again: a chosen code that is not that one is refused,
 * rather than sent as if it were or swapped under a verification already counting guesses.
 */
export function assertResendCode(pending: VerificationRow, code: string | null, secrets: CodeSecrets): void {
  if (code === null) return;
  const current = expectedCode(pending, secrets);
  if (current === undefined || !codesMatch(current, code)) {
    throw refused("a verification of this number is open with another code: cancel it first, or resend it");
  }
}

/** A test number's code is the configured one: a chosen code would never be the one it takes. */
export function assertNotTestNumber(testNumber: boolean, code: string | null): void {
  if (testNumber && code !== null) throw refused("a test number's code is its configured one");
}
