import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type VonageSignatureMethod,
  vonageSignature,
} from "../../src/delivery/providers/vonage/vonage-signature.js";
import { smsText } from "../../src/delivery/sms-text.js";

/**
 * A local Vonage SMS API (`POST /sms/json`) that checks each request against Vonage's published
 * description (github.com/Nexmo/api-specification, definitions/sms.yml, `NewMessage`): form-encoded,
 * `api_key` (8 characters), `api_secret` (6–32) or a valid `sig` but not both (status 32), `from`, `to`
 * (`\d{7,15}`, no `+`), `text`, `type` of the enum, `client-ref` of at most 40 characters, a `callback`
 * URL. It answers as Vonage does: 200 with `message-count` and one `messages` entry per part, `status`
 * "0" and a `message-id` each, or a non-zero `status` with `error-text`. Whatever breaks the
 * description lands in `problems` and is answered with status 2 or 3, as Vonage would.
 */
export interface FakeVonage {
  url: string;
  apiKey: string;
  apiSecret: string;
  signatureSecret: string;
  /** Every request's form parameters, in order. */
  requests: Record<string, string>[];
  /** Where a request departed from the published description. */
  problems: string[];
  /** The answer to the next request (then back to accepting). */
  next(reply: FakeVonageReply): void;
  /** Calls the `callback` of an accepted request with a receipt for one of its parts. */
  sendReceipt(options: ReceiptOptions): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

export type FakeVonageReply =
  | { kind: "status"; status: string; errorText: string }
  | { kind: "partial"; failedStatus: string }
  | { kind: "http"; status: number; body: string; headers?: Record<string, string> }
  | { kind: "garbage" }
  | { kind: "hang" };

export interface ReceiptOptions {
  /** The accepted request (from `requests`) whose receipt this is. */
  request: Record<string, string>;
  status: "delivered" | "expired" | "failed" | "rejected" | "accepted" | "buffered" | "unknown";
  errCode?: string;
  /** Which part's message id (0-based). */
  part?: number;
  /** The account's webhook format. */
  as?: "GET" | "POST-JSON" | "POST-form";
  /** Signs it as Vonage does for accounts with signed webhooks; a different secret forges it. */
  sign?: { secret: string; method: VonageSignatureMethod };
  /** Overrides fields after signing (tampering). */
  tamper?: Record<string, string>;
}

const API_KEY = "a1b2c3d4";
const API_SECRET = "s3cr3tApiSecret1";
const SIGNATURE_SECRET = "sig-secret-for-tests-0123456789";

export async function startFakeVonage(
  options: { signatureMethod?: VonageSignatureMethod } = {},
): Promise<FakeVonage> {
  const method = options.signatureMethod ?? "md5hash";
  const requests: Record<string, string>[] = [];
  const problems: string[] = [];
  const messageIds = new Map<Record<string, string>, string[]>();
  let pending: FakeVonageReply | null = null;
  let counter = 0;

  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const reply = pending;
    pending = null;
    if (request.method !== "POST" || new URL(request.url ?? "/", "http://x").pathname !== "/sms/json") {
      problems.push(`${request.method} ${request.url}: not the send operation`);
      response.writeHead(404).end();
      return;
    }
    if (!(request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded"))
      problems.push(`content-type ${request.headers["content-type"]}: NewMessage is form-encoded`);
    const params = Object.fromEntries(new URLSearchParams(body));
    requests.push(params);
    if (reply?.kind === "hang") return;
    const json = (value: unknown) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(value));
    };
    const refuse = (status: string, errorText: string) =>
      json({ "message-count": "1", messages: [{ status, "error-text": errorText }] });

    const problem = checkNewMessage(params, method);
    if (problem !== null) {
      problems.push(problem.text);
      refuse(problem.status, problem.text);
      return;
    }
    if (reply?.kind === "http") {
      response.writeHead(reply.status, { "content-type": "text/html", ...reply.headers });
      response.end(reply.body);
      return;
    }
    if (reply?.kind === "garbage") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end("<html>Service Unavailable</html>");
      return;
    }
    if (reply?.kind === "status") {
      refuse(reply.status, reply.errorText);
      return;
    }
    const parts = smsText(params.text ?? "").segments;
    const ids = Array.from({ length: parts }, () => `0A00000${String(++counter).padStart(9, "0")}`);
    messageIds.set(params, ids);
    json({
      "message-count": String(parts),
      messages: ids.map((id, i) => {
        const failed = reply?.kind === "partial" && i > 0;
        return failed
          ? { status: reply.failedStatus, "error-text": "Throttled" }
          : {
              to: params.to,
              "message-id": id,
              status: "0",
              "remaining-balance": "3.14159265",
              "message-price": "0.03330000",
              network: "22801",
              ...(params["client-ref"] ? { "client-ref": params["client-ref"] } : {}),
            };
      }),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  function checkNewMessage(
    p: Record<string, string>,
    signatureMethod: VonageSignatureMethod,
  ): { status: string; text: string } | null {
    for (const name of ["api_key", "from", "to", "text"])
      if (!p[name]) return { status: "2", text: `Missing ${name} param` };
    const text = p.text ?? "";
    if ((p.api_key ?? "").length !== 8) return { status: "3", text: "api_key must be 8 characters" };
    if (p.api_secret !== undefined && p.sig !== undefined)
      return { status: "32", text: "Signature and api secret disallowed" };
    if (p.api_secret === undefined && p.sig === undefined)
      return { status: "2", text: "Missing api_secret param" };
    if (p.api_key !== API_KEY) return { status: "4", text: "Bad Credentials" };
    if (p.api_secret !== undefined) {
      if (p.api_secret.length < 6 || p.api_secret.length > 32)
        return { status: "3", text: "api_secret must be 6 to 32 characters" };
      if (p.api_secret !== API_SECRET) return { status: "4", text: "Bad Credentials" };
    }
    if (p.sig !== undefined) {
      if (!p.timestamp || !/^\d+$/.test(p.timestamp)) return { status: "14", text: "Missing timestamp" };
      if (vonageSignature(p, SIGNATURE_SECRET, signatureMethod) !== p.sig.toLowerCase())
        return { status: "14", text: "Invalid Signature" };
    }
    if (!/^\d{7,15}$/.test(p.to ?? "")) return { status: "3", text: "Invalid to param: \\d{7,15}" };
    if (p.type !== undefined && !["text", "binary", "wappush", "unicode", "vcal", "vcard"].includes(p.type))
      return { status: "3", text: "Invalid type param" };
    if (p.type !== "unicode" && smsText(text).encoding !== "gsm7")
      return { status: "3", text: "text outside the GSM alphabet needs type=unicode" };
    if (p["client-ref"] !== undefined && p["client-ref"].length > 40)
      return { status: "3", text: "client-ref longer than 40 characters" };
    if (p["status-report-req"] !== undefined && !["0", "1", "true", "false"].includes(p["status-report-req"]))
      return { status: "3", text: "status-report-req is a boolean" };
    if (p.callback !== undefined && !URL.canParse(p.callback))
      return { status: "23", text: "Invalid Callback Url" };
    const known = new Set([
      ...["api_key", "api_secret", "sig", "timestamp", "from", "to", "text", "ttl", "status-report-req"],
      ...["callback", "message-class", "type", "client-ref", "account-ref", "entity_id", "content_id"],
    ]);
    for (const name of Object.keys(p))
      if (!known.has(name)) return { status: "3", text: `Unknown param ${name}` };
    return null;
  }

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    signatureSecret: SIGNATURE_SECRET,
    requests,
    problems,
    next(reply) {
      pending = reply;
    },
    async sendReceipt(o) {
      const callback = o.request.callback;
      if (!callback) throw new Error("that request asked for no receipt");
      const ids = messageIds.get(o.request) ?? [];
      let fields: Record<string, string> = {
        msisdn: o.request.to ?? "",
        to: o.request.from ?? "",
        "network-code": "22801",
        messageId: ids[o.part ?? 0] ?? "0A00000000000000",
        price: "0.03330000",
        status: o.status,
        scts: "2601011200",
        "err-code": o.errCode ?? (o.status === "delivered" ? "0" : "1"),
        "api-key": API_KEY,
        "client-ref": o.request["client-ref"] ?? "",
        "message-timestamp": "2026-01-01 12:00:05",
      };
      if (o.sign) {
        fields.timestamp = "1767268805";
        fields.nonce = "ec11dd3e-1e7f-4db5-9467-82b02cd223b9";
        fields.sig = vonageSignature(fields, o.sign.secret, o.sign.method).toUpperCase();
      }
      fields = { ...fields, ...o.tamper };
      const as = o.as ?? "POST-JSON";
      let response: Response;
      if (as === "GET") {
        const url = new URL(callback);
        for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
        response = await fetch(url);
      } else {
        response = await fetch(callback, {
          method: "POST",
          headers: {
            "content-type": as === "POST-JSON" ? "application/json" : "application/x-www-form-urlencoded",
          },
          body: as === "POST-JSON" ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
        });
      }
      return { status: response.status, body: await response.text() };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
