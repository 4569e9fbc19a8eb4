import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";

// One app per describe block, not per test: each refusal compares the rows before and after itself,
// and the tests that add a number use numbers (and users) of their own.
describe("bad input gets a clear 4xx and changes nothing", () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = await t.tokenFor("careful");
    await nativeClient(t, token).addMine(mobileNumber());
  });
  afterAll(async () => t.close());

  const snapshot = async () => ({
    phones: await t.store.db.selectFrom("phone_numbers").selectAll().execute(),
    events: await t.store.db.selectFrom("events").select("id").execute(),
    outbox: await t.store.db.selectFrom("outbox").select("id").execute(),
  });

  const post = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: "POST",
      url: "/v1/me/phone-numbers",
      headers: { ...bearer(token), "content-type": "application/json", ...headers },
      payload,
    });

  it.each([
    ["malformed JSON", '{"phone_number": ', 400, "MALFORMED_JSON"],
    ["an empty body", "", 400, "MALFORMED_JSON"],
    ["a wrong type", '{"phone_number": 33612345678}', 400, "INVALID_REQUEST"],
    ["an unknown field", `{"phone_number": "${mobileNumber()}", "colour": "blue"}`, 400, "INVALID_REQUEST"],
    [
      "a field a user token may not set",
      `{"phone_number": "${mobileNumber()}", "verified": true}`,
      400,
      "INVALID_REQUEST",
    ],
    ["a missing field", "{}", 400, "INVALID_REQUEST"],
    ["a JSON array", "[]", 400, "INVALID_REQUEST"],
    ["an oversized body", `{"phone_number": "${"9".repeat(20_000)}"}`, 413, "PAYLOAD_TOO_LARGE"],
    ["not a phone number", '{"phone_number": "call me maybe"}', 422, "PHONE_NUMBER_NOT_A_NUMBER"],
    [
      "a number over 50 characters",
      `{"phone_number": "+33 6 12 34 56 78${" ".repeat(40)}0"}`,
      422,
      "PHONE_NUMBER_TOO_LONG",
    ],
    ["an impossible number", '{"phone_number": "+33 6 12"}', 422, "PHONE_NUMBER_NOT_POSSIBLE"],
    ["an unassigned number", '{"phone_number": "+1 555 555 5555"}', 422, "PHONE_NUMBER_NOT_VALID"],
    [
      "an unknown region",
      '{"phone_number": "0612345678", "region": "XX"}',
      422,
      "PHONE_NUMBER_REGION_INVALID",
    ],
  ])("refuses %s", async (_name, payload, status, code) => {
    const before = await snapshot();
    const response = await post(payload);
    expect(response.statusCode).toBe(status);
    const body = response.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(body.error.request_id).toBe(response.headers["x-request-id"]);
    expect(await snapshot()).toEqual(before);
  });

  // A user token hears one answer for every number it may not add (issue 13: no enumeration oracle),
  // and the attempt is recorded; an admin key hears the reason.
  it.each([
    ["a fixed line", "+41 71 000 00 00"],
    ["a premium-rate number", "+1 900 555 0123"],
  ])("refuses %s: the reason to an admin key, one answer to a user token", async (_name, number) => {
    const before = await snapshot();
    const mine = await post(JSON.stringify({ phone_number: number }));
    expect(mine.statusCode).toBe(422);
    expect(mine.json().error.code).toBe("PHONE_NUMBER_UNAVAILABLE");
    const admin = await nativeClient(t, t.adminKey).call("POST", "/v1/phone-numbers", {
      user_id: "careful",
      phone_number: number,
    });
    expect(admin.statusCode).toBe(422);
    expect(admin.json().error.code).toBe("PHONE_NUMBER_TYPE_NOT_ALLOWED");
    const after = await snapshot();
    expect(after.phones).toEqual(before.phones);
    expect(after.outbox).toEqual(before.outbox);
    const refusals = await t.store.db
      .selectFrom("events")
      .select("type")
      .where(
        "id",
        "not in",
        before.events.map((e) => e.id),
      )
      .execute();
    expect(refusals).toEqual([{ type: "phone_number.add_refused" }]);
  });

  it("names the offending fields", async () => {
    const response = await post(`{"phone_number": "${mobileNumber()}", "colour": "blue"}`);
    expect(response.json().error.fields).toEqual([{ path: "colour", message: expect.any(String) }]);
  });

  it("refuses a body that is not JSON", async () => {
    const before = await snapshot();
    const response = await post("phone_number=1", { "content-type": "application/x-www-form-urlencoded" });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await snapshot()).toEqual(before);
  });

  it("accepts a national number with its region", async () => {
    const response = await post('{"phone_number": "06 12 34 56 78", "region": "fr"}');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ phone_number: "+33612345678", region: "FR" });
  });

  it("answers an unknown route in the same envelope", async () => {
    const response = await t.app.inject({ method: "GET", url: "/v1/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("ROUTE_NOT_FOUND");
  });
});

