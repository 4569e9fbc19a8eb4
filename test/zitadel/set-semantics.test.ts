import { describe, expect, it } from "vitest";
import { bearer, createTestApp, mobileNumber } from "../support/harness.js";
import { createUser, nativeNumbers } from "./support.js";

/** What setting the phone does around the edges: return_code's guard, reused numbers, rollback. */
const ME = "/zitadel/auth/v1/users/me/phone";

const nonInboxSetups: [string, Parameters<typeof createTestApp>[0]][] = [
  [
    "a real SMS provider",
    {
      smsProvider: {
        name: "capture",
        development: false,
        async send(message) {
          return { providerMessageId: message.id };
        },
      },
    },
  ],
  [
    "production, even with the inbox allowed",
    { env: { NODE_ENV: "production", HANDSET_ALLOW_DEV_PROVIDER_IN_PRODUCTION: "true" } },
  ],
];

describe.each(nonInboxSetups)("return_code with %s", (_name, setup) => {
  it("is refused as ZITADEL refuses a missing permission, before anything changes", async () => {
    const t = await createTestApp({ runDispatcher: false, ...setup });
    try {
      await createUser(t, "prod-user");
      const refused = await t.app.inject({
        method: "POST",
        url: "/zitadel/v2/users/prod-user/phone",
        headers: bearer(t.adminKey),
        payload: { phone: mobileNumber(), returnCode: {} },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 7, details: [{ id: "AUTH-5mWD2" }] });
      expect(refused.body).not.toMatch(/verificationCode/);
      expect(await nativeNumbers(t, "prod-user")).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe("a set to a number the user already holds verified", () => {
  it("makes it the phone without a code and removes the former phone", async () => {
    const t = await createTestApp({ runDispatcher: false });
    try {
      const token = await t.tokenFor("holder");
      const first = mobileNumber();
      const held = mobileNumber();
      await t.app.inject({ method: "PUT", url: ME, headers: bearer(token), payload: { phone: first } });
      const added = await t.app.inject({
        method: "POST",
        url: "/v1/phone-numbers",
        headers: bearer(t.adminKey),
        payload: { user_id: "holder", phone_number: held, verified: true },
      });
      expect(added.statusCode).toBe(201);
      const set = await t.app.inject({
        method: "PUT",
        url: ME,
        headers: bearer(token),
        payload: { phone: held },
      });
      expect(set.statusCode).toBe(200);
      const got = await t.app.inject({ method: "GET", url: ME, headers: bearer(token) });
      expect(got.json().phone).toEqual({ phone: held, isPhoneVerified: true });
      expect(await nativeNumbers(t, "holder")).toMatchObject([{ phone_number: held, primary: true }]);
      await t.dispatcher.runOnce();
      expect(t.inbox?.list({ to: held })).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe("a set whose code cannot be sent", () => {
  it("adds no number when the code cannot be sent, and keeps the old phone", async () => {
    const t = await createTestApp({ runDispatcher: false, env: { HANDSET_NUMBER_SEND_BUDGET: "1" } });
    try {
      const token = await t.tokenFor("budget-user");
      const headers = bearer(token);
      const first = mobileNumber();
      const second = mobileNumber();
      expect(
        (await t.app.inject({ method: "PUT", url: ME, headers, payload: { phone: second } })).statusCode,
      ).toBe(200);
      // `second` has used its one SMS in the window; set `first`, then try `second` again.
      expect(
        (await t.app.inject({ method: "PUT", url: ME, headers, payload: { phone: first } })).statusCode,
      ).toBe(200);
      const refused = await t.app.inject({ method: "PUT", url: ME, headers, payload: { phone: second } });
      expect(refused.statusCode).toBe(429);
      expect(refused.json().details[0].id).toBe("HANDSET-SEND-LIMIT");
      expect(refused.headers["retry-after"]).toBeDefined();
      const now = await t.app.inject({ method: "GET", url: ME, headers });
      expect(now.json().phone).toEqual({ phone: first });
      const numbers = await t.app.inject({ method: "GET", url: "/v1/me/phone-numbers", headers });
      expect(numbers.json().data.map((n: { phone_number: string }) => n.phone_number)).toEqual([first]);
    } finally {
      await t.close();
    }
  });
});
