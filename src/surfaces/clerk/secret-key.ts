/**
 * A Clerk secret key for Handset is an admin API key of a tenant with Clerk's prefix in front:
 * `sk_test_hsk_...` or `sk_live_hsk_...`. Nothing new is stored: the wrapped admin key is checked
 * against its hash like any other, so revoking the admin key revokes the Clerk key with it.
 */
const CLERK_SECRET_KEY = /^sk_(?:test|live)_(hsk_[A-Za-z0-9_-]+)$/;

/** The admin key inside a Clerk secret key, or null when the string is not shaped like one. */
export function unwrapClerkSecretKey(presented: string): string | null {
  return CLERK_SECRET_KEY.exec(presented)?.[1] ?? null;
}

/** `sk_live_` for a production server, `sk_test_` otherwise, as Clerk names its instances' keys. */
export function toClerkSecretKey(adminKeySecret: string, production: boolean): string {
  return `${production ? "sk_live_" : "sk_test_"}${adminKeySecret}`;
}
