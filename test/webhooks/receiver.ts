import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * An app's webhook receiver on 127.0.0.1: keeps what it is sent, answers `status` (200 unless set),
 * or holds the connection open while `hold` is set (a slow receiver).
 */
export async function startReceiver() {
  const received: Received[] = [];
  const held: ServerResponse[] = [];
  const state = { status: 200, hold: false };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (state.hold) {
        held.push(response);
        return;
      }
      response.writeHead(state.status, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    state,
    /** Ends the held connections (with 200). */
    release() {
      for (const response of held.splice(0)) response.writeHead(200).end("late");
    },
    async close() {
      for (const response of held.splice(0)) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What a receiver does with the standardwebhooks library: verify, then parse (throws when forged). */
export function verify(
  secret: string,
  message: Received,
): { type: string; timestamp: string; data: Record<string, unknown> } {
  return new Webhook(secret).verify(message.body, {
    "webhook-id": String(message.headers["webhook-id"]),
    "webhook-timestamp": String(message.headers["webhook-timestamp"]),
    "webhook-signature": String(message.headers["webhook-signature"]),
  }) as { type: string; timestamp: string; data: Record<string, unknown> };
}

/**
 * The signature check alone, with the library's own signing, for messages stamped by a manual clock
 * hours away from the real one (the library's `verify` also refuses a timestamp five minutes off).
 */
export function signedBy(secret: string, message: Received): boolean {
  const id = String(message.headers["webhook-id"]);
  const at = new Date(Number(message.headers["webhook-timestamp"]) * 1000);
  const expected = new Webhook(secret).sign(id, at, message.body);
  return String(message.headers["webhook-signature"]).split(" ").includes(expected);
}
