import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** The signing methods Vonage's dashboard offers; `md5hash` is its default. */
export const VONAGE_SIGNATURE_METHODS = ["md5hash", "md5", "sha1", "sha256", "sha512"] as const;
export type VonageSignatureMethod = (typeof VONAGE_SIGNATURE_METHODS)[number];

/**
 * Vonage's documented request signature (developer.vonage.com, "Signing Messages"): every parameter but
 * `sig`, sorted by name, as `&name=value` with `&` and `=` in values replaced by `_`; then either the MD5
 * of that string followed by the secret (`md5hash`), or an HMAC of it keyed with the secret. Hex digest.
 * The same rule signs the requests we send and the delivery receipts Vonage sends us.
 */
export function vonageSignature(
  params: Readonly<Record<string, string>>,
  secret: string,
  method: VonageSignatureMethod,
): string {
  const signed = Object.keys(params)
    .filter((name) => name !== "sig")
    .sort()
    .map((name) => `&${name}=${(params[name] ?? "").replace(/[&=]/g, "_")}`)
    .join("");
  if (method === "md5hash")
    return createHash("md5")
      .update(signed + secret)
      .digest("hex");
  return createHmac(method, secret).update(signed).digest("hex");
}

/** Whether `sig` is the signature of the other parameters; compared in constant time, hex in any case. */
export function hasValidVonageSignature(
  params: Readonly<Record<string, string>>,
  secret: string,
  method: VonageSignatureMethod,
): boolean {
  const given = params.sig;
  if (!given) return false;
  const expected = Buffer.from(vonageSignature(params, secret, method).toLowerCase());
  const actual = Buffer.from(given.toLowerCase());
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
