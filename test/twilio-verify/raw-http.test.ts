import { afterEach, describe, expect, it } from "vitest";
import { accountSidOf, serviceSidOf } from "../../src/surfaces/twilio-verify/sids.js";
import { createTestApp, mobileNumber, type TestApp } from "../support/harness.js";

const apps: TestApp[] = [];
afterEach(async () => {
  for (const t of apps.splice(0)) await t.close();
});

const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
});

/** Requests as a Twilio client other than the SDK might send them: form bodies, written by hand. */
describe("Twilio Verify over raw HTTP", () => {
  it("checks the credential before any parameter", async () => {
    const t = await createTestApp({ runDispatcher: false });
    apps.push(t);
    const url = `/twilio/v2/Services/${serviceSidOf("default")}/Verifications/VE${"0".repeat(32)}`;
    for (const payload of ["", "Status=bogus"]) {
      const res = await t.app.inject({
        method: "POST",
        url,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload,
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        code: 20003,
        message: "Authenticate",
        more_info: "https://www.twilio.com/docs/errors/20003",
        status: 401,
      });
    }
  });

  it("takes form-encoded parameters, refuses a repeated one and a body of another type", async () => {
    const t = await createTestApp({ runDispatcher: false });
    apps.push(t);
    const url = `/twilio/v2/Services/${serviceSidOf("default")}/Verifications`;
    const headers = { ...basic(accountSidOf("default"), t.adminKey) };
    const form = { ...headers, "content-type": "application/x-www-form-urlencoded" };
    const to = mobileNumber();
    const sent = await t.app.inject({
      method: "POST",
      url,
      headers: form,
      payload: `To=${encodeURIComponent(to)}&Channel=sms&Locale=fr`,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ to, status: "pending", channel: "sms" });

    const twice = await t.app.inject({
      method: "POST",
      url,
      headers: form,
      payload: `To=${encodeURIComponent(mobileNumber())}&To=${encodeURIComponent(mobileNumber())}&Channel=sms`,
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().code).toBe(60200);

    const xml = await t.app.inject({
      method: "POST",
      url,
      headers: { ...headers, "content-type": "application/xml" },
      payload: "<To/>",
    });
    expect(xml.statusCode).toBe(400);
    expect(xml.json()).toMatchObject({ code: 60200, status: 400 });
    expect(xml.json().message).toContain("x-www-form-urlencoded");

    const messages = await t.app.inject({
      method: "GET",
      url: "/v1/messages",
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    expect(messages.json().data).toHaveLength(1);
  });
});