describe("rules on numbers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("lets one user hold a number at a time", async () => {
    const number = mobileNumber();
    expect((await nativeClient(t, await t.tokenFor("first")).addMine(number)).statusCode).toBe(201);
    // The second user hears what any number it may not add gets; an admin key hears why.
    const taken = await nativeClient(t, await t.tokenFor("second")).addMine(number);
    expect(taken.statusCode).toBe(422);
    expect(taken.json().error.code).toBe("PHONE_NUMBER_UNAVAILABLE");
    const explicit = await nativeClient(t, t.adminKey).call("POST", "/v1/phone-numbers", {
      user_id: "second",
      phone_number: number,
    });
    expect(explicit.statusCode).toBe(409);
    expect(explicit.json().error.code).toBe("PHONE_NUMBER_TAKEN");
  });

  it("reserves only verified numbers for second factor, and keeps a default", async () => {
    const admin = nativeClient(t, t.adminKey);
    await admin.call("POST", "/v1/users", { id: "sf" });
    const unverified = (
      await admin.call("POST", "/v1/phone-numbers", { user_id: "sf", phone_number: mobileNumber() })
    ).json();
    const refused = await admin.call("PATCH", `/v1/phone-numbers/${unverified.id}`, {
      reserved_for_second_factor: true,
    });
    expect(refused.json().error.code).toBe("PHONE_NUMBER_NOT_VERIFIED");
    const a = (
      await admin.call("POST", "/v1/phone-numbers", {
        user_id: "sf",
        phone_number: mobileNumber(),
        verified: true,
        reserved_for_second_factor: true,
      })
    ).json();
    expect(a).toMatchObject({ reserved_for_second_factor: true, default_second_factor: true });
    await admin.call("PATCH", `/v1/phone-numbers/${unverified.id}`, { verified: true });
    const b = (
      await admin.call("PATCH", `/v1/phone-numbers/${unverified.id}`, { reserved_for_second_factor: true })
    ).json();
    expect(b).toMatchObject({
      verification_strategy: "admin",
      reserved_for_second_factor: true,
      default_second_factor: false,
    });
    await admin.call("PATCH", `/v1/phone-numbers/${b.id}`, { default_second_factor: true });
    expect((await admin.call("GET", `/v1/phone-numbers/${a.id}`)).json().default_second_factor).toBe(false);
    await admin.call("DELETE", `/v1/phone-numbers/${b.id}`);
    expect((await admin.call("GET", `/v1/phone-numbers/${a.id}`)).json().default_second_factor).toBe(true);
    const unverify = await admin.call("PATCH", `/v1/phone-numbers/${a.id}`, { verified: false });
    expect(unverify.json()).toMatchObject({
      verified: false,
      reserved_for_second_factor: false,
      default_second_factor: false,
    });
  });

  it("refuses a code for a number that has none pending", async () => {
    const me = nativeClient(t, await t.tokenFor("idle"));
    const id = (await me.addMine(mobileNumber())).json().id as string;
    const response = await me.verifyMine(id, "123456");
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("VERIFICATION_NOT_FOUND");
  });
});
