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
 * `GET /profile`: every field of Linode's Profile schema, so that typed clients find what they read.
 * Handset keeps only phone numbers; the rest are the values of a plain password account with
 * nothing enabled.
 */
export function presentProfile(profile: ProfilePhone) {
  const { user, verifiedPhoneNumber } = profile;
  return {
    authentication_type: "password",
    authorized_keys: null,
    email: "",
    email_notifications: false,
    ip_whitelist_enabled: false,
    lish_auth_method: "keys_only",
    referrals: { code: "", completed: 0, credit: 0, pending: 0, total: 0, url: "" },
    restricted: false,
    timezone: "UTC",
    two_factor_auth: false,
    uid: linodeUid(user.tenantId, user.id),
    user_type: "default",
    username: user.id,
    verified_phone_number: verifiedPhoneNumber?.e164 ?? null,
  };
}
