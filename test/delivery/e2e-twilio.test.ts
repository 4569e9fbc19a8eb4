import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/domain/clock.js";
import { type FakeTwilio, startFakeTwilio } from "../support/fake-twilio.js";
import { mobileNumber } from "../support/harness.js";
import {
  codeIn,
  type ListeningApp,
  requestCode,
  startListeningApp,
  verifyCode,
} from "../support/listening-app.js";
import { waitFor } from "../support/sms-receiver.js";

const iso = (ms: number) => new Date(ms).toISOString();

describe("Twilio end to end: the app sends a code, Twilio's status callback comes back to it", () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 1, 12));
  let twilio: FakeTwilio;
  let app: ListeningApp;

  beforeAll(async () => {
    twilio = await startFakeTwilio();
    app = await startListeningApp(
      {
        HANDSET_SMS_PROVIDER: "twilio",
        HANDSET_TWILIO_ACCOUNT_SID: twilio.accountSid,
        HANDSET_TWILIO_AUTH_TOKEN: twilio.authToken,
        HANDSET_TWILIO_FROM: "+15005550006",
        HANDSET_TWILIO_BASE_URL: twilio.baseUrl,
        HANDSET_TWILIO_TIMEOUT_MS: "5000",
      },
      clock,
    );
  });

  afterAll(async () => {
    await app?.close();
    await twilio?.close();
  });

  afterEach(() => {
    // Every create-message request passed the checks taken from Twilio's OpenAPI description.
    expect(twilio.violations).toEqual([]);
  });

  /** Requests a code for a new number; waits for Twilio to get the SMS and the app to record it sent. */
  async function codeAccepted() {
    const number = mobileNumber();
    const start = clock.now();
    const request = await requestCode(app, number);
    const sms = await waitFor("Twilio to get the SMS", () =>
      twilio.requests.find((r) => r.form.To === number),
    );
    const sent = await app.messageWith(request.queued.id, "sent");
    const callbackUrl = sms.form.StatusCallback ?? "";
    /** The form Twilio posts for a status, from the message's own SID and numbers. */
    const status = (MessageStatus: string, extra: Record<string, string> = {}) => ({
      MessageSid: sent.provider_message_id ?? "",
      SmsSid: sent.provider_message_id ?? "",
      MessageStatus,
      SmsStatus: MessageStatus,
      To: number,
      From: "+15005550006",
      ...extra,
    });
    return { number, start, request, sms, sent, callbackUrl, status };
  }

  it("delivers the code, records Twilio's SID, takes the signed 'delivered' callback, and the code verifies", async () => {
    const { number, start, request, sms, sent, callbackUrl, status } = await codeAccepted();
    const id = request.queued.id;
    expect(request.queued).toMatchObject({ id: expect.stringMatching(/^msg_/), status: "queued" });
    expect(request.queued).toMatchObject({ provider: null, sent_at: null, receipt_at: null });

    // Twilio got the code, and the callback URL is the app's own route for this message.
    const code = codeIn(sms.form.Body ?? "");
    expect(code).toBe(request.expectedCode);
    expect(sms.form).toMatchObject({ To: number, From: "+15005550006" });
    expect(callbackUrl.startsWith(`${app.url}/sms/callbacks/twilio?m=${id}&t=`)).toBe(true);

    // Accepted at the commit (the app's clock has not moved): sent, with Twilio's SID, no receipt yet.
    expect(sent).toMatchObject({
      status: "sent",
      provider: "twilio",
      provider_message_id: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      created_at: iso(start),
      sent_at: iso(start),
      receipt_at: null,
    });

    // Two seconds on, Twilio reports `sent` (a step on the way): acknowledged, nothing changes.
    clock.advance(2_000);
    expect(await twilio.postStatusCallback(callbackUrl, status("sent"))).toBe(204);
    expect(await app.message(id)).toMatchObject({ status: "sent", receipt_at: null });

    // Four seconds after the send, the handset has it: Twilio reports `delivered`.
    clock.advance(2_000);
    expect(await twilio.postStatusCallback(callbackUrl, status("delivered"))).toBe(204);
    expect(await app.message(id)).toMatchObject({
      id,
      phone_number_id: request.phoneNumberId,
      verification_id: request.verificationId,
      to: number,
      status: "delivered",
      provider: "twilio",
      provider_message_id: sent.provider_message_id,
      encoding: "gsm7",
      segments: 1,
      delivery_attempts: 1,
      error: null,
      created_at: iso(start),
      sent_at: iso(start),
      receipt_at: iso(start + 4_000),
      failed_at: null,
    });

    const events = await app.events(id);
    expect(events.map((e) => [e.sequence, e.type, e.createdAt, e.payload.status])).toEqual([
      [1, "sms.sent", start, "sent"],
      [2, "sms.delivered", start + 4_000, "delivered"],
    ]);
    expect(events[1]?.payload).toMatchObject({
      message_id: id,
      provider: "twilio",
      provider_message_id: sent.provider_message_id,
      error: null,
    });
    for (const event of events) expect(event.rawPayload).not.toContain(request.expectedCode);

    expect(await verifyCode(app, request, code ?? "")).toBe("verified");
  });

  it("shows an 'undelivered' callback with ErrorCode 30003 as undelivered, and writes sms.failed", async () => {
    const { start, request, callbackUrl, status } = await codeAccepted();
    const id = request.queued.id;
    clock.advance(3_000);
    const undelivered = status("undelivered", { ErrorCode: "30003" });
    expect(await twilio.postStatusCallback(callbackUrl, undelivered)).toBe(204);

    const message = await app.message(id);
    expect(message).toMatchObject({
      status: "undelivered",
      provider: "twilio",
      sent_at: iso(start),
      receipt_at: iso(start + 3_000),
      failed_at: null,
    });
    expect(message.error).toContain("30003");

    const events = await app.events(id);
    expect(events.map((e) => [e.sequence, e.type, e.createdAt, e.payload.status])).toEqual([
      [1, "sms.sent", start, "sent"],
      [2, "sms.failed", start + 3_000, "undelivered"],
    ]);
    expect(String(events[1]?.payload.error)).toContain("30003");
    for (const event of events) expect(event.rawPayload).not.toContain(request.expectedCode);

    // A later `delivered` cannot overwrite the final word already kept.
    clock.advance(1_000);
    expect(await twilio.postStatusCallback(callbackUrl, status("delivered"))).toBe(204);
    expect(await app.message(id)).toMatchObject({ status: "undelivered", receipt_at: iso(start + 3_000) });
    expect(await app.events(id)).toHaveLength(2);
  });
});
