import { isIP } from "node:net";
import { HandsetError } from "../domain/errors.js";
import type { Caller } from "../services/caller.js";

/** The header a backend calling with an admin key names its end user's address in. */
export const CLIENT_IP_HEADER = "handset-client-ip";

/**
 * The caller with the end user's IP address, which the per-IP budget counts. A user token is the end
 * user's own device: its address is the socket's, or the forwarded one from a proxy the operator
 * trusts (`socketIp`, Fastify's `request.ip`); what it says of itself is not believed. An admin key is
 * a backend: its socket is its own, so only the address it passes in `Handset-Client-IP` counts, and
 * a value that is not an address is refused rather than counted under a name anyone could vary.
 */
export function withClientIp(
  caller: Caller,
  sent: string | null | undefined,
  socketIp: string | undefined,
): Caller {
  if (caller.kind === "user_token") return socketIp ? { ...caller, clientIp: socketIp } : caller;
  if (sent === null || sent === undefined) return caller;
  const address = sent.trim();
  if (isIP(address) === 0) {
    throw new HandsetError(
      "INVALID_REQUEST",
      "Handset-Client-IP must be the end user's IPv4 or IPv6 address, like 203.0.113.7 or 2001:db8::1.",
      { field: "Handset-Client-IP" },
    );
  }
  return { ...caller, clientIp: address };
}
