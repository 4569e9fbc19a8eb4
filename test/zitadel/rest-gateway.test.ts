import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { createUser, deliveredCode } from "./support.js";

const ME = "/zitadel/auth/v1/users/me/phone";
const detail = (id: string, message: string) => ({
  "@type": "type.googleapis.com/zitadel.v1.ErrorDetail",
  id,
  message,
});

describe("ZITADEL REST gateway", () => {
  let t: TestApp;
  let token: string;
  beforeEach(async () => {
    t = await createTestApp({ runDispatcher: false });
    token = await t.tokenFor("rest-user");
  });
  afterEach(async () => t.close());

  const call = (
    method: "GET" | "PUT" | "POST" | "DELETE",
    url: string,
    payload?: Record<string, unknown>,
    secret = token,
  ) => t.app.inject({ method, url, headers: bearer(secret), ...(payload === undefined ? {} : { payload }) });

  it("serves /auth/v1/users/me/phone with the gateway's JSON conventions", async () => {
    const empty = await call("GET", ME);
    expect(empty.statusCode).toBe(200);
    const emptyBody = empty.json();
    // No phone: an empty message; false and empty fields are left out.
    expect(emptyBody.phone).toEqual({});
    // protojson's RFC 3339: whole seconds carry no fraction.
    expect(emptyBody.details).toEqual({
      sequence: "1",
      creationDate: "2026-01-01T12:00:00Z",
      changeDate: "2026-01-01T12:00:00Z",
      resourceOwner: "default",
    });

    const number = mobileNumber();
    t.clock.advance(1_000);
    const set = await call("PUT", ME, { phone: number });
    expect(set.statusCode).toBe(200);
    const setDetails = set.json().details;
    expect(Object.keys(setDetails).sort()).toEqual(["changeDate", "resourceOwner", "sequence"]);
    expect(setDetails.changeDate).toBe("2026-01-01T12:00:01Z");
    expect(typeof setDetails.sequence).toBe("string");
    expect(Number(setDetails.sequence)).toBeGreaterThan(1);

    expect((await call("GET", ME)).json().phone).toEqual({ phone: number });

    const code = await deliveredCode(t, number);
    const wrong = await call("POST", `${ME}/_verify`, { code: code === "000000" ? "111111" : "000000" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toEqual({
      code: 3,
      message: "Code is invalid (COMMAND-sM0cs)",
      details: [detail("COMMAND-sM0cs", "Code is invalid")],
    });
    expect(wrong.headers["handset-attempts-left"]).toBe("4");

    const soon = await call("POST", `${ME}/_resend_verification`, {});
    expect(soon.statusCode).toBe(429);
    expect(soon.json().code).toBe(8);
    expect(soon.headers["retry-after"]).toBe("30");
    t.clock.advance(30_000);
    expect((await call("POST", `${ME}/_resend_verification`, {})).statusCode).toBe(200);

    const ok = await call("POST", `${ME}/_verify`, { code });
    expect(ok.statusCode).toBe(200);
    expect((await call("GET", ME)).json().phone).toEqual({ phone: number, isPhoneVerified: true });

    expect((await call("DELETE", ME)).statusCode).toBe(200);
    const again = await call("DELETE", ME);
    expect(again.statusCode).toBe(404);
    expect(again.json()).toEqual({
      code: 5,
      message: "Phone not found (COMMAND-p6rsc)",
      details: [detail("COMMAND-p6rsc", "Phone not found")],
    });
  });

  it("answers 'Phone not changed' with status 400 and code 9", async () => {
    const number = mobileNumber();
    await call("PUT", ME, { phone: number });
    const same = await call("PUT", ME, { phone: number });
    expect(same.statusCode).toBe(400);
    expect(same.json()).toEqual({
      code: 9,
      message: "Phone not changed (COMMAND-wF94r)",
      details: [detail("COMMAND-wF94r", "Phone not changed")],
    });
  });

  it("validates, authenticates and routes like ZITADEL", async () => {
    const noPlus = await call("PUT", ME, { phone: "0791234567" });
    expect(noPlus.statusCode).toBe(400);
    expect(noPlus.json()).toEqual({
      code: 3,
      message: 'invalid SetMyPhoneRequest.Phone: value does not have prefix "+"',
    });
    const anonymous = await t.app.inject({ method: "GET", url: ME });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ code: 16, message: "auth header missing" });
    const badJson = await t.app.inject({
      method: "PUT",
      url: ME,
      headers: { ...bearer(token), "content-type": "application/json" },
      payload: "{",
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().code).toBe(3);
    const other = await call("GET", "/zitadel/auth/v1/users/me");
    expect(other.statusCode).toBe(501);
    expect(other.json()).toEqual({
      code: 12,
      message: "zitadel.auth.v1.AuthService.GetMyUser is not implemented",
    });
    const nowhere = await call("GET", "/zitadel/auth/v1/nowhere");
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json()).toEqual({ code: 5, message: "Not Found" });
    // Nothing above changed the phone.
    expect((await call("GET", ME)).json()).toMatchObject({ phone: {}, details: { sequence: "1" } });
  });

  it("refuses a number Handset cannot text, and changes nothing", async () => {
    const number = mobileNumber();
    await call("PUT", ME, { phone: number });
    const before = (await call("GET", ME)).json();
    // A French fixed line: ZITADEL would take it; Handset refuses numbers that cannot receive SMS.
    const fixed = await call("PUT", ME, { phone: "+33 1 42 68 53 00" });
    expect(fixed.statusCode).toBe(400);
    expect(fixed.json().details[0].id).toBe("HANDSET-PHONE-TYPE-NOT-ALLOWED");
    const junk = await call("PUT", ME, { phone: "+999 123456" });
    expect(junk.json()).toMatchObject({ code: 3, message: "Phone is invalid (PHONE-so0wa)" });
    expect((await call("GET", ME)).json()).toEqual(before);
  });

  it("serves the v2 paths, with path parameters, both JSON name styles and unknown fields ignored", async () => {
    await createUser(t, "v2-user");
    const url = "/zitadel/v2/users/v2-user/phone";
    const number = mobileNumber();
    const set = await call("POST", url, { phone: number, return_code: {}, unknownField: 1 }, t.adminKey);
    expect(set.statusCode).toBe(200);
    const code = set.json().verificationCode as string;
    expect(code).toMatch(/^\d{6}$/);
    expect(set.json().details.resourceOwner).toBe("default");

    const wrong = await call("POST", `${url}/verify`, { verification_code: "999999x" }, t.adminKey);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toBe("Code is invalid (COMMAND-eis9R)");

    t.clock.advance(30_000);
    const resent = await call("POST", `${url}/resend`, { returnCode: {} }, t.adminKey);
    expect(resent.json().verificationCode).toBe(code);
    // The path names the user, whatever the body says.
    const verified = await call(
      "POST",
      `${url}/verify`,
      { userId: "someone-else", verificationCode: code },
      t.adminKey,
    );
    expect(verified.statusCode).toBe(200);

    expect((await call("DELETE", url, undefined, t.adminKey)).statusCode).toBe(200);
    const gone = await call("DELETE", url, undefined, t.adminKey);
    expect(gone.statusCode).toBe(404);
    const unknown = await call(
      "POST",
      "/zitadel/v2/users/ghost/phone",
      { phone: mobileNumber() },
      t.adminKey,
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe("Phone not found (COMMAND-ieJ2e)");
    const notMine = await call("DELETE", url, undefined, token);
    expect(notMine.statusCode).toBe(403);
    expect((await call("POST", "/zitadel/v2/users/v2-user", {}, t.adminKey)).statusCode).toBe(404);
    // GetUserByID is served (the user with its phone); a method without a phone is not.
    const read = await call("GET", "/zitadel/v2/users/v2-user", undefined, t.adminKey);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ user: { userId: "v2-user", state: "USER_STATE_ACTIVE" } });
    expect((await call("POST", "/zitadel/v2/users/v2-user/lock", {}, t.adminKey)).statusCode).toBe(501);
  });
});
