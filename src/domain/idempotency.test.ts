import { describe, expect, it } from "vitest";
import { HandsetError } from "./errors.js";
import {
  canonicalJson,
  carriesSecret,
  checkIdempotencyKey,
  decideOnStoredKey,
  IDEMPOTENCY_RETRY_MS,
  keepsAnswer,
  type StoredKey,
} from "./idempotency.js";

describe("idempotency keys", () => {
  it("takes 1 to 255 printable ASCII characters and refuses anything else", () => {
    expect(checkIdempotencyKey("a")).toBe("a");
    expect(checkIdempotencyKey("~".repeat(255))).toHaveLength(255);
    for (const bad of ["", " ", "x".repeat(256), "é", "a\nb", "\u0000"]) {
      expect(() => checkIdempotencyKey(bad), JSON.stringify(bad)).toThrow(HandsetError);
    }
    expect(() => checkIdempotencyKey(["a", "b"])).toThrow(/one Idempotency-Key/);
  });

  it("reads JSON canonically: key order and whitespace do not matter, values and array order do", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
    expect(canonicalJson({ a: "1" })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson(undefined)).toBe("");
  });

  it("finds secrets and one-time codes in an answer, not error codes", () => {
    expect(carriesSecret({ id: "cred_1", secret: "hs_abc" })).toBe(true);
    expect(carriesSecret({ data: [{ webhook: { signing_secret: "x" } }] })).toBe(true);
    expect(carriesSecret({ verification: { id: "vf_1", code: "123456" } })).toBe(true);
    expect(carriesSecret({ otp_code: "0042" })).toBe(true);
    expect(carriesSecret({ error: { code: "CODE_INVALID", message: "Wrong code" } })).toBe(false);
    expect(carriesSecret({ id: "pn_1", verification_strategy: "sms_code" })).toBe(false);
    expect(carriesSecret(null)).toBe(false);
  });

  it("decides what a stored key means for a new request", () => {
    const now = 1_000_000;
    const base: StoredKey = { fingerprint: "f", state: "done", leaseUntil: now - 1, expiresAt: now + 10 };
    expect(decideOnStoredKey(base, "f", now)).toEqual({ kind: "replay" });
    expect(decideOnStoredKey(base, "g", now)).toEqual({ kind: "reused" });
    expect(decideOnStoredKey({ ...base, expiresAt: now }, "g", now)).toEqual({ kind: "take_over" });
    expect(decideOnStoredKey({ ...base, state: "withheld" }, "f", now)).toEqual({ kind: "withheld" });
    const running = { ...base, state: "running" as const, leaseUntil: now + 60_000 };
    expect(decideOnStoredKey(running, "f", now)).toEqual({
      kind: "in_progress",
      retryAt: now + IDEMPOTENCY_RETRY_MS,
    });
    expect(decideOnStoredKey(running, "g", now)).toEqual({ kind: "reused" });
    expect(decideOnStoredKey({ ...running, leaseUntil: now }, "f", now)).toEqual({ kind: "take_over" });
  });

  it("keeps 2xx and 4xx answers but 429, and no 5xx", () => {
    expect([200, 201, 204, 400, 404, 409, 422].every(keepsAnswer)).toBe(true);
    expect([429, 500, 503].some(keepsAnswer)).toBe(false);
  });
});
