import { afterEach, describe, expect, it } from "vitest";
import { bearer, createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";

const DAY = 86_400_000;

/**
 * What each surface answers for a locked number (PHONE_NUMBER_LOCKED): its own rate-limit shape, with
 * Retry-After at the lock's end. The lock is written as 100 wrong codes leave it (the guard's own tests
 * make them one by one).
 */
describe("a locked number on every surface", () => {
  let t: TestApp;
  afterEach(async () => t.close());

  async function lock(e164: string, lastWrongAt: number) {
    await t.store.db
      .insertInto("guess_streaks")
      .values({
        tenant_id: "default",
        e164,
        failures: 100,
        last_wrong_at: lastWrongAt,
        locked_at: lastWrongAt,
      })
      .execute();
  }
  const retryAfter = String((30 * DAY - 60_000) / 1000);

  it("native: 429 PHONE_NUMBER_LOCKED with Retry-After and the limit", async () => {
    t = await createTestApp({ runDispatcher: false });
    const me = nativeClient(t, await t.tokenFor("n"));
    const number = mobileNumber();
    const id = (await me.addMine(number)).json().id as string;
    expect((await me.sendMine(id)).statusCode).toBe(202);
    await lock(number, t.clock.now() - 60_000);
    const refused = await me.verifyMine(id, "123456");
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe(retryAfter);
    expect(refused.json().error).toMatchObject({
      code: "PHONE_NUMBER_LOCKED",
      details: { limit: "guess_lock" },
    });
  });

  it("Linode: 429 in Linode's envelope with Retry-After", async () => {
    t = await createTestApp({ runDispatcher: false });
    const token = await t.tokenFor("l");
    const sent = await t.app.inject({
      method: "POST",
      url: "/linode/v4/profile/phone-number",
      headers: bearer(token),
      payload: { iso_code: "US", phone_number: "201-555-0123" },
    });
    expect(sent.statusCode).toBe(200);
    await lock("+12015550123", t.clock.now() - 60_000);
    const refused = await t.app.inject({
      method: "POST",
      url: "/linode/v4/profile/phone-number/verify",
      headers: bearer(token),
      payload: { otp_code: "123456" },
    });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe(retryAfter);
    expect(refused.json().errors[0].reason).toMatch(/wrong codes in a row/);
  });

  it("ZITADEL REST: ResourceExhausted (HTTP 429), id PHONE-LOCKED", async () => {
    t = await createTestApp({ runDispatcher: false });
    const token = await t.tokenFor("z");
    const number = mobileNumber();
    const me = "/zitadel/auth/v1/users/me/phone";
    const set = await t.app.inject({
      method: "PUT",
      url: me,
      headers: bearer(token),
      payload: { phone: number },
    });
    expect(set.statusCode).toBe(200);
    await lock(number, t.clock.now() - 60_000);
    const refused = await t.app.inject({
      method: "POST",
      url: `${me}/_verify`,
      headers: bearer(token),
      payload: { code: "123456" },
    });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 8 });
    expect(JSON.stringify(refused.json().details)).toContain("PHONE-LOCKED");
  });
});
