import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/domain/clock.js";
import { mobileNumber } from "../support/harness.js";
import {
  codeIn,
  type ListeningApp,
  requestCode,
  startListeningApp,
  verifyCode,
} from "../support/listening-app.js";
import { NET_SMPP_MISSING, noteSmscSkipped, type ScriptedSmsc, startSmsc } from "../support/smsc.js";

noteSmscSkipped("SMPP end to end through the app");

const iso = (ms: number) => new Date(ms).toISOString();
const field = (line: string, key: string) => new RegExp(`(?:^| )${key}=(\\S*)`).exec(line)?.[1];

describe.skipIf(NET_SMPP_MISSING)(
  "SMPP end to end: the app submits a code to a Net::SMPP SMSC, whose deliver_sm receipt comes back",
  () => {
    const start = Date.UTC(2026, 0, 1, 12);
    const clock = new ManualClock(start);
    let smsc: ScriptedSmsc;
    let app: ListeningApp;

    beforeAll(async () => {
      smsc = await startSmsc();
      app = await startListeningApp(
        {
          HANDSET_SMS_PROVIDER: "smpp",
          HANDSET_SMPP_HOST: "127.0.0.1",
          HANDSET_SMPP_PORT: String(smsc.port),
          HANDSET_SMPP_SYSTEM_ID: "handset",
          HANDSET_SMPP_PASSWORD: smsc.password,
          HANDSET_SMPP_SYSTEM_TYPE: "otp",
          HANDSET_SMPP_SOURCE_ADDR: "Handset",
          HANDSET_SMPP_RESPONSE_TIMEOUT_MS: "3000",
        },
        clock,
      );
      // The server binds as it starts delivering (startDelivery), before any code is asked for.
      expect(await smsc.waitFor(/^bound /)).toContain("system_id=handset system_type=otp status=0x00");
    });

    afterAll(async () => {
      await app?.close();
      await smsc?.close();
    });

    it("submits the code, records the SMSC's message id, takes its later deliver_sm, and the code verifies", async () => {
      // The SMSC answers the submit_sm at once and keeps the receipt until the handset "answers".
      await smsc.control("next_submit hold_receipt");
      const from = smsc.lines().length;
      const number = mobileNumber();
      const request = await requestCode(app, number);
      const id = request.queued.id;
      expect(request.queued).toMatchObject({ id: expect.stringMatching(/^msg_/), status: "queued" });
      expect(request.queued).toMatchObject({ provider: null, sent_at: null, receipt_at: null });

      // The SMSC got the code: GSM 03.38 text (digits and letters as in ASCII), asking for a receipt.
      const submit = await smsc.waitFor(/^submit_sm /, { from });
      expect(field(submit, "behaviour")).toBe("hold_receipt");
      expect(field(submit, "dest")).toBe(number.slice(1));
      expect(field(submit, "source")).toBe("Handset");
      expect(field(submit, "registered_delivery")).toBe("1");
      expect(field(submit, "data_coding")).toBe("0");
      const text = Buffer.from(field(submit, "hex") ?? "", "hex").toString("latin1");
      const code = codeIn(text);
      expect(code).toBe(request.expectedCode);
      const smscId = field(await smsc.waitFor(/^submit_sm_resp /, { from }), "id");
      expect(smscId).toMatch(/^smsc\d{6}$/);

      // Accepted at the commit (the app's clock has not moved), with the SMSC's message id.
      const sent = await app.messageWith(id, "sent");
      expect(sent).toMatchObject({
        provider: "smpp",
        provider_message_id: smscId,
        created_at: iso(start),
        sent_at: iso(start),
        receipt_at: null,
      });

      // Five seconds on, the SMSC sends its DELIVRD receipt over the bind; the app answers
      // deliver_sm_resp only once the receipt is recorded, and stamps it with its own clock.
      clock.advance(5_000);
      await smsc.control("release_receipts");
      expect(await smsc.waitFor(/^deliver_sm /, { from })).toBe(`deliver_sm id=${smscId} stat=DELIVRD`);
      expect(await smsc.waitFor(/^deliver_sm_resp /, { from })).toBe("deliver_sm_resp status=0");
      expect(await app.message(id)).toMatchObject({
        id,
        phone_number_id: request.phoneNumberId,
        verification_id: request.verificationId,
        to: number,
        status: "delivered",
        provider: "smpp",
        provider_message_id: smscId,
        encoding: "gsm7",
        segments: 1,
        delivery_attempts: 1,
        error: null,
        created_at: iso(start),
        sent_at: iso(start),
        receipt_at: iso(start + 5_000),
        failed_at: null,
      });

      const events = await app.events(id);
      expect(events.map((e) => [e.sequence, e.type, e.createdAt, e.payload.status])).toEqual([
        [1, "sms.sent", start, "sent"],
        [2, "sms.delivered", start + 5_000, "delivered"],
      ]);
      expect(events[1]?.payload).toMatchObject({
        message_id: id,
        provider: "smpp",
        provider_message_id: smscId,
        error: null,
      });
      for (const event of events) expect(event.rawPayload).not.toContain(request.expectedCode);

      expect(await verifyCode(app, request, code ?? "")).toBe("verified");
    });

    it("keeps a receipt that overtakes the submit_sm_resp, and the send recorded after it does not undo it", async () => {
      // The SMSC sends deliver_sm before it answers the submit_sm: the receipt races the acceptance.
      await smsc.control("next_submit receipt_first");
      const from = smsc.lines().length;
      const at = clock.now();
      const request = await requestCode(app, mobileNumber());
      const id = request.queued.id;
      const smscId = field(await smsc.waitFor(/^submit_sm_resp /, { from }), "id");
      expect(await smsc.waitFor(/^deliver_sm_resp /, { from })).toBe("deliver_sm_resp status=0");
      const order = ["deliver_sm", "submit_sm_resp", "deliver_sm_resp"];
      const seen = smsc
        .lines()
        .slice(from)
        .map((l) => l.split(" ")[0]);
      expect(seen.filter((name) => order.includes(name ?? ""))).toEqual(order);

      await app.t.dispatcher.idle();
      expect(await app.message(id)).toMatchObject({
        status: "delivered",
        provider: "smpp",
        provider_message_id: smscId,
        sent_at: iso(at),
        receipt_at: iso(at),
        error: null,
      });
      const events = await app.events(id);
      expect(events.map((e) => [e.sequence, e.type, e.payload.status])).toEqual([
        [1, "sms.sent", "sent"],
        [2, "sms.delivered", "delivered"],
      ]);
      // Written when the receipt was kept, before the send was: it still names who delivered.
      expect(events[1]?.payload).toMatchObject({ provider: "smpp", provider_message_id: smscId });
    });
  },
);
