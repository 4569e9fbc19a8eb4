import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, mobileNumber, type TestApp } from "../support/harness.js";

/**
 * A spent budget answers 429 with Retry-After in each surface's own format (issue 13). One number a
 * day per user here, so that the second number added is the refusal.
 */
describe("a spent budget in each surface's own envelope", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ runDispatcher: false, env: { HANDSET_BUDGET_USER_NUMBERS_PER_DAY: "1" } });
  });
  afterAll(async () => t.close());

  /** Seconds until the next UTC midnight of the test clock, when a day's budget comes back. */
  const untilTomorrow = () => String(Math.ceil((86_400_000 - (t.clock.now() % 86_400_000)) / 1000));

  const twice = async (send: (number: string) => Promise<LightMyRequestResponse>) => {
    expect((await send(mobileNumber())).statusCode).toBeLessThan(300);
    return send(mobileNumber());
  };
  const createUser = (id: string) =>
    t.app.inject({ method: "POST", url: "/v1/users", headers: bearer(t.adminKey), payload: { id } });

  it("native: BUDGET_EXCEEDED naming the budget", async () => {
    const token = await t.tokenFor("native-user");
    const refused = await twice((phone_number) =>
      t.app.inject({
        method: "POST",
        url: "/v1/me/phone-numbers",
        headers: bearer(token),
        payload: { phone_number },
      }),
    );
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe(untilTomorrow());
    expect(refused.json().error).toMatchObject({
      code: "BUDGET_EXCEEDED",
      message: "This user has added as many phone numbers today as allowed (1): try again tomorrow.",
      details: { limit: "user_numbers_per_day" },
    });
  });

  it("Linode: 429 with Linode's errors list", async () => {
    const token = await t.tokenFor("linode-user");
    const refused = await twice((number) =>
      t.app.inject({
        method: "POST",
        url: "/linode/v4/profile/phone-number",
        headers: bearer(token),
        payload: { iso_code: "FR", phone_number: number.replace("+33", "0") },
      }),
    );
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe(untilTomorrow());
    expect(refused.json()).toEqual({
      errors: [{ reason: expect.stringMatching(/as many phone numbers today/) }],
    });
  });

  it("Clerk: 429 too_many_requests", async () => {
    await createUser("clerk-user");
    const refused = await twice((phone_number) =>
      t.app.inject({
        method: "POST",
        url: "/clerk/v1/phone_numbers",
        headers: { authorization: `Bearer sk_test_${t.adminKey}`, "clerk-api-version": "2026-05-12" },
        payload: { user_id: "clerk-user", phone_number },
      }),
    );
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe(untilTomorrow());
    expect(refused.json().errors[0]).toMatchObject({ code: "too_many_requests" });
  });

  it("ZITADEL over REST and Connect: ResourceExhausted", async () => {
    await createUser("zitadel-rest");
    const rest = await twice((phone) =>
      t.app.inject({
        method: "POST",
        url: "/zitadel/v2/users/zitadel-rest/phone",
        headers: bearer(t.adminKey),
        payload: { phone },
      }),
    );
    expect(rest.statusCode).toBe(429);
    expect(rest.headers["retry-after"]).toBe(untilTomorrow());
    expect(rest.json()).toMatchObject({ code: 8, details: [{ id: "HANDSET-BUDGET-EXCEEDED" }] });

    await createUser("zitadel-connect");
    const connect = await twice((phone) =>
      t.app.inject({
        method: "POST",
        url: "/zitadel/zitadel.user.v2.UserService/SetPhone",
        headers: { ...bearer(t.adminKey), "content-type": "application/json" },
        payload: { userId: "zitadel-connect", phone },
      }),
    );
    expect(connect.statusCode).toBe(429);
    expect(connect.headers["retry-after"]).toBe(untilTomorrow());
    expect(connect.json()).toMatchObject({ code: "resource_exhausted" });
  });
});
