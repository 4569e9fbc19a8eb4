import { SmsDeliveryError } from "../../provider.js";

/** SMPP 3.4 command_status names (§5.1.3) for the codes an SMSC answers a submit or a bind with. */
const STATUS_NAMES: Record<number, string> = {
  1: "ESME_RINVMSGLEN",
  2: "ESME_RINVCMDLEN",
  3: "ESME_RINVCMDID",
  4: "ESME_RINVBNDSTS",
  5: "ESME_RALYBND",
  8: "ESME_RSYSERR",
  10: "ESME_RINVSRCADR",
  11: "ESME_RINVDSTADR",
  13: "ESME_RBINDFAIL",
  14: "ESME_RINVPASWD",
  15: "ESME_RINVSYSID",
  20: "ESME_RMSGQFUL",
  21: "ESME_RINVSERTYP",
  67: "ESME_RINVESMCLASS",
  69: "ESME_RSUBMITFAIL",
  72: "ESME_RINVSRCTON",
  73: "ESME_RINVSRCNPI",
  80: "ESME_RINVDSTTON",
  81: "ESME_RINVDSTNPI",
  83: "ESME_RINVSYSTYP",
  88: "ESME_RTHROTTLED",
  98: "ESME_RINVEXPIRY",
  100: "ESME_RX_T_APPN",
  101: "ESME_RX_P_APPN",
  102: "ESME_RX_R_APPN",
  192: "ESME_RINVTLVSTREAM",
  193: "ESME_RTLVNOTALLWD",
  194: "ESME_RINVTLVLEN",
  195: "ESME_RMISSINGTLV",
  196: "ESME_RINVTLVVAL",
  254: "ESME_RDELIVERYFAILURE",
  255: "ESME_RUNKNOWNERR",
  256: "ESME_RSERTYPUNAUTH",
  257: "ESME_RPROHIBITED",
  259: "ESME_RSERTYPDENIED",
  260: "ESME_RINVDCS",
};

/** The SMSC asked to slow down, or its queue is full: retry after this long (SMPP gives no figure). */
export const THROTTLED_RETRY_MS = 1_000;
export const QUEUE_FULL_RETRY_MS = 5_000;

/**
 * Refusals about the message itself (its addresses, coding, length, a destination the SMSC will not
 * serve): the same message would be refused again, so they fail it. Everything else — the SMSC's own
 * trouble, a code this table does not know — is retried, as the spec's "system error" codes ask.
 */
const PERMANENT = new Set([
  0x01, 0x0a, 0x0b, 0x15, 0x43, 0x48, 0x49, 0x50, 0x51, 0x62, 0x65, 0x66, 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0x100,
  0x101, 0x103, 0x104,
]);

/** `ESME_RTHROTTLED (0x00000058)`, or the hex code alone when the spec names none. */
export function describeStatus(status: number): string {
  const hex = `0x${status.toString(16).padStart(8, "0")}`;
  const name = STATUS_NAMES[status];
  return name ? `${name} (${hex})` : hex;
}

/** The delivery error for a `submit_sm_resp` (or `generic_nack`) whose command_status is not 0. */
export function submitRefusal(status: number, part: string): SmsDeliveryError {
  const reason = `smpp submit_sm${part} refused: ${describeStatus(status)}`;
  if (status === 0x58) return new SmsDeliveryError(reason, true, { retryAfterMs: THROTTLED_RETRY_MS });
  if (status === 0x14) return new SmsDeliveryError(reason, true, { retryAfterMs: QUEUE_FULL_RETRY_MS });
  return new SmsDeliveryError(reason, !PERMANENT.has(status));
}
