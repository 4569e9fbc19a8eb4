import { HandsetError } from "./errors.js";

/**
 * The rules of the native API's `Idempotency-Key` (docs/idempotency.md), without I/O: what a key may
 * be, what identifies a request, and what a stored key means for a new request with it.
 */

/** A key answers its stored answer for this long after its first request. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60_000;
/**
 * A running request holds its key this long. A request that crashed (a killed process) leaves its
 * claim behind; after the lease another request with the key may run. Far longer than any request
 * takes (the database's statement timeout is shorter), so a live request never loses its key.
 */
export const IDEMPOTENCY_LEASE_MS = 2 * 60_000;
/** What a request that meets a running one is told to wait before retrying. */
export const IDEMPOTENCY_RETRY_MS = 1_000;

const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

/** The header's value, checked: 1 to 255 printable ASCII characters; INVALID_REQUEST otherwise. */
export function checkIdempotencyKey(value: string | string[]): string {
  if (Array.isArray(value)) {
    throw new HandsetError("INVALID_REQUEST", "Send one Idempotency-Key header, not several.", {
      field: "Idempotency-Key",
    });
  }
  if (!KEY_PATTERN.test(value) || value.trim().length === 0) {
    throw new HandsetError(
      "INVALID_REQUEST",
      "An Idempotency-Key is 1 to 255 printable ASCII characters (a UUID is a good one).",
      { field: "Idempotency-Key" },
    );
  }
  return value;
}

/**
 * JSON with object keys sorted at every depth, so that two bodies that mean the same (keys in another
 * order, other whitespace) read the same.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "";
  return JSON.stringify(value, (_key, node: unknown) => {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return node;
    const record = node as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, record[key]]),
    );
  });
}

const SECRET_NAME = /secret/i;
const CODE_NAME = /^(code|otp|.*_code)$/i;
const DIGITS = /^\d{4,12}$/;

/**
 * Whether a JSON answer carries a secret or a one-time code: a field named like a secret (`secret`,
 * `signing_secret`, ...), or a field named like a code (`code`, `otp`, `*_code`) whose value is digits,
 * at any depth. Such answers are shown once and never kept (a code is never stored, DESIGN.md's first
 * invariant); checked on the answer itself, so that a route added later is covered without its knowing.
 * An error's `code` (`CODE_INVALID`) is no digits and does not count.
 */
export function carriesSecret(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(carriesSecret);
  if (value === null || typeof value !== "object") return false;
  return Object.entries(value).some(
    ([key, inner]) =>
      SECRET_NAME.test(key) ||
      (CODE_NAME.test(key) && typeof inner === "string" && DIGITS.test(inner)) ||
      carriesSecret(inner),
  );
}

/** A key as stored: running (claimed by a request), or done with its answer (or the fact it was withheld). */
export interface StoredKey {
  fingerprint: string;
  state: "running" | "done" | "withheld";
  leaseUntil: number;
  expiresAt: number;
}

/** What a request with a key already stored does. */
export type KeyDecision =
  /** Expired, or its request crashed: this request takes the key over and runs. */
  | { kind: "take_over" }
  /** Answer what was stored. */
  | { kind: "replay" }
  | { kind: "withheld" }
  | { kind: "reused" }
  | { kind: "in_progress"; retryAt: number };

export function decideOnStoredKey(stored: StoredKey, fingerprint: string, now: number): KeyDecision {
  if (stored.expiresAt <= now) return { kind: "take_over" };
  if (stored.fingerprint !== fingerprint) return { kind: "reused" };
  if (stored.state === "done") return { kind: "replay" };
  if (stored.state === "withheld") return { kind: "withheld" };
  if (stored.leaseUntil <= now) return { kind: "take_over" };
  return { kind: "in_progress", retryAt: Math.min(stored.leaseUntil, now + IDEMPOTENCY_RETRY_MS) };
}

/**
 * Whether an answer of this status is kept for replay. Client errors are (the same request would be
 * refused again); 429 is not (the limit passes, and a retry may succeed), nor any 5xx (the client should
 * retry), whose claim is released instead.
 */
export function keepsAnswer(status: number): boolean {
  return status < 500 && status !== 429;
}
