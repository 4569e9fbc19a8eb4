import ipaddr from "ipaddr.js";
import { z } from "zod";

/** Fastify's `trustProxy`: none, every proxy, a hop count, or the proxies' addresses and ranges. */
export type TrustProxy = boolean | string[] | number;

/**
 * `HANDSET_TRUST_PROXY`: `false` (default: the socket's address is the client's), `true` (trust every
 * proxy), a hop count, or a comma-separated list of proxy addresses and CIDR ranges whose
 * `X-Forwarded-For` is believed. A list entry that is none of these stops the start, rather than
 * surfacing later as a request that counts under the proxy's address.
 */
export const trustProxySetting = z
  .string()
  .trim()
  .default("false")
  .transform((v, ctx): TrustProxy => {
    if (v === "false" || v === "") return false;
    if (v === "true") return true;
    if (/^\d{1,2}$/.test(v)) return Number(v);
    const proxies = v
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    const wrong = proxies.filter((p) => !isProxyAddress(p));
    if (wrong.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `not an address, a CIDR range or loopback/linklocal/uniquelocal: ${wrong.join(", ")}`,
      });
      return z.NEVER;
    }
    return proxies;
  });

/** What proxy-addr takes in a trust list: an address, a CIDR range, or one of its named ranges. */
function isProxyAddress(entry: string): boolean {
  return (
    ["loopback", "linklocal", "uniquelocal"].includes(entry) ||
    ipaddr.isValid(entry) ||
    ipaddr.isValidCIDR(entry)
  );
}
