import type {
  CallbackAnswer,
  CallbackRequest,
  DeliveryReport,
  ProviderContext,
  ReceiptStatus,
} from "../../provider.js";

/**
 * Kannel's delivery report types (`dlr-mask` bits, `%d` of a dlr-url), from the Kannel 1.4 user guide
 * ("Delivery Reports") and `gw/dlr.h`. 4 (buffered) and 8 (handed to the SMSC) are intermediate.
 * Newer Kannels also send 34 (0x20|2, expired) and 66 (0x40|2, unknown): both carry the failure bit.
 */
export const KANNEL_DLR = {
  delivered: 1,
  undelivered: 2,
  buffered: 4,
  smscAccepted: 8,
  smscRejected: 16,
} as const;

/** Delivered, undelivered and SMSC reject: the final states, and nothing that costs a request per message. */
export const DEFAULT_KANNEL_DLR_MASK =
  KANNEL_DLR.delivered | KANNEL_DLR.undelivered | KANNEL_DLR.smscRejected;

/**
 * The escapes smsbox fills in when it fetches a dlr-url (user guide, "Parameters (Escape Codes)"):
 * `%d` the report type, `%i` the smsc-id, `%T` the time Kannel made the report (Unix seconds), `%B`
 * the `err` of an SMPP receipt. Not `%A`, the SMSC's answer: an SMPP receipt's `text:` holds the first
 * 20 characters of the message, so the code would travel in a URL into access logs.
 */
const ESCAPES = { status: "%d", smsc_id: "%i", ts: "%T", err: "%B" } as const;

/**
 * The dlr-url for one message: Handset's callback URL with Kannel's escapes appended as query
 * parameters. A `%` already in the URL is doubled, since smsbox reads `%%` as a literal `%` and any
 * other `%x` as an escape.
 */
export function kannelDlrUrl(callbackUrl: string): string {
  const escaped = callbackUrl.replaceAll("%", "%%");
  const extra = Object.entries(ESCAPES)
    .map(([key, code]) => `${key}=${code}`)
    .join("&");
  return `${escaped}${escaped.includes("?") ? "&" : "?"}${extra}`;
}

/** A report type's final state, or null for the intermediate ones (buffered, accepted by the SMSC). */
export function receiptStatusOf(type: number): ReceiptStatus | null {
  if (type & KANNEL_DLR.delivered) return "delivered";
  if (type & KANNEL_DLR.undelivered) return "undelivered";
  if (type & KANNEL_DLR.smscRejected) return "failed";
  return null;
}

const TYPE_NAMES: Record<number, string> = {
  2: "undelivered",
  16: "rejected by the SMSC",
  34: "expired",
  66: "undelivered, state unknown",
};

/**
 * A dlr-url fetch from smsbox. Kannel signs nothing: only a URL with the token of
 * `context.callbackUrl` is taken (403 otherwise), and it names the message. The answer follows the
 * report's durable write; a report that throws is left to the HTTP edge (a 5xx, which smsbox retries
 * when `http-request-retry` is set).
 */
export async function handleKannelReceipt(
  request: CallbackRequest,
  context: Pick<ProviderContext, "callbackMessageId" | "receipts" | "logger" | "name">,
): Promise<CallbackAnswer> {
  const messageId = context.callbackMessageId(request.url);
  if (messageId === null) return text(403, "Forbidden");
  const params = new URL(request.url, "http://callback.invalid").searchParams;
  const rawType = params.get("status") ?? "";
  if (!/^\d{1,3}$/.test(rawType)) return text(400, "Bad Request: no delivery report type");
  const type = Number(rawType);
  const status = receiptStatusOf(type);
  if (status === null) return text(200, "OK: intermediate report ignored");
  const report: DeliveryReport = {
    messageId,
    providerMessageId: null,
    status,
    error: status === "delivered" ? null : errorOf(type, params.get("err"), params.get("smsc_id")),
    at: timeOf(params.get("ts")),
  };
  const matched = await context.receipts.report(report);
  if (!matched)
    context.logger.warn({ provider: context.name, messageId, type }, "kannel receipt matched no message");
  return text(200, matched ? "OK" : "OK: no such message");
}

/** `%T`: Unix seconds; anything else is the time of receipt. */
function timeOf(ts: string | null): number | null {
  if (ts === null || !/^\d{1,12}$/.test(ts)) return null;
  return Number(ts) * 1000;
}

/** What went wrong, for `outbox.last_error`: the type, the SMPP `err`, the smsc-id; digit runs blanked. */
function errorOf(type: number, err: string | null, smscId: string | null): string {
  const parts = [`kannel dlr ${type} (${TYPE_NAMES[type] ?? "failed"})`];
  if (err) parts.push(`err ${redact(err)}`);
  if (smscId) parts.push(`smsc ${redact(smscId)}`);
  return parts.join(", ").slice(0, 200);
}

/** An SMPP `err` is three digits; longer runs could be a number or a code, so they are blanked. */
function redact(value: string): string {
  return value.replace(/\+?\d{4,}/g, "[digits]").slice(0, 60);
}

function text(status: number, body: string): CallbackAnswer {
  return { status, contentType: "text/plain; charset=utf-8", body };
}
