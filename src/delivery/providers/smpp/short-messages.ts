import type { SmsEncoding } from "../../sms-text.js";

/** SMPP `data_coding`: 0 is the SMSC default alphabet (GSM 03.38), 8 is UCS-2 (big-endian). */
export type DataCoding = 0 | 8;

/** `esm_class` bit saying `short_message` starts with a user data header (SMPP 3.4 §5.2.12). */
export const ESM_CLASS_UDHI = 0x40;

/** One `submit_sm`'s worth of text: the bytes for `short_message` and whether they carry a UDH. */
export interface ShortMessagePart {
  bytes: Buffer;
  udh: boolean;
}

// GSM 03.38 default alphabet in code order; 0x1B is the escape to the extension table (never a character).
const GSM7_TABLE =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENSION: Record<string, number> = {
  "\f": 0x0a,
  "^": 0x14,
  "{": 0x28,
  "}": 0x29,
  "\\": 0x2f,
  "[": 0x3c,
  "~": 0x3d,
  "]": 0x3e,
  "|": 0x40,
  "€": 0x65,
};
const ESCAPE = 0x1b;
const GSM7_CODES = new Map<string, number>([...GSM7_TABLE].map((ch, code) => [ch, code]));
GSM7_CODES.delete("\u001b");

/**
 * The text as unpacked GSM 03.38 septets, one per octet, as SMPP carries data_coding 0 (the SMSC packs
 * them for the air). Throws on a character outside the alphabet: the dispatcher chose `gsm7` from the
 * same table, so that is a bug, not an input.
 */
export function encodeGsm7(text: string): Buffer {
  const septets: number[] = [];
  for (const ch of text) {
    const code = GSM7_CODES.get(ch);
    if (code !== undefined) {
      septets.push(code);
      continue;
    }
    const extension = GSM7_EXTENSION[ch];
    if (extension === undefined) throw new Error("a character outside the GSM 7-bit alphabet");
    septets.push(ESCAPE, extension);
  }
  return Buffer.from(septets);
}

/** UTF-16 big-endian, which is what UCS-2 means on the wire (a non-BMP character takes a surrogate pair). */
export function encodeUcs2(text: string): Buffer {
  const bytes = Buffer.alloc(text.length * 2);
  for (let i = 0; i < text.length; i++) bytes.writeUInt16BE(text.charCodeAt(i), i * 2);
  return bytes;
}

/**
 * The text's `submit_sm` parts. One part when it fits one SMS (160 septets, 70 UCS-2 units); otherwise
 * parts of 153 septets / 67 units, each behind a concatenation UDH (IE 0x00, 8-bit `reference`), the same
 * split `smsText` counts. A part never ends inside an escape sequence or a surrogate pair.
 */
export function shortMessageParts(
  text: string,
  encoding: SmsEncoding,
  reference: number,
): ShortMessagePart[] {
  const unitBytes = encoding === "gsm7" ? 1 : 2;
  const payload = encoding === "gsm7" ? encodeGsm7(text) : encodeUcs2(text);
  const single = encoding === "gsm7" ? 160 : 70;
  const perPart = encoding === "gsm7" ? 153 : 67;
  if (payload.length <= single * unitBytes) return [{ bytes: payload, udh: false }];

  const chunks: Buffer[] = [];
  let offset = 0;
  while (offset < payload.length) {
    let end = Math.min(offset + perPart * unitBytes, payload.length);
    if (end < payload.length && splitsUnit(payload, end, encoding)) end -= unitBytes;
    chunks.push(payload.subarray(offset, end));
    offset = end;
  }
  if (chunks.length > 255) throw new Error("a text too long for a concatenated SMS");
  return chunks.map((chunk, index) => ({
    bytes: Buffer.concat([
      Buffer.from([0x05, 0x00, 0x03, reference & 0xff, chunks.length, index + 1]),
      chunk,
    ]),
    udh: true,
  }));
}

/** Whether cutting before byte `end` separates an escape from its character, or a surrogate pair. */
function splitsUnit(payload: Buffer, end: number, encoding: SmsEncoding): boolean {
  if (encoding === "gsm7") return payload[end - 1] === ESCAPE;
  const previous = payload.readUInt16BE(end - 2);
  return previous >= 0xd800 && previous <= 0xdbff;
}
