import { afterEach, describe, expect, it } from "vitest";
import { bearer, createTestApp, mobileNumber, type TestApp } from "./support/harness.js";

describe("smoke", () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it("adds a number, sends a code and verifies it", async () => {
    t = await createTestApp();
    const token = await t.tokenFor("alice");
    const number = mobileNumber();
    const added = await t.app.inject({
      method: "POST",
      url: "/v1/me/phone-numbers",
      headers: bearer(token),
      payload: { phone_number: number },
    });
    expect(added.statusCode).toBe(201);
    const id = added.json().id as string;
    const sent = await t.app.inject({
      method: "POST",
      url: `/v1/me/phone-numbers/${id}/send-code`,
      headers: bearer(token),
    });
    expect(sent.statusCode).toBe(202);
    await t.dispatcher.runOnce();
    const [message] = t.inbox?.list({ to: number }) ?? [];
    expect(message?.code).toMatch(/^\d{6}$/);
    const verified = await t.app.inject({
      method: "POST",
      url: `/v1/me/phone-numbers/${id}/verify`,
      headers: bearer(token),
      payload: { code: message?.code },
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().phone_number.verified).toBe(true);
  });
});
