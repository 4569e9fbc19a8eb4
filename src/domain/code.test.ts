import { describe, expect, it } from "vitest";
import {
  type CodeKey,
  codesMatch,
  createKeyring,
  deriveCode,
  expectedCode,
  openCode,
  sealCode,
  TEST_NUMBER_KEY_ID,
} from "./code.js";

const keyA: CodeKey = { id: "a", secret: Buffer.alloc(32, 1) };
const keyB: CodeKey = { id: "b", secret: Buffer.alloc(32, 2) };

describe("deriveCode", () => {
  it("is deterministic per key and verification id", () => {
    const first = deriveCode(keyA, "vf_01", 6);
    expect(deriveCode(keyA, "vf_01", 6)).toBe(first);
    // A key object with the same secret derives the same code: nothing else goes into it.
    expect(deriveCode({ id: "other-id", secret: Buffer.alloc(32, 1) }, "vf_01", 6)).toBe(first);
  });

  it("is HMAC-SHA256 over the domain tag and id, first 64 bits mod 10^digits (known vectors)", () => {
    // Computed outside this code base (Python's hmac); a change to the construction would change
    // every code in flight, so it must be deliberate.
    expect(deriveCode(keyA, "vf_01", 6)).toBe("796220");
    expect(deriveCode(keyA, "vf_01", 10)).toBe("9308796220");
    expect(deriveCode(keyB, "vf_01", 8)).toBe("85386012");
  });

  it("differs across verification ids and across keys", () => {
    const ids = Array.from({ length: 50 }, (_, i) => `vf_${i}`);
    const underA = ids.map((id) => deriveCode(keyA, id, 10));
    const underB = ids.map((id) => deriveCode(keyB, id, 10));
    // 10-digit codes: a collision among 50 has a chance near 10^-7.
    expect(new Set(underA).size).toBe(ids.length);
    for (let i = 0; i < ids.length; i += 1) expect(underA[i]).not.toBe(underB[i]);
  });

  it.each([6, 7, 8, 9, 10])("has exactly %i digits, leading zeros kept", (digits) => {
    let sawLeadingZero = false;
    for (let i = 0; i < 2_000; i += 1) {
      const code = deriveCode(keyA, `vf_${i}`, digits);
      expect(code).toMatch(new RegExp(`^\\d{${digits}}$`));
      if (code.startsWith("0")) sawLeadingZero = true;
    }
    // About a tenth of codes start with 0; among 2000 none doing so is a chance of 10^-91.
    expect(sawLeadingZero).toBe(true);
  });

  it("shorter codes are the tail of the longer one (one value, cut to length)", () => {
    const ten = deriveCode(keyA, "vf_x", 10);
    const six = deriveCode(keyA, "vf_x", 6);
    // The value mod 10^6 is the last six digits of the value mod 10^10.
    expect(ten.endsWith(six)).toBe(true);
  });

  it("spreads codes evenly over digits and values", () => {
    const n = 10_000;
    const firstDigit = new Array<number>(10).fill(0);
    const lastDigit = new Array<number>(10).fill(0);
    const distinct = new Set<string>();
    for (let i = 0; i < n; i += 1) {
      const code = deriveCode(keyA, `vf_${i.toString(36)}`, 6);
      distinct.add(code);
      firstDigit[Number(code[0])] = (firstDigit[Number(code[0])] ?? 0) + 1;
      lastDigit[Number(code[5])] = (lastDigit[Number(code[5])] ?? 0) + 1;
    }
    // 10k draws from 10^6 values: about 50 collisions expected, so well over 9,800 distinct.
    expect(distinct.size).toBeGreaterThan(9_800);
    // Each digit expects 1,000 with a standard deviation of 30: 700..1300 is ten deviations wide,
    // loose enough never to flake, tight enough to catch a digit that never or always appears.
    for (const counts of [firstDigit, lastDigit]) {
      for (const count of counts) {
        expect(count).toBeGreaterThan(700);
        expect(count).toBeLessThan(1_300);
      }
    }
  });
});

describe("codesMatch", () => {
  it("is true for the same code", () => {
    expect(codesMatch("012345", "012345")).toBe(true);
  });

  it.each([
    ["one digit off", "012345", "012346"],
    ["leading zero dropped", "012345", "12345"],
    ["longer", "012345", "0123456"],
    ["prefix", "012345", "0123"],
    ["empty", "012345", ""],
    ["same digits, other order", "012345", "543210"],
    ["padded with a space", "012345", "012345 "],
    ["a number that equals it numerically", "012345", "12345.0"],
  ])("is false for %s", (_name, expected, submitted) => {
    expect(codesMatch(expected, submitted)).toBe(false);
  });

  it("compares bytes, so look-alike digits do not match", () => {
    // Arabic-Indic digits read as the same number to a person but are other bytes.
    expect(codesMatch("012345", "٠١٢٣٤٥")).toBe(false);
  });
});

