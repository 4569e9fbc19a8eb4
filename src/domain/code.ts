import { createHmac, timingSafeEqual } from "node:crypto";

/** One server secret that codes are derived from; the id lets the secret be rotated. */
export interface CodeKey {
  id: string;
  secret: Buffer;
}

/** The active key signs new verifications; older keys stay to derive codes already sent. */
export interface CodeKeyring {
  active: CodeKey;
  byId: ReadonlyMap<string, CodeKey>;
}

export function createKeyring(active: CodeKey, retired: readonly CodeKey[] = []): CodeKeyring {
  const byId = new Map<string, CodeKey>();
  for (const key of [...retired, active]) byId.set(key.id, key);
  return { active, byId };
}

const DOMAIN_TAG = "handset/sms-code/v1";

/**
 * A verification's code is HMAC(secret, verification id), read as a number and cut to `digits`.
 * Nothing about the code is stored: a resend derives the same code again, and a database dump
 * without the secret tells nothing about it. Reducing a 64-bit value modulo 10^digits has a bias
 * below 10^-9 for up to 10 digits.
 */
export function deriveCode(key: CodeKey, verificationId: string, digits: number): string {
  const mac = createHmac("sha256", key.secret).update(`${DOMAIN_TAG}\0${verificationId}`).digest();
  const value = mac.readBigUInt64BE(0) % 10n ** BigInt(digits);
  return value.toString().padStart(digits, "0");
}

/** The key id of a configured test number's verifications: their code is the configured one, not derived. */
export const TEST_NUMBER_KEY_ID = "test-number";

/** What a stored verification says about its code (the row's own fields). */
export interface CodeRecipe {
  id: string;
  e164: string;
  key_id: string;
  /** The length the code had when it was issued: a later settings change does not alter it. */
  code_length: number;
}

export interface CodeSecrets {
  keyring: CodeKeyring;
  /** Test numbers and their fixed codes; absent where test numbers never reach (the SMS dispatcher). */
  testNumbers?: ReadonlyMap<string, string>;
}

/**
 * The code a verification expects, derived the same way wherever it is needed (checking a guess,
 * rendering the SMS, the development disclosure): undefined when its key is no longer configured.
 */
export function expectedCode(verification: CodeRecipe, secrets: CodeSecrets): string | undefined {
  if (verification.key_id === TEST_NUMBER_KEY_ID) return secrets.testNumbers?.get(verification.e164);
  const key = secrets.keyring.byId.get(verification.key_id);
  return key ? deriveCode(key, verification.id, verification.code_length) : undefined;
}

/** Compares a submitted code with the expected one in time that does not depend on where they differ. */
export function codesMatch(expected: string, submitted: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(submitted, "utf8");
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}
