import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { performance } from "node:perf_hooks";
import { isLocalHostName, isPrivateAddress } from "./address-guard.js";

/** One signed POST to a receiver. */
export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** What became of it: a status code, or an error before any (refused, unreachable, timed out). */
export interface WebhookResponse {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface SenderOptions {
  /** The whole request, connection to last byte of the answer; the attempt fails after it. */
  timeoutMs: number;
  /** Loopback and private addresses are refused unless true (docs/webhooks.md, "Private networks"). */
  allowPrivateNetworks: boolean;
}

/** How much of an answer is read (and thrown away): a receiver is not to stream into Handset. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * A DNS lookup that refuses private addresses: the address checked is the one connected to, so a name
 * that resolves to a public address when the endpoint is registered and to a private one later (DNS
 * rebinding) is refused as well.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) {
      callback(error, "", 4);
      return;
    }
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused || addresses.length === 0) {
      const reason = refused
        ? `${hostname} resolves to a private address (${refused.address})`
        : "no address";
      callback(Object.assign(new Error(reason), { code: "EPRIVATE" }), "", 4);
      return;
    }
    if (options.all) {
      (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return;
    }
    const first = addresses[0] as LookupAddress;
    callback(null, first.address, first.family);
  });
};

/** POSTs a webhook and says what the receiver answered; never throws. */
export async function sendWebhook(options: SenderOptions, request: WebhookRequest): Promise<WebhookResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { statusCode: null, error: "not a URL", durationMs: 0 };
  }
  if (!options.allowPrivateNetworks && (isLocalHostName(url.hostname) || isPrivateAddress(url.hostname))) {
    return { statusCode: null, error: `${url.hostname} is a private address`, durationMs: 0 };
  }
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<WebhookResponse>((resolve) => {
    let settled = false;
    const settle = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ statusCode, error, durationMs: elapsed() });
    };
    const outgoing = send(url, {
      method: "POST",
      headers: {
        ...request.headers,
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(request.body)),
        "user-agent": "Handset-Webhooks/1",
      },
      ...(options.allowPrivateNetworks ? {} : { lookup: publicOnlyLookup }),
    });
    // A timer of real time: the receiver is on the network, whatever clock the service runs on.
    const timer = setTimeout(() => {
      const reason = `timed out after ${options.timeoutMs} ms`;
      settle(null, reason);
      outgoing.destroy(new Error(reason));
    }, options.timeoutMs);
    outgoing.on("error", (error) => settle(null, error.message.slice(0, 300)));
    outgoing.on("response", (answer: IncomingMessage) => {
      let read = 0;
      answer.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_ANSWER_BYTES) answer.destroy();
      });
      answer.on("close", () => settle(answer.statusCode ?? null, null));
      answer.on("error", () => settle(answer.statusCode ?? null, null));
    });
    outgoing.end(request.body);
  });
}
