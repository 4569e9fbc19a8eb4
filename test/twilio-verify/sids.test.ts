import { describe, expect, it } from "vitest";
import { newId } from "../../src/domain/ids.js";
import {
  accountSidOf,
  fromVerificationSid,
  serviceSidOf,
  toVerificationSid,
} from "../../src/surfaces/twilio-verify/sids.js";

describe("Twilio SIDs for Handset's ids", () => {
  it("maps verification ids to VE SIDs and back, for any time and randomness", () => {
    for (const at of [0, 1, Date.UTC(2026, 0, 1), 2 ** 48 - 1]) {
      for (let i = 0; i < 50; i += 1) {
        const id = newId("vf", at);
        const sid = toVerificationSid(id);
        expect(sid).toMatch(/^VE[0-9a-f]{32}$/);
        expect(fromVerificationSid(sid ?? "")).toBe(id);
      }
    }
  });

  it("refuses strings that are no verification id or SID", () => {
    expect(toVerificationSid("usr_01hzzzzzzzzzzzzzzzzzzzzzzz")).toBeNull();
    expect(toVerificationSid("vf_short")).toBeNull();
    expect(fromVerificationSid(`VA${"0".repeat(32)}`)).toBeNull();
    expect(fromVerificationSid(`VE${"0".repeat(31)}`)).toBeNull();
    expect(fromVerificationSid(`VE${"g".repeat(32)}`)).toBeNull();
  });

  it("derives one account and one service per tenant, distinct between tenants", () => {
    expect(accountSidOf("default")).toMatch(/^AC[0-9a-f]{32}$/);
    expect(serviceSidOf("default")).toMatch(/^VA[0-9a-f]{32}$/);
    expect(accountSidOf("default")).toBe(accountSidOf("default"));
    expect(accountSidOf("default")).not.toBe(accountSidOf("tenant-b"));
    expect(serviceSidOf("default")).not.toBe(serviceSidOf("tenant-b"));
    expect(serviceSidOf("default").slice(2)).not.toBe(accountSidOf("default").slice(2));
  });
});
