import Negotiator from "negotiator";

/** The longest tag stored with a message (RFC 5646 §4.4.1 asks implementations to keep at least 35). */
export const MAX_LOCALE_LENGTH = 35;

/**
 * A BCP 47 tag in its canonical form (`pt-br` → `pt-BR`), or null when it is not one. An underscore
 * is read as a hyphen, since Java and Android spell `pt_BR`.
 */
export function normalizeLocale(tag: string | null | undefined): string | null {
  if (typeof tag !== "string") return null;
  const trimmed = tag.trim().replaceAll("_", "-");
  if (trimmed === "" || trimmed.length > MAX_LOCALE_LENGTH) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    return canonical !== undefined && canonical.length <= MAX_LOCALE_LENGTH ? canonical : null;
  } catch {
    // getCanonicalLocales throws a RangeError for anything that is not a well-formed tag.
    return null;
  }
}

/** The language subtag of a canonical tag: `pt-BR` → `pt`. */
export function languageOf(tag: string): string {
  return tag.split("-")[0] ?? tag;
}

/**
 * The locale a request asks for: its explicit field when that is a valid tag (even one no text exists
 * for: the renderer then falls back), else the best Accept-Language match among `available` honouring
 * q-values, else null.
 */
export function preferredLocale(
  input: { field?: string | null; acceptLanguage?: string | null },
  available: readonly string[],
): string | null {
  const field = normalizeLocale(input.field);
  if (field !== null) return field;
  const header = input.acceptLanguage;
  if (!header || available.length === 0) return null;
  const [best] = new Negotiator({ headers: { "accept-language": header } }).languages(available);
  return best ?? null;
}
