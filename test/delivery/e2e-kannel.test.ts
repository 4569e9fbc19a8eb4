import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/domain/clock.js";
import { mobileNumber } from "../support/harness.js";
import { KANNEL_MISSING, type KannelGateway, noteKannelSkipped, startKannel } from "../support/kannel.js";
import {
  codeIn,
  type ListeningApp,
  requestCode,
  startListeningApp,
  verifyCode,
} from "../support/listening-app.js";

noteKannelSkipped("Kannel end to end through the app");

const iso = (ms: number) => new Date(ms).toISOString();

describe.skipIf(KANNEL_MISSING.length > 0)(
  "Kannel end to end: the app sends a code through smsbox and bearerbox to fakesmsc; smsbox calls the dlr-url",
  () => {
    // Kannel stamps its reports with its own (real) time, in whole seconds: the app's clock starts at
    // the whole second now, so that a report is never stamped before the send it reports on.
    const start = Math.floor(Date.now() / 1000) * 1000;
    const clock = new ManualClock(start);
    let kannel: KannelGateway;
    let app: ListeningApp;

    beforeAll(async () => {
      kannel = await startKannel();
      app = await startListeningApp(
        {
          HANDSET_SMS_PROVIDER: "kannel",
          HANDSET_KANNEL_SENDSMS_URL: kannel.sendsmsUrl,
          HANDSET_KANNEL_USERNAME: kannel.username,
          HANDSET_KANNEL_PASSWORD: kannel.password,
          HANDSET_KANNEL_FROM: "Handset",
          HANDSET_KANNEL_TIMEOUT_MS: "5000",
        },
        clock,
      );
    }, 40_000);

    afterAll(async () => {
      await app?.close();
      await kannel?.close();
    }, 20_000);

    it("delivers the code to the SMSC, and Kannel's own 'delivered' report marks it delivered; the code verifies", async () => {
      const number = mobileNumber();
      const request = await requestCode(app, number);
      const id = request.queued.id;
      expect(request.queued).toMatchObject({ id: expect.stringMatching(/^msg_/), status: "queued" });
      expect(request.queued).toMatchObject({ provider: null, sent_at: null, receipt_at: null });

      // fakesmsc prints `<from to coding text>`: the sender, the E.164 number and the GSM text.
      const line = await kannel.waitForMessage([number]);
      const text = /<Handset \+\d+ text (.*)>/.exec(line)?.[1] ?? "";
      const code = codeIn(text);
      expect(code).toBe(request.expectedCode);

      // Nobody calls the app: smsbox gets the SMSC's final report from bearerbox and GETs the dlr-url
      // the app gave with the message, by itself. Kannel has no message id of its own to give.
      const delivered = await app.messageWith(id, "delivered");
      const realEnd = Date.now();
      expect(delivered).toMatchObject({
        id,
        phone_number_id: request.phoneNumberId,
        verification_id: request.verificationId,
        to: number,
        status: "delivered",
        provider: "kannel",
        provider_message_id: null,
        encoding: "gsm7",
        segments: 1,
        delivery_attempts: 1,
        error: null,
        created_at: iso(start),
        // Accepted at the commit: the app's clock has not moved.
        sent_at: iso(start),
        failed_at: null,
      });
      // The receipt's time is Kannel's `ts` (%T): a whole second, between the send and now.
      const receiptAt = Date.parse(delivered.receipt_at ?? "");
      expect(receiptAt % 1000).toBe(0);
      expect(receiptAt).toBeGreaterThanOrEqual(start);
      expect(receiptAt).toBeLessThanOrEqual(realEnd);

      const events = await app.events(id);
      expect(events.map((e) => [e.sequence, e.type, e.createdAt, e.payload.status])).toEqual([
        [1, "sms.sent", start, "sent"],
        [2, "sms.delivered", receiptAt, "delivered"],
      ]);
      expect(events[1]?.payload).toMatchObject({ message_id: id, provider: "kannel", error: null });
      for (const event of events) expect(event.rawPayload).not.toContain(request.expectedCode);

      expect(await verifyCode(app, request, code ?? "")).toBe("verified");
    });
  },
);
