import { afterEach, describe, expect, it } from "vitest";
import { bearer, createTestApp, type TestApp } from "../support/harness.js";

const US_NATIONAL = "201-555-0123";
const US_E164 = "+12015550123";

/** What the client cannot send: v4beta, broken bodies, stray fields, missing or odd credentials. */
describe("Linode surface over raw HTTP", () => {
  let t: TestApp;
  afterEach(async () => t.close());

  async function codeFor(e164: string): Promise<string> {
    await t.dispatcher.runOnce();
    const [message] = t.inbox?.list({ to: e164 }) ?? [];
    if (!message) throw new Error(`no SMS to ${e164}`);
    return message.code;
  }

  function post(url: string, token: string | null, payload: unknown, headers: Record<string, string> = {}) {
    return t.app.inject({
      method: "POST",
      url,
      headers: { ...(token ? bearer(token) : {}), "content-type": "application/json", ...headers },
      payload: typeof payload === "string" ? payload : JSON.stringify(payload),
    });
  }

  it("serves the whole flow under v4beta too", async () => {
    t = await createTestApp({ runDispatcher: false });
    const token = await t.tokenFor("alice");
    const sent = await post("/linode/v4beta/profile/phone-number", token, {
      iso_code: "US",
      phone_number: US_NATIONAL,
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.headers["content-type"]).toMatch(/^application\/json/);
    expect(sent.body).toBe("{}");

    const verified = await post("/linode/v4beta/profile/phone-number/verify", token, {
      otp_code: await codeFor(US_E164),
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({});

    const profile = await t.app.inject({
      method: "GET",
      url: "/linode/v4beta/profile",
      headers: bearer(token),
    });
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ username: "alice", verified_phone_number: US_E164 });
    // The same number on v4: one profile, two versions of the path.
    const v4 = await t.app.inject({ method: "GET", url: "/linode/v4/profile", headers: bearer(token) });
    expect(v4.json()).toEqual(profile.json());
    expect(Object.keys(v4.json()).sort()).toEqual(
      [
        "authentication_type",
        "authorized_keys",
        "email",
        "email_notifications",
        "ip_whitelist_enabled",
        "lish_auth_method",
        "referrals",
        "restricted",
        "timezone",
        "two_factor_auth",
        "uid",
        "username",
        "verified_phone_number",
      ].sort(),
    );

    const deleted = await t.app.inject({
      method: "DELETE",
      url: "/linode/v4beta/profile/phone-number",
      headers: bearer(token),
    });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.body).toBe("{}");
  });

  it("takes a bodiless DELETE sent with Content-Type: application/json, as linode-cli sends it", async () => {
    t = await createTestApp({ runDispatcher: false });
    const token = await t.tokenFor("alice");
    await post("/linode/v4/profile/phone-number", token, { iso_code: "US", phone_number: US_NATIONAL });
    await post("/linode/v4/profile/phone-number/verify", token, { otp_code: await codeFor(US_E164) });
    const deleted = await t.app.inject({
      method: "DELETE",
      url: "/linode/v4/profile/phone-number",
      headers: { ...bearer(token), "content-type": "application/json" },
    });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({});
  });

  it("answers a missing or malformed Authorization header with 401 Invalid Token", async () => {
    t = await createTestApp();
    for (const headers of [{}, { authorization: "Basic abc" }, { authorization: "Bearer" }]) {
      const reply = await t.app.inject({ method: "GET", url: "/linode/v4/profile", headers });
      expect(reply.statusCode).toBe(401);
      expect(reply.json()).toEqual({ errors: [{ reason: "Invalid Token" }] });
    }
    const post401 = await post("/linode/v4/profile/phone-number", null, {
      iso_code: "US",
      phone_number: US_NATIONAL,
    });
    expect(post401.statusCode).toBe(401);
  });

  it("names the token's and the endpoint's scopes in Linode's headers", async () => {
    t = await createTestApp();
    const full = await t.tokenFor("alice");
    const readOnly = await t.tokenFor("alice", { scopes: ["phone:read"] });
    const reply = await t.app.inject({ method: "GET", url: "/linode/v4/profile", headers: bearer(full) });
    expect(reply.headers["x-oauth-scopes"]).toBe("*");
    expect(reply.headers["x-accepted-oauth-scopes"]).toBe("account:read_only");
    const ro = await t.app.inject({ method: "GET", url: "/linode/v4/profile", headers: bearer(readOnly) });
    expect(ro.headers["x-oauth-scopes"]).toBe("account:read_only");
    const refused = await t.app.inject({
      method: "DELETE",
      url: "/linode/v4/profile/phone-number",
      headers: bearer(readOnly),
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers["x-accepted-oauth-scopes"]).toBe("account:read_write");
  });

  it("refuses a token without phone:verify on the read_write routes", async () => {
    t = await createTestApp();
    const token = await t.tokenFor("alice", { scopes: ["phone:read", "phone:write"] });
    const reply = await post("/linode/v4/profile/phone-number", token, {
      iso_code: "US",
      phone_number: US_NATIONAL,
    });
    expect(reply.statusCode).toBe(401);
    expect(reply.json()).toEqual({
      errors: [{ reason: "Your OAuth token is not authorized to use this endpoint." }],
    });
  });

  it("reports malformed JSON without a field", async () => {
    t = await createTestApp();
    const token = await t.tokenFor("alice");
    const reply = await post("/linode/v4/profile/phone-number", token, '{"iso_code": "US",');
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toEqual({ errors: [{ reason: "The request body is not valid JSON." }] });
  });

  it("reports every missing field at once, each on its field", async () => {
    t = await createTestApp();
    const token = await t.tokenFor("alice");
    const empty = await post("/linode/v4/profile/phone-number", token, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toEqual({
      errors: [
        { reason: "iso_code is a required field", field: "iso_code" },
        { reason: "phone_number is a required field", field: "phone_number" },
      ],
    });
    const noBody = await t.app.inject({
      method: "POST",
      url: "/linode/v4/profile/phone-number/verify",
      headers: bearer(token),
    });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json()).toEqual({
      errors: [{ reason: "Verification Code is required.", field: "otp_code" }],
    });
  });

  it("refuses unknown fields (additionalProperties: false) and wrong types", async () => {
    t = await createTestApp({ runDispatcher: false });
    const token = await t.tokenFor("alice");
    const extra = await post("/linode/v4/profile/phone-number", token, {
      iso_code: "US",
      phone_number: US_NATIONAL,
      carrier: "x",
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toEqual({
      errors: [{ reason: "carrier is not a recognized field.", field: "carrier" }],
    });

    const wrongType = await post("/linode/v4/profile/phone-number", token, {
      iso_code: 1,
      phone_number: ["x"],
    });
    expect(wrongType.json().errors).toEqual([
      { reason: "iso_code must be a string.", field: "iso_code" },
      { reason: "phone_number must be a string.", field: "phone_number" },
    ]);

    for (const body of ["[]", '"US"', "null", "42"]) {
      const reply = await post("/linode/v4/profile/phone-number", token, body);
      expect(reply.statusCode).toBe(400);
      expect(reply.json()).toEqual({ errors: [{ reason: "The request body must be a JSON object." }] });
    }
    // None of it sent anything.
    await t.dispatcher.runOnce();
    expect(t.inbox?.list()).toEqual([]);
  });

  it("refuses a body that is not JSON", async () => {
    t = await createTestApp();
    const token = await t.tokenFor("alice");
    const reply = await t.app.inject({
      method: "POST",
      url: "/linode/v4/profile/phone-number",
      headers: { ...bearer(token), "content-type": "text/plain" },
      payload: "iso_code=US",
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toEqual({ errors: [{ reason: "Send the request body as application/json." }] });
  });

  it("puts a bad country on iso_code and takes a lower-case one", async () => {
    t = await createTestApp({ runDispatcher: false });
    const token = await t.tokenFor("alice");
    const bad = await post("/linode/v4/profile/phone-number", token, {
      iso_code: "XX",
      phone_number: US_NATIONAL,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ reason: expect.stringMatching(/XX/), field: "iso_code" }]);
    const notTwoLetters = await post("/linode/v4/profile/phone-number", token, {
      iso_code: "USA",
      phone_number: US_NATIONAL,
    });
    expect(notTwoLetters.json().errors[0].field).toBe("iso_code");
    const lower = await post("/linode/v4/profile/phone-number", token, {
      iso_code: "us",
      phone_number: US_NATIONAL,
    });
    expect(lower.statusCode).toBe(200);
    // A leading +CC wins over iso_code, as in libphonenumber-js and the Linode client.
    const plus = await post("/linode/v4/profile/phone-number", token, {
      iso_code: "GB",
      phone_number: "+1 201 555 0188",
    });
    expect(plus.statusCode).toBe(200);
    await t.dispatcher.runOnce();
    expect(t.inbox?.list({ to: "+12015550188" })).toHaveLength(1);
  });

  it("refuses a landline with 400 on phone_number, before any SMS", async () => {
    t = await createTestApp({ runDispatcher: false });
    const token = await t.tokenFor("alice");
    // A French fixed line: a valid number that cannot receive a code.
    const reply = await post("/linode/v4/profile/phone-number", token, {
      iso_code: "FR",
      phone_number: "01 23 45 67 89",
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().errors).toEqual([
      { reason: expect.stringMatching(/fixed line/), field: "phone_number" },
    ]);
    await t.dispatcher.runOnce();
    expect(t.inbox?.list()).toEqual([]);
    const me = await t.app.inject({ method: "GET", url: "/v1/me/phone-numbers", headers: bearer(token) });
    expect(me.json().data).toEqual([]);
  });

  it("refuses a number the user holds verified but not as primary, and sends nothing", async () => {
    t = await createTestApp({ runDispatcher: false });
    const token = await t.tokenFor("alice");
    const admin = (payload: object) =>
      t.app.inject({ method: "POST", url: "/v1/phone-numbers", headers: bearer(t.adminKey), payload });
    await t.app.inject({ method: "GET", url: "/linode/v4/profile", headers: bearer(token) });
    expect((await admin({ user_id: "alice", phone_number: "+12015550177" })).statusCode).toBe(201);
    expect((await admin({ user_id: "alice", phone_number: US_E164, verified: true })).statusCode).toBe(201);

    const reply = await post("/linode/v4/profile/phone-number", token, {
      iso_code: "US",
      phone_number: US_NATIONAL,
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().errors).toEqual([
      { reason: expect.stringMatching(/primary/), field: "phone_number" },
    ]);
    await t.dispatcher.runOnce();
    expect(t.inbox?.list()).toEqual([]);
  });

  it("sends one code when the same new number is posted twice at once", async () => {
    t = await createTestApp({ runDispatcher: false });
    const token = await t.tokenFor("alice");
    await t.app.inject({ method: "GET", url: "/linode/v4/profile", headers: bearer(token) });
    const body = { iso_code: "US", phone_number: US_NATIONAL };
    const replies = await Promise.all([
      post("/linode/v4/profile/phone-number", token, body),
      post("/linode/v4/profile/phone-number", token, body),
    ]);
    const statuses = replies.map((r) => r.statusCode).sort();
    // One sends; the other either finds the code just sent (cooldown) or was served after it.
    expect(statuses[0]).toBe(200);
    expect([200, 429]).toContain(statuses[1]);
    await t.dispatcher.runOnce();
    expect(t.inbox?.list({ to: US_E164 })).toHaveLength(1);
    const me = await t.app.inject({ method: "GET", url: "/v1/me/phone-numbers", headers: bearer(token) });
    expect(me.json().data).toHaveLength(1);
  });

  it("accepts otp_code as a JSON number, and a non-digit code costs no attempt", async () => {
    t = await createTestApp({ runDispatcher: false });
    const token = await t.tokenFor("alice");
    await post("/linode/v4/profile/phone-number", token, { iso_code: "US", phone_number: US_NATIONAL });
    const code = await codeFor(US_E164);

    const letters = await post("/linode/v4/profile/phone-number/verify", token, { otp_code: "12ab56" });
    expect(letters.json()).toEqual({
      errors: [{ reason: "The verification code must only contain digits.", field: "otp_code" }],
    });
    const wrong = await post("/linode/v4/profile/phone-number/verify", token, {
      otp_code: code === "000001" ? 2 : 1,
    });
    expect(wrong.json().errors).toEqual([
      { reason: "Invalid verification code. 4 attempts left.", field: "otp_code" },
    ]);
    if (!code.startsWith("0")) {
      const right = await post("/linode/v4/profile/phone-number/verify", token, { otp_code: Number(code) });
      expect(right.statusCode).toBe(200);
    }
  });

  it("answers unknown paths and methods under /linode in Linode's envelope", async () => {
    t = await createTestApp();
    const token = await t.tokenFor("alice");
    for (const [method, url] of [
      ["GET", "/linode/v4/linode/instances"],
      ["GET", "/linode/v5/profile"],
      ["PUT", "/linode/v4/profile/phone-number"],
    ] as const) {
      const reply = await t.app.inject({ method, url, headers: bearer(token) });
      expect(reply.statusCode).toBe(404);
      expect(reply.json()).toEqual({ errors: [{ reason: "Not found" }] });
    }
  });

  it("refuses an oversized body in the envelope", async () => {
    t = await createTestApp({ env: { HANDSET_BODY_LIMIT_BYTES: "256" } });
    const token = await t.tokenFor("alice");
    const reply = await post("/linode/v4/profile/phone-number", token, {
      iso_code: "US",
      phone_number: "5".repeat(400),
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toEqual({ errors: [{ reason: "The request body is too large." }] });
  });
});
