import type { DecodedShortMessage, Pdu } from "smpp";
import type { ReceiptStatus } from "../../provider.js";

/** `esm_class` message type bits (SMPP 3.4 §5.2.12): 0x04 is an SMSC delivery receipt. */
const ESM_CLASS_TYPE_MASK = 0x3c;
const ESM_CLASS_DELIVERY_RECEIPT = 0x04;

/** What one delivery receipt says. */
export interface SmppReceipt {
  /** The SMSC's id of the message, as its `submit_sm_resp` gave it. */
  providerMessageId: string;
  /** Null for an intermediate state (ENROUTE, ACCEPTD, UNKNOWN): nothing to report yet. */
  status: ReceiptStatus | null;
  /** The stat and err fields for a failure (`UNDELIV err:001`), null when delivered. */
  error: string | null;
}

/** `message_state` TLV values (SMPP 3.4 §5.3.2.35) and their receipt-text `stat` names (Appendix B). */
const STATES: Record<number, string> = {
  1: "ENROUTE",
  2: "DELIVRD",
  3: "EXPIRED",
  4: "DELETED",
  5: "UNDELIV",
  6: "ACCEPTD",
  7: "UNKNOWN",
  8: "REJECTD",
};

const STATUS_OF_STAT: Record<string, ReceiptStatus> = {
  DELIVRD: "delivered",
  UNDELIV: "undelivered",
  EXPIRED: "undelivered",
  DELETED: "undelivered",
  REJECTD: "failed",
};

export function isDeliveryReceipt(pdu: Pdu): boolean {
  return ((pdu.esm_class ?? 0) & ESM_CLASS_TYPE_MASK) === ESM_CLASS_DELIVERY_RECEIPT;
}

/**
 * Reads a `deliver_sm` receipt: the `receipted_message_id` and `message_state` TLVs when the SMSC sends
 * them (SMPP 3.4 says it should), else the text of Appendix B, `id:… sub:… dlvrd:… submit date:… done
 * date:… stat:DELIVRD err:… text:…`. Null when neither names a message. The done date is not used: the
 * format carries no time zone, so the receipt's arrival time is the better clock.
 */
export function parseReceipt(pdu: Pdu): SmppReceipt | null {
  const fields = receiptTextFields(textOf(pdu.short_message));
  const id = nonEmpty(pdu.receipted_message_id) ?? nonEmpty(fields.id);
  if (id === null) return null;
  const stat =
    (pdu.message_state !== undefined ? STATES[pdu.message_state] : undefined) ?? fields.stat?.toUpperCase();
  const status = stat ? (STATUS_OF_STAT[stat] ?? null) : null;
  const err = fields.err;
  const error = status === null || status === "delivered" ? null : `${stat}${err ? ` err:${err}` : ""}`;
  return { providerMessageId: id, status, error };
}

/** The `key:value` fields of a receipt text; keys lower-case, `submit date` and `done date` included. */
export function receiptTextFields(text: string): Record<string, string | undefined> {
  const fields: Record<string, string | undefined> = {};
  const pattern = /(?:^|\s)(id|sub|dlvrd|submit date|done date|stat|err):(\S*)/gi;
  for (const match of text.matchAll(pattern)) {
    const key = match[1]?.toLowerCase();
    if (key && !(key in fields)) fields[key] = match[2];
  }
  return fields;
}

function textOf(shortMessage: DecodedShortMessage | Buffer | undefined): string {
  if (shortMessage === undefined) return "";
  if (Buffer.isBuffer(shortMessage)) return shortMessage.toString("latin1");
  const { message } = shortMessage;
  return typeof message === "string" ? message : message.toString("latin1");
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.replace(/\0+$/, "").trim();
  return trimmed ? trimmed : null;
}
