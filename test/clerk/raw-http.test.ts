import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../../src/services/caller.js";
import { createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { expectClerkSchema } from "./schema.js";

/** What `@clerk/backend` always sends; tests take away or change one thing at a time. */
let t: TestApp;
let auth: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  auth = {
    authorization: `Bearer sk_test_${t.adminKey}`,
    "clerk-api-version": "2026-05-12",
    "content-type": "application/json",
  };
});
afterAll(async () => {
  await t.close();
});

async function newUserWithNumber(): Promise<{ userId: string; phoneId: string }> {
  const created = await t.app.inject({
    method: "POST",
    url: "/clerk/v1/users",
    headers: auth,
    payload: { phone_number: [mobileNumber()] },
  });
  expect(created.statusCode).toBe(200);
  const user = created.json() as { id: string; phone_numbers: { id: string }[] };
  return { userId: user.id, phoneId: user.phone_numbers[0]?.id ?? "" };
}

interface ClerkErrorBody {
  errors: { message: string; long_message: string; code: string; meta?: { param_name?: string } }[];
  clerk_trace_id: string;
}

function expectClerkEnvelope(
  response: LightMyRequestResponse,
  status: number,
  codes: string[],
): ClerkErrorBody {
  expect(response.statusCode).toBe(status);
  expect(response.headers["content-type"]).toBe("application/json");
  const body = response.json() as ClerkErrorBody;
  expect(Object.keys(body).sort()).toEqual(["clerk_trace_id", "errors"]);
  expect(body.errors.map((e) => e.code)).toEqual(codes);
  for (const entry of body.errors) {
    expect(typeof entry.message).toBe("string");
    expect(typeof entry.long_message).toBe("string");
  }
  expect(body.clerk_trace_id).toBe(response.headers["x-request-id"]);
  expect(response.headers["clerk-trace-id"]).toBe(body.clerk_trace_id);
  return body;
}

