import { createHash } from "node:crypto";

/**
 * Twilio's SIDs for Handset's things: two letters and 32 hex digits. Account and Verify Service SIDs
 * are derived from the tenant (one account, one service per tenant), so nothing new is stored; a
 * Verification SID is the verification's own id re-spelled, so it maps back without a lookup.
 */

const hex32 = (label: string, tenantId: string) =>
  createHash("sha256").update(`handset:twilio:${label}:${tenantId}`).digest("hex").slice(0, 32);

/** The tenant's Account SID (`AC...`): the Basic auth username of all its admin keys. */
export function accountSidOf(tenantId: string): string {
  return `AC${hex32("account", tenantId)}`;
}

/** The tenant's one Verify Service SID (`VA...`). */
export function serviceSidOf(tenantId: string): string {
  return `VA${hex32("service", tenantId)}`;
}

/** Crockford's base 32, as ULIDs (the tail of Handset's ids) spell their 128 bits. */
const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";
const VERIFICATION_ID = /^vf_([0-7][0-9a-hjkmnp-tv-z]{25})$/;
const VERIFICATION_SID = /^VE([0-9a-fA-F]{32})$/;

/** `vf_<ulid>` -> `VE<the ulid's 128 bits in hex>`; null for an id of another shape. */
export function toVerificationSid(id: string): string | null {
  const ulid = VERIFICATION_ID.exec(id)?.[1];
  if (ulid === undefined) return null;
  let value = 0n;
  for (const char of ulid) value = value * 32n + BigInt(CROCKFORD.indexOf(char));
  return `VE${value.toString(16).padStart(32, "0")}`;
}

/** `VE<hex>` -> `vf_<ulid>`; null when the string is not a Verification SID. */
export function fromVerificationSid(sid: string): string | null {
  const hex = VERIFICATION_SID.exec(sid)?.[1];
  if (hex === undefined) return null;
  let value = BigInt(`0x${hex}`);
  let ulid = "";
  for (let i = 0; i < 26; i += 1) {
    ulid = (CROCKFORD[Number(value % 32n)] ?? "0") + ulid;
    value /= 32n;
  }
  return `vf_${ulid}`;
}
