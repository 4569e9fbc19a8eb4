/** How an SMS body travels: the GSM 03.38 7-bit default alphabet, or UCS-2 (UTF-16 code units). */
export type SmsEncoding = "gsm7" | "ucs2";

const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/** Characters of the extension table: each takes two septets (an escape, then the character). */
const GSM7_EXTENSION = "\f^{}\\[~]|€";
const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export interface SmsTextShape {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  /** Messages it takes: one up to 160 septets / 70 units, else parts of 153 / 67 (a UDH each). */
  segments: number;
}

/** True when every character is in the GSM 03.38 alphabet or its extension table. */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENSION.has(ch)) return false;
  return true;
}

/** The encoding an SMS of `text` needs, and how many parts it takes. */
export function smsText(text: string): SmsTextShape {
  if (isGsm7(text)) {
    let units = 0;
    for (const ch of text) units += EXTENSION.has(ch) ? 2 : 1;
    return { encoding: "gsm7", units, segments: segmentsOf(units, 160, 153) };
  }
  // UCS-2 counts UTF-16 code units: a character outside the BMP (an emoji) takes two.
  const units = text.length;
  return { encoding: "ucs2", units, segments: segmentsOf(units, 70, 67) };
}

function segmentsOf(units: number, single: number, part: number): number {
  if (units <= single) return 1;
  return Math.ceil(units / part);
}