describe("wire format", () => {
  it("a PhoneNumber has exactly Clerk's fields, times in ms, and Content-Type exactly application/json", async () => {
    const { userId } = await newUserWithNumber();
    const response = await t.app.inject({
      method: "POST",
      url: "/clerk/v1/phone_numbers",
      headers: auth,
      payload: { user_id: userId, phone_number: mobileNumber(), verified: true },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json");
    const body = response.json() as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      "id",
      "object",
      "phone_number",
      "reserved_for_second_factor",
      "default_second_factor",
      "reserved",
      "verification",
      "linked_to",
      "backup_codes",
      "created_at",
      "updated_at",
    ]);
    expect(body).toMatchObject({
      object: "phone_number",
      reserved_for_second_factor: false,
      default_second_factor: false,
      reserved: false,
      verification: {
        object: "verification_admin",
        status: "verified",
        strategy: "admin",
        attempts: null,
        expire_at: null,
      },
      linked_to: [],
      backup_codes: null,
      created_at: t.clock.now(),
      updated_at: t.clock.now(),
    });
  });

  it("DELETE answers exactly { object, id, deleted }", async () => {
    const { userId } = await newUserWithNumber();
    // A second number to delete: Clerk keeps a user's last identification.
    const added = await t.app.inject({
      method: "POST",
      url: "/clerk/v1/phone_numbers",
      headers: auth,
      payload: { user_id: userId, phone_number: mobileNumber() },
    });
    const phoneId = (added.json() as { id: string }).id;
    const response = await t.app.inject({
      method: "DELETE",
      url: `/clerk/v1/phone_numbers/${phoneId}`,
      headers: auth,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json");
    expect(response.json()).toEqual({ object: "phone_number", id: phoneId, deleted: true });
    expectClerkSchema("DeletedObject", response.json());
  });

  it("a User carries object, phone_numbers, primary_phone_number_id and two_factor_enabled", async () => {
    const { userId, phoneId } = await newUserWithNumber();
    const response = await t.app.inject({ method: "GET", url: `/clerk/v1/users/${userId}`, headers: auth });
    expect(response.headers["content-type"]).toBe("application/json");
    expect(response.json()).toMatchObject({
      id: userId,
      object: "user",
      primary_phone_number_id: phoneId,
      two_factor_enabled: false,
      email_addresses: [],
      phone_numbers: [{ id: phoneId, object: "phone_number" }],
    });
    // Every field Clerk's schema requires, none it does not know: strict generated SDKs read it.
    expectClerkSchema("User", response.json());
    const phone = await t.app.inject({
      method: "GET",
      url: `/clerk/v1/phone_numbers/${phoneId}`,
      headers: auth,
    });
    expectClerkSchema("PhoneNumber", phone.json());
  });

  it("Clerk's error envelope is valid under its ClerkErrors schema", async () => {
    const response = await t.app.inject({ method: "GET", url: "/clerk/v1/users/user_nobody", headers: auth });
    expect(response.statusCode).toBe(404);
    expectClerkSchema("ClerkErrors", response.json());
  });
});

describe("bodies the SDK cannot send", () => {
  it("an empty PATCH body with Content-Type application/json is {}", async () => {
    const { phoneId } = await newUserWithNumber();
    for (const payload of ["", "{}", "  "]) {
      const response = await t.app.inject({
        method: "PATCH",
        url: `/clerk/v1/phone_numbers/${phoneId}`,
        headers: auth,
        payload,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().id).toBe(phoneId);
    }
  });

  it("a PATCH with no Content-Type and no body is {} too", async () => {
    const { phoneId } = await newUserWithNumber();
    const { "content-type": _dropped, ...noType } = auth;
    const response = await t.app.inject({
      method: "PATCH",
      url: `/clerk/v1/phone_numbers/${phoneId}`,
      headers: noType,
    });
    expect(response.statusCode).toBe(200);
  });

  it("null flags mean 'not given'", async () => {
    const { userId } = await newUserWithNumber();
    const response = await t.app.inject({
      method: "POST",
      url: "/clerk/v1/phone_numbers",
      headers: auth,
      payload: {
        user_id: userId,
        phone_number: mobileNumber(),
        verified: null,
        primary: null,
        reserved_for_second_factor: null,
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().verification).toBeNull();
  });

  it("malformed JSON is 400 request_body_invalid and changes nothing", async () => {
    const { userId, phoneId } = await newUserWithNumber();
    const before = await t.handset.users.get(systemCaller(t.config.defaultTenant), userId);
    const response = await t.app.inject({
      method: "PATCH",
      url: `/clerk/v1/phone_numbers/${phoneId}`,
      headers: auth,
      payload: '{"verified": fals',
    });
    expectClerkEnvelope(response, 400, ["request_body_invalid"]);
    expect(await t.handset.users.get(systemCaller(t.config.defaultTenant), userId)).toEqual(before);
  });

  it("a body that is not an object is 400 request_body_invalid", async () => {
    for (const payload of ["[]", '"x"', "42"]) {
      const response = await t.app.inject({
        method: "POST",
        url: "/clerk/v1/phone_numbers",
        headers: auth,
        payload,
      });
      expectClerkEnvelope(response, 400, ["request_body_invalid"]);
    }
  });

  it("every unknown field is its own form_param_unknown entry; missing ones form_param_missing", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/clerk/v1/phone_numbers",
      headers: auth,
      payload: { label: "work", region: "FR" },
    });
    const body = expectClerkEnvelope(response, 422, [
      "form_param_missing",
      "form_param_missing",
      "form_param_unknown",
      "form_param_unknown",
    ]);
    expect(body.errors.map((e) => e.meta?.param_name)).toEqual([
      "user_id",
      "phone_number",
      "label",
      "region",
    ]);
    expect(body.errors[2]).toEqual({
      message: "is unknown",
      long_message: "label is not a valid parameter for this request.",
      code: "form_param_unknown",
      meta: { param_name: "label" },
    });
  });

  it("an unknown field on PATCH changes nothing, even next to a valid one", async () => {
    const { userId, phoneId } = await newUserWithNumber();
    const second = await t.app.inject({
      method: "POST",
      url: "/clerk/v1/phone_numbers",
      headers: auth,
      payload: { user_id: userId, phone_number: mobileNumber() },
    });
    const response = await t.app.inject({
      method: "PATCH",
      url: `/clerk/v1/phone_numbers/${second.json().id}`,
      headers: auth,
      payload: { primary: true, nickname: "x" },
    });
    expectClerkEnvelope(response, 422, ["form_param_unknown"]);
    const user = await t.handset.users.get(systemCaller(t.config.defaultTenant), userId);
    expect(user.primaryPhoneNumberId).toBe(phoneId);
  });

  it("a wrong JSON type names the field and the expected type", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/clerk/v1/phone_numbers",
      headers: auth,
      payload: { user_id: "user_x", phone_number: 33612345678 },
    });
    const body = expectClerkEnvelope(response, 422, ["form_param_value_invalid"]);
    expect(body.errors[0]?.long_message).toBe(
      "phone_number is invalid. Received number, must be of type string.",
    );
  });

  it("a body that is not JSON is 400 request_body_invalid", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/clerk/v1/phone_numbers",
      headers: { ...auth, "content-type": "text/plain" },
      payload: "user_id=x",
    });
    expectClerkEnvelope(response, 400, ["request_body_invalid"]);
  });

  it("a body over the size limit is 413 in Clerk's envelope", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/clerk/v1/phone_numbers",
      headers: auth,
      payload: JSON.stringify({ user_id: "x".repeat(t.config.bodyLimitBytes), phone_number: "+1" }),
    });
    expectClerkEnvelope(response, 413, ["request_body_invalid"]);
  });
});