describe("createKeyring", () => {
  it("finds the active key and retired keys by id", () => {
    const retired: CodeKey = { id: "old", secret: Buffer.alloc(32, 9) };
    const ring = createKeyring(keyA, [retired, keyB]);
    expect(ring.active).toBe(keyA);
    expect(ring.byId.get("a")).toBe(keyA);
    expect(ring.byId.get("old")).toBe(retired);
    expect(ring.byId.get("b")).toBe(keyB);
    expect(ring.byId.get("missing")).toBeUndefined();
    expect(ring.byId.size).toBe(3);
  });

  it("derives a code sent under a retired key after rotation", () => {
    const sentUnder = createKeyring(keyA);
    const code = deriveCode(sentUnder.active, "vf_rot", 6);
    const rotated = createKeyring(keyB, [keyA]);
    expect(rotated.active.id).toBe("b");
    const retired = rotated.byId.get("a");
    expect(retired).toBeDefined();
    if (retired) expect(deriveCode(retired, "vf_rot", 6)).toBe(code);
  });

  it("lets the active key win when a retired key has the same id", () => {
    const stale: CodeKey = { id: "a", secret: Buffer.alloc(32, 5) };
    const ring = createKeyring(keyA, [stale]);
    expect(ring.byId.get("a")).toBe(keyA);
  });
});

describe("expectedCode", () => {
  const ring = createKeyring(keyB, [keyA]);
  const testNumbers = new Map([["+15555550100", "424242"]]);
  const verification = { id: "vf_01", e164: "+33612345678", key_id: "a", code_length: 6 };

  it("derives with the verification's own key and length, not the active key or the current setting", () => {
    expect(expectedCode(verification, { keyring: ring, testNumbers })).toBe(deriveCode(keyA, "vf_01", 6));
    expect(expectedCode({ ...verification, key_id: "b", code_length: 8 }, { keyring: ring })).toBe(
      deriveCode(keyB, "vf_01", 8),
    );
  });

  it("answers a configured test number's fixed code", () => {
    const test = { ...verification, e164: "+15555550100", key_id: TEST_NUMBER_KEY_ID };
    expect(expectedCode(test, { keyring: ring, testNumbers })).toBe("424242");
    expect(expectedCode(test, { keyring: ring })).toBeUndefined();
  });

  it("knows no code when the key is no longer configured", () => {
    expect(expectedCode({ ...verification, key_id: "gone" }, { keyring: ring, testNumbers })).toBeUndefined();
  });
});

describe("sealCode and openCode (a code the application chose)", () => {
  const key = { id: "k1", secret: Buffer.alloc(32, 1) };
  const other = { id: "k2", secret: Buffer.alloc(32, 2) };

  it("opens what it sealed, for that verification and key only", () => {
    const sealed = sealCode(key, "vf_a", "12345678");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain("12345678");
    expect(openCode(key, "vf_a", sealed)).toBe("12345678");
    // Bound to the verification: a sealed code copied to another row does not open.
    expect(openCode(key, "vf_b", sealed)).toBeUndefined();
    expect(openCode(other, "vf_a", sealed)).toBeUndefined();
  });

  it("seals the same code differently each time, and refuses a tampered or foreign value", () => {
    const a = sealCode(key, "vf_a", "12345678");
    const b = sealCode(key, "vf_a", "12345678");
    expect(a).not.toBe(b);
    const bytes = Buffer.from(a.slice(3), "base64url");
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(openCode(key, "vf_a", `v1.${bytes.toString("base64url")}`)).toBeUndefined();
    expect(openCode(key, "vf_a", "v1.short")).toBeUndefined();
    expect(openCode(key, "vf_a", "12345678")).toBeUndefined();
  });

  it("is what expectedCode answers for a row that carries one, under the row's key", () => {
    const keyring = createKeyring(other, [key]);
    const row = { id: "vf_a", e164: "+33612345678", key_id: "k1", code_length: 8 };
    const sealed = sealCode(key, "vf_a", "87654321");
    expect(expectedCode({ ...row, sealed_code: sealed }, { keyring })).toBe("87654321");
    expect(expectedCode({ ...row, sealed_code: null }, { keyring })).toBe(deriveCode(key, "vf_a", 8));
    // Its key retired from the ring: no code, as for a derived one.
    expect(expectedCode({ ...row, sealed_code: sealed }, { keyring: createKeyring(other) })).toBeUndefined();
  });
});
