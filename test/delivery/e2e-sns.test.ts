import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/domain/clock.js";
import { type FakeSns, startFakeSns } from "../support/fake-sns.js";
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
const ACCESS_KEY = "AKIDFAKESNSE2E001";
const SECRET = "fake-secret-key-for-the-e2e-test";

describe("Amazon SNS end to end: the app sends a code (SNS gives no receipts)", () => {
  const start = Date.UTC(2026, 0, 1, 12);
  const clock = new ManualClock(start);
  let sns: FakeSns;
  let app: ListeningApp;

  beforeAll(async () => {
    sns = await startFakeSns({ region: "eu-west-1", credentials: { [ACCESS_KEY]: SECRET } });
    app = await startListeningApp(
      {
        HANDSET_SMS_PROVIDER: "sns",
        HANDSET_SNS_REGION: "eu-west-1",
        HANDSET_SNS_ENDPOINT: sns.endpoint,
        HANDSET_SNS_ACCESS_KEY_ID: ACCESS_KEY,
        HANDSET_SNS_SECRET_ACCESS_KEY: SECRET,
        HANDSET_SNS_SENDER_ID: "Handset",
        HANDSET_SNS_TIMEOUT_MS: "5000",
      },
      clock,
    );
  });

  afterAll(async () => {
    await app?.close();
    await sns?.close();
  });

  afterEach(() => {
    // Every request was well-formed and signed with the configured credentials.
    expect(sns.refused).toEqual([]);
  });

  it("publishes the code to the number, records SNS's MessageId, and the code verifies", async () => {
    const number = mobileNumber();
    const request = await requestCode(app, number);
    const id = request.queued.id;
    expect(request.queued).toMatchObject({ id: expect.stringMatching(/^msg_/), status: "queued" });
    expect(request.queued).toMatchObject({ provider: null, sent_at: null, receipt_at: null });

    const published = await waitFor("SNS to get the Publish", () =>
      sns.published.find((p) => p.phoneNumber === number),
    );
    const code = codeIn(published.message);
    expect(code).toBe(request.expectedCode);
    expect(published.accessKeyId).toBe(ACCESS_KEY);

    // Accepted at the commit (the app's clock has not moved); SNS sends no receipt, so it stays sent.
    const sent = await app.messageWith(id, "sent");
    expect(sent).toMatchObject({
      id,
      phone_number_id: request.phoneNumberId,
      verification_id: request.verificationId,
      to: number,
      status: "sent",
      provider: "sns",
      provider_message_id: published.messageId,
      encoding: "gsm7",
      segments: 1,
      delivery_attempts: 1,
      error: null,
      created_at: iso(start),
      sent_at: iso(start),
      receipt_at: null,
      failed_at: null,
    });

    // SNS has no callback route: nothing can claim to be its receipt.
    const callback = await fetch(`${app.url}/sms/callbacks/sns?m=${id}`, { method: "POST", body: "{}" });
    expect(callback.status).toBe(404);
    await callback.text();

    const events = await app.events(id);
    expect(events.map((e) => [e.sequence, e.type, e.createdAt, e.payload.status])).toEqual([
      [1, "sms.sent", start, "sent"],
    ]);
    expect(events[0]?.payload).toMatchObject({
      message_id: id,
      provider: "sns",
      provider_message_id: published.messageId,
    });
    expect(events[0]?.rawPayload).not.toContain(request.expectedCode);

    expect(await verifyCode(app, request, code ?? "")).toBe("verified");
    expect(await app.message(id)).toMatchObject({ status: "sent", receipt_at: null });
  });
});
