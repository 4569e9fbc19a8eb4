import { accountSidOf } from "./sids.js";

/**
 * Twilio's credentials for a Handset admin key: the tenant's Account SID as the username and the admin
 * key's secret itself as the auth token. Nothing new is stored: the token is checked against the key's
 * hash like any other, so revoking the admin key revokes the Twilio credentials with it.
 */
export interface TwilioCredentials {
  account_sid: string;
  auth_token: string;
}

export function toTwilioCredentials(tenantId: string, adminKeySecret: string): TwilioCredentials {
  return { account_sid: accountSidOf(tenantId), auth_token: adminKeySecret };
}

/** The username and password of an HTTP Basic `Authorization` header (the scheme in any case), or null. */
export function readBasicAuth(header: string | undefined): { username: string; password: string } | null {
  const match = header === undefined ? null : /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
