import { createHash } from "node:crypto";
import type { ProfilePhone } from "../../services/profile-phone.js";

/**
 * Linode's numeric `uid`, derived from the tenant and user ids so that it is stable across requests
 * and processes; 31 bits, so that clients holding it in a signed 32-bit integer do not overflow.
 */
export function linodeUid(tenantId: string, userId: string): number {
  return createHash("sha256").update(`${tenantId}\0${userId}`).digest().readUInt32BE(0) & 0x7fffffff;
}

/**
 * Handset keeps no e-mail address, and Linode's Profile schema allows no null here (`format: email`),
 * so the profile shows an address under `.invalid`, a name reserved never to resolve (RFC 2606):
 * well-formed for clients that check it, and plainly no mailbox.
 */
export function placeholderEmail(uid: number): string {
  return `user-${uid}@handset.invalid`;
}

/**
 * `GET /profile`: the fields of Linode's Profile schema, and only those (it says
 * `additionalProperties: false`), so that typed clients find what they read. Handset keeps only phone
 * numbers; the rest are the values of a plain password account with nothing enabled. `referrals.url`
 * is left out: Handset has no referral program, the schema requires no field, and an empty string
 * would not be the URL its `format` asks for.
 */
export function presentProfile(profile: ProfilePhone) {
  const { user, verifiedPhoneNumber } = profile;
  const uid = linodeUid(user.tenantId, user.id);
  return {
    authentication_type: "password",
    authorized_keys: null,
    email: placeholderEmail(uid),
    email_notifications: false,
    ip_whitelist_enabled: false,
    lish_auth_method: "keys_only",
    referrals: { code: "", completed: 0, credit: 0, pending: 0, total: 0 },
    restricted: false,
    timezone: "UTC",
    two_factor_auth: false,
    uid,
    username: user.id,
    verified_phone_number: verifiedPhoneNumber?.e164 ?? null,
  };
}
