import { createHash } from "node:crypto";

/**
 * Twilio's SIDs for Handset's things: two letters and 32 hex digits. The Account SID and the default
 * Verify Service's are derived from the tenant, so nothing new is stored; a Verification SID and a
 * created Service's are the ids re-spelled (`vf_`, `vsv_` ULIDs), so they map back without a lookup.
 */

const hex32 = (label: string, tenantId: string) =>
  createHash("sha256").update(`handset:twilio:${label}:${tenantId}`).digest("hex").slice(0, 32);

/** The tenant's Account SID (`AC...`): the Basic auth username of all its admin keys. */
export function accountSidOf(tenantId: string): string {
  return `AC${hex32("account", tenantId)}`;
}

/** The SID of the tenant's default Verify Service (`VA...`): its own settings. */
export function serviceSidOf(tenantId: string): string {
  return `VA${hex32("service", tenantId)}`;
}

/** Crockford's base 32, as ULIDs (the tail of Handset's ids) spell their 128 bits. */
const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";
const ULID_TAIL = "([0-7][0-9a-hjkmnp-tv-z]{25})";

const ID_SHAPES: Record<string, RegExp> = {
  vf: new RegExp(`^vf_${ULID_TAIL}$`),
  vsv: new RegExp(`^vsv_${ULID_TAIL}$`),
};
const SID_SHAPES: Record<string, RegExp> = { VE: /^VE([0-9a-fA-F]{32})$/, VA: /^VA([0-9a-fA-F]{32})$/ };

/** `<prefix>_<ulid>` -> `<sid prefix><the ulid's 128 bits in hex>`; null for an id of another shape. */
function ulidIdToSid(id: string, idPrefix: "vf" | "vsv", sidPrefix: "VE" | "VA"): string | null {
  const ulid = ID_SHAPES[idPrefix]?.exec(id)?.[1];
  if (ulid === undefined) return null;
  let value = 0n;
  for (const char of ulid) value = value * 32n + BigInt(CROCKFORD.indexOf(char));
  return `${sidPrefix}${value.toString(16).padStart(32, "0")}`;
}

/** `<sid prefix><hex>` -> `<prefix>_<ulid>`; null when the string is not such a SID. */
function sidToUlidId(sid: string, sidPrefix: "VE" | "VA", idPrefix: "vf" | "vsv"): string | null {
  const hex = SID_SHAPES[sidPrefix]?.exec(sid)?.[1];
  if (hex === undefined) return null;
  let value = BigInt(`0x${hex}`);
  let ulid = "";
  for (let i = 0; i < 26; i += 1) {
    ulid = (CROCKFORD[Number(value % 32n)] ?? "0") + ulid;
    value /= 32n;
  }
  return `${idPrefix}_${ulid}`;
}

/** `vf_<ulid>` -> `VE<the ulid's 128 bits in hex>`; null for an id of another shape. */
export function toVerificationSid(id: string): string | null {
  return ulidIdToSid(id, "vf", "VE");
}

/** `VE<hex>` -> `vf_<ulid>`; null when the string is not a Verification SID. */
export function fromVerificationSid(sid: string): string | null {
  return sidToUlidId(sid, "VE", "vf");
}

/**
 * A verify service's SID: the tenant's derived one for its default service (''), else `VA` and the
 * 128 bits of the service's id (`vsv_<ulid>`).
 */
export function toServiceSid(tenantId: string, serviceId: string): string {
  if (serviceId === "") return serviceSidOf(tenantId);
  const sid = ulidIdToSid(serviceId, "vsv", "VA");
  if (sid === null) throw new Error(`verify service id ${serviceId} has no Twilio SID`);
  return sid;
}

/** The verify service a SID names in the tenant: '' for its default, an id, or null for no such SID. */
export function fromServiceSid(tenantId: string, sid: string): string | null {
  if (sid.toUpperCase() === serviceSidOf(tenantId).toUpperCase()) return "";
  return sidToUlidId(sid, "VA", "vsv");
}
