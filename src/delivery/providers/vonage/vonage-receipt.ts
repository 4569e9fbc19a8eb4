import type { CallbackRequest, DeliveryReport, ReceiptStatus } from "../../provider.js";
import { hasValidVonageSignature, type VonageSignatureMethod } from "./vonage-signature.js";

/** The parameters of our own callback URL (`callback-links.ts`), which Vonage keeps in the query. */
const LINK_PARAMS = ["m", "t"];

/**
 * The fields of a delivery receipt. Vonage sends them per the account's webhook setting: in the query of
 * a GET (after our own `m` and `t`), as a form, or as JSON. Values that are not strings are dropped.
 */
export function receiptFields(request: CallbackRequest): Record<string, string> {
  const fields: Record<string, string> = {};
  const url = new URL(request.url, "http://callback.invalid");
  for (const [name, value] of url.searchParams) fields[name] = value;
  if (request.method.toUpperCase() !== "POST" || request.body.trim() === "") return fields;
  const contentType = request.headers["content-type"] ?? "";
  if (contentType.includes("json") || request.body.trimStart().startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body);
    } catch {
      return fields;
    }
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
      for (const [name, value] of Object.entries(parsed)) {
        if (typeof value === "string") fields[name] = value;
        else if (typeof value === "number" || typeof value === "boolean") fields[name] = String(value);
      }
    }
    return fields;
  }
  for (const [name, value] of new URLSearchParams(request.body)) fields[name] = value;
  return fields;
}

/**
 * Whether the receipt carries a valid Vonage signature. Vonage signs the fields it sends; whether that
 * set holds the query our callback URL already had is not documented, so both readings are tried. Both
 * are sound: `m` and `t` are checked on their own, by the callback token.
 */
export function isSignedByVonage(
  fields: Readonly<Record<string, string>>,
  secret: string,
  method: VonageSignatureMethod,
): boolean {
  if (hasValidVonageSignature(fields, secret, method)) return true;
  const withoutLink = Object.fromEntries(
    Object.entries(fields).filter(([name]) => !LINK_PARAMS.includes(name)),
  );
  return hasValidVonageSignature(withoutLink, secret, method);
}

/**
 * Vonage's DLR `status` (sms.yml, DeliveryReceipt) as a final state: `delivered`; `expired` (the
 * validity ran out while the handset was unreachable) is undelivered; `failed` and `rejected` (refused by
 * Vonage or the carrier) are failed. `accepted`, `buffered` and `unknown` are not final: null.
 */
export function receiptStatus(status: string | undefined): ReceiptStatus | null {
  switch (status) {
    case "delivered":
      return "delivered";
    case "expired":
      return "undelivered";
    case "failed":
    case "rejected":
      return "failed";
    default:
      return null;
  }
}

/** Vonage's DLR `err-code` meanings (api.support.vonage.com, "SMS Delivery Error Codes"). */
const ERR_CODES: Readonly<Record<string, string>> = {
  "1": "unknown",
  "2": "absent subscriber, temporary",
  "3": "absent subscriber, permanent",
  "4": "call barred by user",
  "5": "portability error",
  "6": "anti-spam rejection",
  "7": "handset busy",
  "8": "network error",
  "9": "illegal number",
  "10": "illegal message",
  "11": "unroutable",
  "12": "destination unreachable",
  "13": "subscriber age restriction",
  "14": "number blocked by carrier",
  "15": "prepaid insufficient funds",
  "99": "general error",
};

/** The report of a final receipt for the outbox message `messageId`, or null for an intermediate one. */
export function receiptReport(
  messageId: string,
  fields: Readonly<Record<string, string>>,
): DeliveryReport | null {
  const status = receiptStatus(fields.status);
  if (status === null) return null;
  const errCode = fields["err-code"];
  const error =
    errCode && errCode !== "0" && /^\d{1,4}$/.test(errCode)
      ? `err-code ${errCode}${ERR_CODES[errCode] ? ` (${ERR_CODES[errCode]})` : ""}`
      : status === "delivered"
        ? null
        : (fields.status ?? null);
  const providerMessageId = fields.messageId;
  return {
    messageId,
    providerMessageId: providerMessageId && providerMessageId.length <= 100 ? providerMessageId : null,
    status,
    error,
    at: receiptTime(fields),
  };
}

/**
 * When the final state was reached: `scts` (YYMMDDHHMM, when the carrier's receipt reached Vonage), else
 * `message-timestamp` (YYYY-MM-DD HH:MM:SS, when Vonage began to call us); both UTC. Null otherwise.
 */
function receiptTime(fields: Readonly<Record<string, string>>): number | null {
  const scts = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(fields.scts ?? "");
  if (scts) {
    const [, yy, mo, dd, hh, mi] = scts.map(Number) as [number, number, number, number, number, number];
    const at = Date.UTC(2000 + yy, mo - 1, dd, hh, mi);
    if (!Number.isNaN(at)) return at;
  }
  const stamp = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(fields["message-timestamp"] ?? "");
  if (stamp) {
    const [, y, mo, d, h, mi, s] = stamp.map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    return Date.UTC(y, mo - 1, d, h, mi, s);
  }
  return null;
}
