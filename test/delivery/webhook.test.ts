import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SmsDeliveryError, type SmsMessage, type SmsProvider } from "../../src/delivery/provider.js";
import {
  createWebhookProvider,
  type WebhookPayload,
} from "../../src/delivery/providers/webhook/webhook-provider.js";
import { ManualClock } from "../../src/domain/clock.js";
import { deriveCode } from "../../src/domain/code.js";
import { systemCaller } from "../../src/services/caller.js";
import { createTestApp, mobileNumber, TEST_KEYRING } from "../support/harness.js";

interface Received {
  method: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Reply {
  status: number;
  body?: string;
  /** Never answer, to exercise the provider's timeout. */
  hang?: boolean;
}

const secret = `whsec_${randomBytes(24).toString("base64")}`;

const message: SmsMessage = {
  id: "msg_01TEST",
  tenantId: "default",
  to: "+41781234567",
  body: "123456 is your Handset verification code. It expires in 10 minutes. Do not share it with anyone.",
  code: "123456",
  verificationId: "vf_01TEST",
  createdAt: Date.UTC(2026, 0, 1),
  encoding: "gsm7",
  segments: 1,
};

describe("webhook SMS provider", () => {
  let server: Server;
  let url: string;
  let received: Received[] = [];
  let reply: Reply = { status: 200 };

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received.push({
          method: request.method,
          headers: request.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        });
        if (reply.hang) return;
        response.writeHead(reply.status, { "content-type": "application/json" });
        response.end(reply.body ?? "");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    received = [];
    reply = { status: 200 };
  });

  // Standard Webhooks receivers refuse timestamps more than five minutes off, so the real time is used.
  const provider = (options: { url?: string; timeoutMs?: number } = {}): SmsProvider =>
    createWebhookProvider({
      url: options.url ?? url,
      secret,
      timeoutMs: options.timeoutMs ?? 5_000,
      now: () => Date.now(),
    });

  /** The headers a stock Standard Webhooks library reads. */
  function signatureHeaders(headers: IncomingHttpHeaders): Record<string, string> {
    return {
      "webhook-id": String(headers["webhook-id"]),
      "webhook-timestamp": String(headers["webhook-timestamp"]),
      "webhook-signature": String(headers["webhook-signature"]),
    };
  }

  it("POSTs JSON signed so that the stock standardwebhooks library verifies it", async () => {
    reply = { status: 200, body: JSON.stringify({ id: "x" }) };
    const receipt = await provider().send(message);
    expect(receipt.providerMessageId).toBe("x");

    expect(received).toHaveLength(1);
    const [request] = received;
    if (!request) throw new Error("no request received");
    expect(request.method).toBe("POST");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["webhook-id"]).toBe(message.id);
    expect(request.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    const timestamp = Number(request.headers["webhook-timestamp"]);
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(60);

    const verified = new Webhook(secret).verify(request.body, signatureHeaders(request.headers));
    const payload = verified as WebhookPayload;
    expect(payload.type).toBe("sms.verification_code");
    expect(payload.data).toEqual({
      id: message.id,
      tenant_id: message.tenantId,
      to: message.to,
      body: message.body,
      code: message.code,
      verification_id: message.verificationId,
    });
  });

  it("is refused by the receiver when the body was tampered with, or the secret differs", async () => {
    await provider().send(message);
    const [request] = received;
    if (!request) throw new Error("no request received");
    const headers = signatureHeaders(request.headers);
    const tampered = request.body.replace(message.to, "+41790000000");
    expect(tampered).not.toBe(request.body);
    expect(() => new Webhook(secret).verify(tampered, headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(request.body, { ...headers, "webhook-id": "msg_other" })).toThrow(
      WebhookVerificationError,
    );
    const otherSecret = `whsec_${randomBytes(24).toString("base64")}`;
    expect(() => new Webhook(otherSecret).verify(request.body, headers)).toThrow(WebhookVerificationError);
  });

  it("reads the receiver's message id from `id` or `message_id`, and accepts an empty 2xx", async () => {
    reply = { status: 202, body: JSON.stringify({ message_id: "gw-42" }) };
    expect((await provider().send(message)).providerMessageId).toBe("gw-42");
    reply = { status: 204 };
    expect((await provider().send(message)).providerMessageId).toBeNull();
    reply = { status: 200, body: "accepted" };
    expect((await provider().send(message)).providerMessageId).toBeNull();
    reply = { status: 200, body: JSON.stringify({ id: 42 }) };
    expect((await provider().send(message)).providerMessageId).toBeNull();
  });

  /** Sends and returns the delivery error, failing the test when the send succeeded. */
  async function failure(p: SmsProvider): Promise<SmsDeliveryError> {
    const error: unknown = await p.send(message).then(
      () => new Error("expected the send to fail"),
      (e: unknown) => e,
    );
    if (!(error instanceof SmsDeliveryError)) throw error;
    return error;
  }

  it.each([500, 502, 503, 408, 429])("treats %i as retryable", async (status) => {
    reply = { status, body: "{}" };
    const error = await failure(provider());
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(String(status));
  });

  it.each([400, 401, 403, 404, 422])("treats %i as final", async (status) => {
    reply = { status, body: JSON.stringify({ error: "no" }) };
    const error = await failure(provider());
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(String(status));
  });

  it("treats an unreachable receiver as retryable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(provider({ url: `http://127.0.0.1:${port}/sms` }));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/unreachable/);
  });

  it("delivers an app's code through the dispatcher, signed and with the receiver's id kept", async () => {
    reply = { status: 200, body: JSON.stringify({ id: "gw-1" }) };
    // The receiver checks the signature's timestamp against its own clock, so the app's starts now.
    const t = await createTestApp({
      clock: new ManualClock(Date.now()),
      runDispatcher: false,
      env: { HANDSET_SMS_PROVIDER: "webhook", HANDSET_WEBHOOK_URL: url, HANDSET_WEBHOOK_SECRET: secret },
    });
    try {
      expect(t.inbox).toBeNull();
      const caller = systemCaller(t.config.defaultTenant);
      const user = await t.handset.users.create(caller, {});
      const number = mobileNumber();
      const added = await t.handset.phoneNumbers.add(caller, { userId: user.id, phoneNumber: number });
      const sent = await t.handset.verification.send(caller, added.phoneNumber.id);
      expect(await t.dispatcher.runOnce()).toBe(1);

      const [request] = received;
      if (!request) throw new Error("no request received");
      const payload = new Webhook(secret).verify(
        request.body,
        signatureHeaders(request.headers),
      ) as WebhookPayload;
      expect(payload.data.to).toBe(number);
      expect(payload.data.verification_id).toBe(sent.verification.id);
      expect(payload.data.code).toBe(deriveCode(TEST_KEYRING.active, sent.verification.id, 6));
      expect(payload.data.body).toContain(payload.data.code);

      const row = await t.store.db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
      expect(request.headers["webhook-id"]).toBe(row.id);
      expect(row).toMatchObject({ status: "sent", provider: "webhook", provider_message_id: "gw-1" });
    } finally {
      await t.close();
    }
  });

  it("gives up on a receiver that does not answer within the timeout, as retryable", async () => {
    reply = { status: 200, hang: true };
    const error = await failure(provider({ timeoutMs: 150 }));
    expect(error.retryable).toBe(true);
    expect(received).toHaveLength(1);
  });
});
