import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/domain/clock.js";
import { type FakeVonage, startFakeVonage } from "../support/fake-vonage.js";
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

describe("Vonage end to end: the app sends a code, Vonage's delivery receipt comes back to it", () => {
  const start = Date.UTC(2026, 0, 1, 12);
  const clock = new ManualClock(start);
  let vonage: FakeVonage;
  let app: ListeningApp;

  beforeAll(async () => {
    vonage = await startFakeVonage();
    app = await startListeningApp(
      {
        HANDSET_SMS_PROVIDER: "vonage",
        HANDSET_VONAGE_API_KEY: vonage.apiKey,
        HANDSET_VONAGE_API_SECRET: vonage.apiSecret,
        HANDSET_VONAGE_FROM: "Handset",
        HANDSET_VONAGE_BASE_URL: vonage.url,
        HANDSET_VONAGE_TIMEOUT_MS: "5000",
      },
      clock,
    );
  });

  afterAll(async () => {
    await app?.close();
    await vonage?.close();
  });

  afterEach(() => {
    // Every request held to Vonage's published description of the SMS API.
    expect(vonage.problems).toEqual([]);
  });

  it("delivers the code, records Vonage's message id, takes the DLR at its callback, and the code verifies", async () => {
    const number = mobileNumber();
    const request = await requestCode(app, number);
    const id = request.queued.id;
    expect(request.queued).toMatchObject({ id: expect.stringMatching(/^msg_/), status: "queued" });
    expect(request.queued).toMatchObject({ provider: null, sent_at: null, receipt_at: null });

    // Vonage got the code, for the number without its +, with a receipt asked to the app's own route.
    const sms = await waitFor("Vonage to get the SMS", () =>
      vonage.requests.find((r) => r.to === number.slice(1)),
    );
    const code = codeIn(sms.text ?? "");
    expect(code).toBe(request.expectedCode);
    expect(sms).toMatchObject({ from: "Handset", "client-ref": id, "status-report-req": "1" });
    expect(sms.callback?.startsWith(`${app.url}/sms/callbacks/vonage?m=${id}&t=`)).toBe(true);

    // Accepted at the commit (the app's clock has not moved), with Vonage's message id.
    const sent = await app.messageWith(id, "sent");
    expect(sent).toMatchObject({
      provider: "vonage",
      provider_message_id: expect.stringMatching(/^0A0+\d+$/),
      created_at: iso(start),
      sent_at: iso(start),
      receipt_at: null,
    });

    // Vonage first reports the carrier has it (`buffered`): acknowledged, nothing changes.
    clock.advance(30_000);
    expect(await vonage.sendReceipt({ request: sms, status: "buffered" })).toEqual({
      status: 200,
      body: "ok",
    });
    expect(await app.message(id)).toMatchObject({ status: "sent", receipt_at: null });

    // Then `delivered`, stamped by the carrier (scts 12:01) and called 65 s after the send: the
    // receipt's time is the carrier's, not the moment the app heard of it.
    clock.advance(35_000);
    const delivered = await vonage.sendReceipt({
      request: sms,
      status: "delivered",
      tamper: { scts: "2601011201", "message-timestamp": "2026-01-01 12:01:05" },
    });
    expect(delivered).toEqual({ status: 200, body: "ok" });
    expect(await app.message(id)).toMatchObject({
      id,
      phone_number_id: request.phoneNumberId,
      verification_id: request.verificationId,
      to: number,
      status: "delivered",
      provider: "vonage",
      provider_message_id: sent.provider_message_id,
      encoding: "gsm7",
      segments: 1,
      delivery_attempts: 1,
      error: null,
      created_at: iso(start),
      sent_at: iso(start),
      receipt_at: iso(start + 60_000),
      failed_at: null,
    });

    const events = await app.events(id);
    expect(events.map((e) => [e.sequence, e.type, e.createdAt, e.payload.status])).toEqual([
      [1, "sms.sent", start, "sent"],
      [2, "sms.delivered", start + 60_000, "delivered"],
    ]);
    expect(events[1]?.payload).toMatchObject({
      message_id: id,
      provider: "vonage",
      provider_message_id: sent.provider_message_id,
      error: null,
    });
    for (const event of events) expect(event.rawPayload).not.toContain(request.expectedCode);

    expect(await verifyCode(app, request, code ?? "")).toBe("verified");
  });
});