describe("headers the SDK always gets right", () => {
  it.each([
    ["no Authorization header", undefined],
    ["a Basic scheme", "Basic dXNlcjpwYXNz"],
    ["Bearer and nothing else", "Bearer "],
    ["two tokens", "Bearer sk_test_a sk_test_b"],
  ])("%s is 401 authorization_header_format_invalid", async (_label, header) => {
    const { authorization: _dropped, ...rest } = auth;
    const headers = header === undefined ? rest : { ...rest, authorization: header };
    const response = await t.app.inject({ method: "GET", url: "/clerk/v1/phone_numbers/pn_x", headers });
    const body = expectClerkEnvelope(response, 401, ["authorization_header_format_invalid"]);
    expect(body.errors[0]?.long_message).toBe(
      "Invalid Authorization header format. Must be 'Bearer <YOUR_API_KEY>'",
    );
  });

  it("the Bearer scheme is read in any case", async () => {
    const { phoneId } = await newUserWithNumber();
    const response = await t.app.inject({
      method: "GET",
      url: `/clerk/v1/phone_numbers/${phoneId}`,
      headers: { ...auth, authorization: `bearer sk_test_${t.adminKey}` },
    });
    expect(response.statusCode).toBe(200);
  });

  it("a bad key on a write is refused before the body is looked at", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/clerk/v1/phone_numbers",
      headers: { ...auth, authorization: "Bearer sk_test_hsk_wrong" },
      payload: { nonsense: true },
    });
    expectClerkEnvelope(response, 401, ["clerk_key_invalid"]);
  });

  it("Clerk-API-Version: any date is served, anything else is 400 api_version_invalid", async () => {
    const { phoneId } = await newUserWithNumber();
    const url = `/clerk/v1/phone_numbers/${phoneId}`;
    const served = await t.app.inject({
      method: "GET",
      url,
      headers: { ...auth, "clerk-api-version": "2021-02-05" },
    });
    expect(served.statusCode).toBe(200);
    const { "clerk-api-version": _dropped, ...noVersion } = auth;
    expect((await t.app.inject({ method: "GET", url, headers: noVersion })).statusCode).toBe(200);
    const bad = await t.app.inject({
      method: "GET",
      url,
      headers: { ...auth, "clerk-api-version": "latest" },
    });
    expectClerkEnvelope(bad, 400, ["api_version_invalid"]);
    const both = await t.app.inject({
      method: "GET",
      url: `${url}?__clerk_api_version=2026-05-12`,
      headers: auth,
    });
    expectClerkEnvelope(both, 400, ["api_version_invalid"]);
  });

  it("an unknown route under the mount is 404 resource_not_found in Clerk's envelope", async () => {
    for (const url of ["/clerk/v1/nothing_here", "/clerk/v1/phone_numbers/a/b", "/clerk/v2/phone_numbers"]) {
      const response = await t.app.inject({ method: "GET", url, headers: auth });
      expectClerkEnvelope(response, 404, ["resource_not_found"]);
    }
  });
});
