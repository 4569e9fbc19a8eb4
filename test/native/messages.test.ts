import { afterEach, describe, expect, it } from "vitest";
import { bearer, createTestApp, mobileNumber, type TestApp } from "../support/harness.js";

describe("the message lookups", () => {
  let t: TestApp;
  afterEach(async () => t.close());

  const get = (url: string, secret: string) => t.app.inject({ method: "GET", url, headers: bearer(secret) });

  async function codeSentBy(userId: string) {
    const token = await t.tokenFor(userId);
    const number = mobileNumber();
    const added = await t.app.inject({
      method: "POST",
      url: "/v1/me/phone-numbers",
      headers: bearer(token),
      payload: { phone_number: number },
    });
    const phoneNumberId = added.json().id as string;
    const sent = await t.app.inject({
      method: "POST",
      url: `/v1/me/phone-numbers/${phoneNumberId}/send-code`,
      headers: bearer(token),
    });
    return { token, number, phoneNumberId, sent };
  }

  it("follows a message from queued to sent, by id and per number, for its user and for admins", async () => {
    t = await createTestApp({ runDispatcher: false });
    const { token, number, phoneNumberId, sent } = await codeSentBy("alice");
    const queued = sent.json().message;
    expect(queued).toMatchObject({
      phone_number_id: phoneNumberId,
      verification_id: sent.json().verification.id,
      to: number,
      status: "queued",
      provider: null,
      sent_at: null,
      delivery_attempts: expect.any(Number),
    });
    await t.dispatcher.runOnce();
    const mine = await get(`/v1/me/messages/${queued.id}`, token);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      id: queued.id,
      status: "sent",
      provider: "inbox",
      encoding: "gsm7",
      segments: 1,
      sent_at: new Date(t.clock.now()).toISOString(),
      receipt_at: null,
      error: null,
    });
    expect((await get(`/v1/messages/${queued.id}`, t.adminKey)).json()).toEqual(mine.json());
    const listed = await get(`/v1/phone-numbers/${phoneNumberId}/messages?limit=5`, t.adminKey);
    expect(listed.json().data.map((m: { id: string }) => m.id)).toEqual([queued.id]);
    expect((await get(`/v1/me/phone-numbers/${phoneNumberId}/messages`, token)).json().data).toHaveLength(1);
  });

  it("keeps another user's messages out of a token's reach, as if they did not exist", async () => {
    t = await createTestApp({ runDispatcher: false });
    const alice = await codeSentBy("alice");
    const bob = await t.tokenFor("bob");
    const theirs = await get(`/v1/me/messages/${alice.sent.json().message.id}`, bob);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error.code).toBe("MESSAGE_NOT_FOUND");
    expect((await get(`/v1/me/phone-numbers/${alice.phoneNumberId}/messages`, bob)).statusCode).toBe(404);
    expect((await get("/v1/messages/msg_unknown", t.adminKey)).statusCode).toBe(404);
    expect(
      (await get(`/v1/phone-numbers/${alice.phoneNumberId}/messages?limit=0`, t.adminKey)).statusCode,
    ).toBe(400);
  });
});
