import { createClerkClient } from "@clerk/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveCode } from "../../src/domain/code.js";
import { mobileNumber, TEST_KEYRING } from "../support/harness.js";
import { expectClerkSchema } from "./schema.js";
import { type ClerkTestServer, expectClerkError, startClerkServer } from "./support.js";

/**
 * Clerk's prepare_verification / attempt_verification (API version 2026-05-12). @clerk/backend 3.25.0
 * has no method for them, so these go over raw HTTP to the same real port, as a Clerk backend would.
 */
let s: ClerkTestServer;
beforeAll(async () => {
  s = await startClerkServer();
});
afterAll(async () => {
  await s.t.close();
});

async function post(path: string, body?: unknown, secretKey = s.secretKey) {
  const response = await fetch(`${s.apiUrl}/v1${path}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${secretKey}`,
      "clerk-api-version": "2026-05-12",
      "content-type": "application/json",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** A user with one unverified number (reserved), ready for a code. */
async function unverifiedNumber(): Promise<{ userId: string; phoneId: string }> {
  const user = await s.clerk.users.createUser({
    phoneNumber: [mobileNumber()],
    phoneNumberIdentificationStatus: ["reserved"],
  });
  return { userId: user.id, phoneId: user.phoneNumbers[0]?.id ?? "" };
}

const codeOf = (verificationId: string) => deriveCode(TEST_KEYRING.active, verificationId, 6);

describe("prepare_verification and attempt_verification", () => {
  it("send a code, report a wrong one through the status, verify the right one", async () => {
    const { phoneId } = await unverifiedNumber();
    const prepared = await post(`/phone_numbers/${phoneId}/prepare_verification`);
    expect(prepared.status).toBe(200);
    expectClerkSchema("VerificationResponse", prepared.body);
    expect(prepared.body).toMatchObject({
      object: "verification_otp",
      status: "unverified",
      strategy: "phone_code",
      attempts: 0,
      channel: "sms",
    });
    const verificationId = String(prepared.body.id);
    const code = codeOf(verificationId);
    const wrong = code === "000000" ? "111111" : "000000";

    const missed = await post(`/phone_numbers/${phoneId}/attempt_verification`, {
      verification_id: verificationId,
      code: wrong,
    });
    expect(missed.status).toBe(200);
    expectClerkSchema("VerificationResponse", missed.body);
    expect(missed.body).toMatchObject({ id: verificationId, status: "unverified", attempts: 1 });

    const verified = await post(`/phone_numbers/${phoneId}/attempt_verification`, {
      verification_id: verificationId,
      code,
    });
    expect(verified.status).toBe(200);
    expectClerkSchema("VerificationResponse", verified.body);
    expect(verified.body).toMatchObject({ id: verificationId, status: "verified" });
    const phone = await s.clerk.phoneNumbers.getPhoneNumber(phoneId);
    expect(phone.verification?.status).toBe("verified");
    const rawPhone = await fetch(`${s.apiUrl}/v1/phone_numbers/${phoneId}`, {
      headers: { authorization: `Bearer ${s.secretKey}` },
    });
    const phoneBody = await rawPhone.json();
    expectClerkSchema("PhoneNumber", phoneBody);
    expect(phoneBody).toMatchObject({
      reserved: true,
      verification: { object: "verification_otp", status: "verified", strategy: "phone_code", attempts: 2 },
    });

    // Resubmitting an accepted code is Clerk's verification_already_verified.
    const again = await post(`/phone_numbers/${phoneId}/attempt_verification`, {
      verification_id: verificationId,
      code,
    });
    expect(again.status).toBe(400);
    expectClerkSchema("ClerkErrors", again.body);
    expect(again.body.errors).toMatchObject([{ code: "verification_already_verified" }]);
  });

  it("the last wrong attempt reports failed; an expired code reports expired", async () => {
    const { phoneId } = await unverifiedNumber();
    const prepared = await post(`/phone_numbers/${phoneId}/prepare_verification`);
    const verificationId = String(prepared.body.id);
    const wrong = codeOf(verificationId) === "000000" ? "111111" : "000000";
    let last: Record<string, unknown> = {};
    for (let i = 0; i < 5; i += 1) {
      last = (
        await post(`/phone_numbers/${phoneId}/attempt_verification`, {
          verification_id: verificationId,
          code: wrong,
        })
      ).body;
    }
    expect(last).toMatchObject({ status: "failed", attempts: 5 });
    // After it failed, the right code no longer verifies and counts nothing.
    const late = await post(`/phone_numbers/${phoneId}/attempt_verification`, {
      verification_id: verificationId,
      code: codeOf(verificationId),
    });
    expect(late.body).toMatchObject({ status: "failed", attempts: 5 });

    const other = await unverifiedNumber();
    const second = await post(`/phone_numbers/${other.phoneId}/prepare_verification`);
    s.t.clock.advance(11 * 60 * 1000);
    const expired = await post(`/phone_numbers/${other.phoneId}/attempt_verification`, {
      verification_id: String(second.body.id),
      code: codeOf(String(second.body.id)),
    });
    expect(expired.status).toBe(200);
    expectClerkSchema("VerificationResponse", expired.body);
    expect(expired.body).toMatchObject({ status: "expired" });
  });

  it("wrong ids, bad bodies and another tenant's number are Clerk's errors", async () => {
    const { phoneId } = await unverifiedNumber();
    const prepared = await post(`/phone_numbers/${phoneId}/prepare_verification`);
    const verificationId = String(prepared.body.id);

    const unknownNumber = await post("/phone_numbers/pn_nothing/prepare_verification");
    expect(unknownNumber.status).toBe(404);
    expect(unknownNumber.body.errors).toMatchObject([{ code: "resource_not_found" }]);

    const unknownVerification = await post(`/phone_numbers/${phoneId}/attempt_verification`, {
      verification_id: "vf_nothing",
      code: "123456",
    });
    expect(unknownVerification.status).toBe(404);
    expectClerkSchema("ClerkErrors", unknownVerification.body);
    expect(unknownVerification.body.errors).toMatchObject([{ code: "resource_not_found" }]);

    const missing = await post(`/phone_numbers/${phoneId}/attempt_verification`, { code: "123456" });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toMatchObject([
      { code: "form_param_missing", meta: { param_name: "verification_id" } },
    ]);

    const unknownField = await post(`/phone_numbers/${phoneId}/attempt_verification`, {
      verification_id: verificationId,
      code: "1",
      channel: "sms",
    });
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.errors).toMatchObject([
      { code: "form_param_unknown", meta: { param_name: "channel" } },
    ]);

    const otherKey = `sk_test_${await s.t.adminKeyFor("other-tenant-verify")}`;
    const foreign = await post(
      `/phone_numbers/${phoneId}/attempt_verification`,
      { verification_id: verificationId, code: codeOf(verificationId) },
      otherKey,
    );
    expect(foreign.status).toBe(404);
    // Nothing was counted or verified by those.
    const after = await post(`/phone_numbers/${phoneId}/attempt_verification`, {
      verification_id: verificationId,
      code: codeOf(verificationId),
    });
    expect(after.body).toMatchObject({ status: "verified", attempts: 1 });

    const alreadyVerified = await post(`/phone_numbers/${phoneId}/prepare_verification`);
    expect(alreadyVerified.status).toBe(400);
    expect(alreadyVerified.body.errors).toMatchObject([{ code: "verification_already_verified" }]);
  });
});

describe("a 429 from this surface", () => {
  it("a resend inside the cooldown is Clerk's envelope with Retry-After, and @clerk/backend does not retry it", async () => {
    const { phoneId } = await unverifiedNumber();
    expect((await post(`/phone_numbers/${phoneId}/prepare_verification`)).status).toBe(200);
    const limited = await post(`/phone_numbers/${phoneId}/prepare_verification`);
    expect(limited.status).toBe(429);
    expectClerkSchema("ClerkErrors", limited.body);
    expect(limited.body.errors).toMatchObject([{ code: "too_many_requests", message: "Too many requests" }]);
    expect(limited.body.clerk_trace_id).toMatch(/^req_/);
    // Handset's default cooldown: 30 s for the first resend.
    expect(limited.headers.get("retry-after")).toBe("30");

    // The SDK has no method for this route, but its request machinery is the one every method uses:
    // a 429 comes back once (no retry) as ClerkAPIResponseError with `retryAfter` read from the header.
    let requests = 0;
    const counting = createClerkClient({
      secretKey: s.secretKey,
      apiUrl: s.apiUrl,
      telemetry: { disabled: true },
    });
    const original = globalThis.fetch;
    globalThis.fetch = (async (...args: Parameters<typeof fetch>) => {
      requests += 1;
      const [input, init] = args;
      const url = new URL(String(input instanceof Request ? input.url : input));
      url.pathname = url.pathname.replace(
        /\/users\/[^/]+$/,
        `/phone_numbers/${phoneId}/prepare_verification`,
      );
      return original(url, { ...init, method: "POST" });
    }) as typeof fetch;
    try {
      const error = await expectClerkError(counting.users.getUser("user_any"), {
        status: 429,
        code: "too_many_requests",
      });
      expect(error.retryAfter).toBe(30);
    } finally {
      globalThis.fetch = original;
    }
    expect(requests).toBe(1);
  });
});
