import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CallbackRequest,
  SmsDeliveryError,
  type SmsMessage,
  type SmsProvider,
} from "../../src/delivery/provider.js";
import { createKannelProvider } from "../../src/delivery/providers/kannel/kannel-provider.js";
import { deriveCode } from "../../src/domain/code.js";
import { systemCaller } from "../../src/services/caller.js";
import { createTestApp, mobileNumber, TEST_KEYRING, type TestApp } from "../support/harness.js";
import {
  KANNEL_MISSING,
  type KannelGateway,
  noteKannelSkipped,
  startKannel,
  until,
} from "../support/kannel.js";
import { testProviderContext, testSms } from "../support/provider-context.js";

noteKannelSkipped("Kannel SMS provider against a real Kannel");

describe.skipIf(KANNEL_MISSING.length > 0)(
  "Kannel SMS provider against a real Kannel (bearerbox, smsbox, fakesmsc)",
  () => {
    let kannel: KannelGateway;

    beforeAll(async () => {
      kannel = await startKannel();
    }, 40_000);

    afterAll(async () => {
      await kannel?.close();
    }, 20_000);

    const env = (overrides: Record<string, string> = {}): Record<string, string> => ({
      HANDSET_SMS_PROVIDER: "kannel",
      HANDSET_KANNEL_SENDSMS_URL: kannel.sendsmsUrl,
      HANDSET_KANNEL_USERNAME: kannel.username,
      HANDSET_KANNEL_PASSWORD: kannel.password,
      HANDSET_KANNEL_FROM: "Handset",
      HANDSET_KANNEL_TIMEOUT_MS: "5000",
      ...overrides,
    });

    /** Adds a number and sends it a code, leaving the message in the outbox; returns the number and code. */
    async function queueCode(t: TestApp): Promise<{ number: string; code: string }> {
      const caller = systemCaller(t.config.defaultTenant);
      const user = await t.handset.users.create(caller, {});
      const number = mobileNumber();
      const added = await t.handset.phoneNumbers.add(caller, { userId: user.id, phoneNumber: number });
      const sent = await t.handset.verification.send(caller, added.phoneNumber.id);
      return { number, code: deriveCode(TEST_KEYRING.active, sent.verification.id, 6) };
    }

    const outboxRow = (t: TestApp) => t.store.db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();

    it("delivers the app's code through smsbox and bearerbox to the SMSC", async () => {
      const t = await createTestApp({ runDispatcher: false, env: env() });
      try {
        expect(t.inbox).toBeNull();
        const { number, code } = await queueCode(t);
        expect(await t.dispatcher.runOnce()).toBe(1);
        const line = await kannel.waitForMessage([number, code]);
        // fakesmsc prints `<from to coding text>`: the sender, the E.164 number, GSM 7-bit text with the code.
        expect(line).toMatch(
          new RegExp(`<Handset \\${number} text ${code} is your Handset verification code`),
        );
        const row = await outboxRow(t);
        expect(row).toMatchObject({
          status: "sent",
          provider: "kannel",
          provider_message_id: null,
          delivery_attempts: 1,
        });
      } finally {
        await t.close();
      }
    });

    it("tells Kannel to send UCS-2 when the text leaves the GSM alphabet, and the SMSC gets it intact", async () => {
      const provider = createKannelProvider(
        {
          sendsmsUrl: kannel.sendsmsUrl,
          username: kannel.username,
          password: kannel.password,
          from: "Handset",
          timeoutMs: 5_000,
          dlrMask: 0,
        },
        testProviderContext("kannel"),
      );
      const number = mobileNumber();
      const message: SmsMessage = {
        id: "msg_ucs2",
        tenantId: "default",
        to: number,
        body: "你的验证码 482913",
        code: "482913",
        verificationId: "vf_ucs2",
        createdAt: Date.now(),
        encoding: "ucs2",
        segments: 1,
      };
      expect(await provider.send(message)).toEqual({ providerMessageId: null });
      // UCS-2, big-endian, URL-encoded by fakesmsc: 你 is U+4F60 (`O%60`), each digit `%00` then the digit.
      const line = await kannel.waitForMessage([number, "ucs-2"]);
      expect(line).toContain("O%60");
      expect(line).toContain("%004%008%002%009%001%003");
    });

    it("asks for receipts, and the fake SMSC's final 'delivered' report comes back through the dlr-url", async () => {
      // Handset's callback route, reduced to what it does: rebuild the URL from the public URL and hand
      // the request to the provider, answering what it answers.
      const requests: CallbackRequest[] = [];
      let provider: SmsProvider | undefined;
      const server = createServer((incoming, outgoing) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () => {
          const request: CallbackRequest = {
            method: incoming.method ?? "GET",
            url: `https://handset.test${incoming.url ?? "/"}`,
            headers: Object.fromEntries(
              Object.entries(incoming.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : v]),
            ),
            body: Buffer.concat(chunks).toString("utf8"),
          };
          requests.push(request);
          void provider?.handleCallback?.(request).then((answer) => {
            outgoing.writeHead(answer.status, { "content-type": answer.contentType ?? "text/plain" });
            outgoing.end(answer.body ?? "");
          });
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      try {
        const port = (server.address() as AddressInfo).port;
        const context = testProviderContext("kannel", { publicUrl: `http://127.0.0.1:${port}` });
        provider = createKannelProvider(
          {
            sendsmsUrl: kannel.sendsmsUrl,
            username: kannel.username,
            password: kannel.password,
            from: "Handset",
            timeoutMs: 5_000,
            dlrMask: 19,
          },
          context,
        );
        const message = testSms({ to: mobileNumber() });
        const sentAt = Math.floor(Date.now() / 1000) * 1000;
        expect(await provider.send(message)).toEqual({ providerMessageId: null });
        await kannel.waitForMessage([message.to]);
        await until("the delivery report", async () => (context.reports.length > 0 ? true : undefined));

        expect(context.reports).toEqual([
          {
            messageId: message.id,
            providerMessageId: null,
            status: "delivered",
            error: null,
            at: expect.any(Number),
          },
        ]);
        expect(context.reports[0]?.at).toBeGreaterThanOrEqual(sentAt);
        // One GET from smsbox, to our callback path, with Kannel's escapes filled in: type 1 from smsc `fake`.
        expect(requests).toHaveLength(1);
        const [request] = requests;
        expect(request?.method).toBe("GET");
        const url = new URL(request?.url ?? "");
        expect(url.pathname).toBe("/sms/callbacks/kannel");
        expect(url.searchParams.get("m")).toBe(message.id);
        expect(url.searchParams.get("status")).toBe("1");
        expect(url.searchParams.get("smsc_id")).toBe("fake");
        expect(url.searchParams.get("ts")).toMatch(/^\d+$/);
        expect(request?.headers["user-agent"]).toMatch(/^Kannel\//);
      } finally {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });

    it("fails the message for good when Kannel refuses the credentials (403), sending nothing", async () => {
      const t = await createTestApp({ runDispatcher: false, env: env({ HANDSET_KANNEL_PASSWORD: "wrong" }) });
      try {
        const before = kannel.fakesmscOutput();
        const { number } = await queueCode(t);
        expect(await t.dispatcher.runOnce()).toBe(1);
        const row = await outboxRow(t);
        expect(row).toMatchObject({ status: "failed", delivery_attempts: 1, locked_until: null });
        expect(row.last_error).toContain("403");
        expect(row.last_error).toContain("Authorization failed");
        expect(row.last_error).not.toContain("wrong");
        // No retry is due: a later pass finds nothing to send.
        t.clock.advance(60 * 60_000);
        expect(await t.dispatcher.runOnce()).toBe(0);
        expect(kannel.fakesmscOutput().slice(before.length)).not.toContain(number);
      } finally {
        await t.close();
      }
    });

    it("reschedules the message while smsbox is down, and delivers it once smsbox is back", async () => {
      const t = await createTestApp({ runDispatcher: false, env: env() });
      try {
        await kannel.stopSmsbox();
        const { number, code } = await queueCode(t);
        expect(await t.dispatcher.runOnce()).toBe(1);
        const row = await outboxRow(t);
        expect(row).toMatchObject({ status: "pending", delivery_attempts: 1, locked_until: null });
        expect(row.next_attempt_at).toBeGreaterThan(t.clock.now());
        expect(row.last_error).toMatch(/kannel unreachable: ECONNREFUSED/);
        expect(row.last_error).not.toContain(number);

        await kannel.startSmsbox();
        t.clock.set(row.next_attempt_at);
        expect(await t.dispatcher.runOnce()).toBe(1);
        await kannel.waitForMessage([number, code]);
        expect(await outboxRow(t)).toMatchObject({ status: "sent", delivery_attempts: 2 });
      } finally {
        await t.close();
      }
    }, 30_000);

    it("a provider error names no password, number or code", async () => {
      const provider = createKannelProvider(
        {
          sendsmsUrl: kannel.sendsmsUrl,
          username: kannel.username,
          password: "not-the-password",
          from: undefined,
          timeoutMs: 5_000,
          dlrMask: 0,
        },
        testProviderContext("kannel"),
      );
      const error: unknown = await provider
        .send({
          id: "m",
          tenantId: "default",
          to: "+33612345678",
          body: "654321 is your code",
          code: "654321",
          verificationId: "v",
          createdAt: Date.now(),
          encoding: "gsm7",
          segments: 1,
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SmsDeliveryError);
      const failure = error as SmsDeliveryError;
      expect(failure.retryable).toBe(false);
      for (const secret of ["not-the-password", "612345678", "654321"])
        expect(failure.message).not.toContain(secret);
    });
  },
);
