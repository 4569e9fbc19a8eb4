import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import type { WebhookPayload } from "../../src/delivery/providers/webhook/webhook-provider.js";

/** One webhook call as the receiver saw it. */
export interface ReceivedSms {
  /** The URL path called: tells which Handset process delivered (each gets its own path). */
  path: string;
  /** `webhook-id`: the outbox message id, the receiver's idempotency key. */
  messageId: string;
  to: string;
  code: string;
  verificationId: string;
  /** False when the receiver held the call unanswered (the sender never learnt it arrived). */
  answered: boolean;
  at: number;
}

export interface SmsReceiver {
  /** The webhook URL for one sender: `${base}/${name}`. */
  urlFor(name: string): string;
  /** The Standard Webhooks secret senders sign with; every call's signature is checked against it. */
  secret: string;
  received(): ReceivedSms[];
  /** Calls to this path are recorded but never answered, as if the sender hung mid-delivery. */
  hold(path: string): void;
  /** Answers after this delay, so that deliveries of several senders overlap. */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

/** A local SMS gateway stand-in for the webhook provider, on 127.0.0.1. */
export async function startSmsReceiver(): Promise<SmsReceiver> {
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  const verifier = new Webhook(secret);
  const received: ReceivedSms[] = [];
  const held = new Set<string>();
  const open = new Set<ServerResponse>();
  let delayMs = 0;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const headers = {
      "webhook-id": String(request.headers["webhook-id"]),
      "webhook-timestamp": String(request.headers["webhook-timestamp"]),
      "webhook-signature": String(request.headers["webhook-signature"]),
    };
    const payload = verifier.verify(body, headers) as WebhookPayload;
    const path = (request.url ?? "/").replace(/^\//, "");
    const entry: ReceivedSms = {
      path,
      messageId: headers["webhook-id"],
      to: payload.data.to,
      code: payload.data.code,
      verificationId: payload.data.verification_id,
      answered: !held.has(path),
      at: Date.now(),
    };
    received.push(entry);
    if (!entry.answered) {
      open.add(response);
      return;
    }
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ message_id: `gw-${entry.messageId}` }));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(400).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    urlFor: (name) => `http://127.0.0.1:${port}/${name}`,
    secret,
    received: () => [...received],
    hold: (path) => held.add(path),
    setDelay: (ms) => {
      delayMs = ms;
    },
    close: async () => {
      for (const response of open) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls `check` until it returns a value other than undefined; real processes run on real time. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
