import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

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
  /**
   * A code the application chose (Twilio's CustomCode), sealed under the verification's key (see
   * `sealCode`); null or absent for a derived code.
   */
  sealed_code?: string | null;
}

const SEAL_TAG = "handset/custom-code/v1";
const SEAL_PREFIX = "v1.";

/** The AES-256-GCM key custom codes are sealed with: derived from the code key, never the key itself. */
function sealingKey(key: CodeKey): Buffer {
  return createHmac("sha256", key.secret).update(SEAL_TAG).digest();
}

/**
 * Seals a code the application chose, so that it can be stored with its verification and still no
 * code rests in clear (DESIGN.md, invariant 1): AES-256-GCM under a key derived from the code key,
 * bound to the verification's id. A database dump without the secret tells nothing of it; rotating
 * the code key retires it as it retires derived codes.
 */
export function sealCode(key: CodeKey, verificationId: string, code: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(key), iv);
  cipher.setAAD(Buffer.from(verificationId, "utf8"));
  const sealed = Buffer.concat([cipher.update(code, "utf8"), cipher.final()]);
  return SEAL_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
}

/** The code `sealCode` sealed for this verification; undefined when it does not open (another key, tampered). */
export function openCode(key: CodeKey, verificationId: string, sealed: string): string | undefined {
  if (!sealed.startsWith(SEAL_PREFIX)) return undefined;
  const bytes = Buffer.from(sealed.slice(SEAL_PREFIX.length), "base64url");
  if (bytes.length < 29) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(key), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(verificationId, "utf8"));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
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
  if (!key) return undefined;
  const sealed = verification.sealed_code;
  if (sealed !== undefined && sealed !== null) return openCode(key, verification.id, sealed);
  return deriveCode(key, verification.id, verification.code_length);
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
