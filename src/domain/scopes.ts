/** The closed set of scopes a credential can carry. Every route names the one it needs. */
export const SCOPES = [
  "users:read",
  "users:write",
  "phone:read",
  "phone:write",
  "phone:verify",
  /** The tenant's own admin keys and user tokens: list, show (never a secret), last use. */
  "keys:read",
  /** Create and revoke the tenant's admin keys and user tokens. */
  "keys:write",
  /** The tenant's event log (the audit trail). */
  "events:read",
  /** The tenant's app webhook endpoints and their delivery log: list, show. */
  "webhooks:read",
  /** Register, change, delete webhook endpoints; replay deliveries. */
  "webhooks:write",
  /**
   * Receive the one-time code in the answer instead of an SMS (ZITADEL's `return_code`), so the app
   * delivers it itself. Never in an admin key's default set, and every use is an event.
   */
  "codes:return",
  /**
   * The operator's scope: every tenant (create, list, show, delete) and lookups across tenants. Never
   * in an admin key's default set: it is granted by naming it.
   */
  "tenants:manage",
] as const;
export type Scope = (typeof SCOPES)[number];

/** User tokens act on their own user's numbers only; they can never hold the user-management scopes. */
export const USER_TOKEN_SCOPES: readonly Scope[] = ["phone:read", "phone:write", "phone:verify"];
/** What an admin key may hold. */
export const ADMIN_KEY_SCOPES: readonly Scope[] = SCOPES;
/** Scopes granted only by naming them: each reaches beyond the ordinary admin of one tenant. */
export const EXPLICIT_ONLY_SCOPES: readonly Scope[] = ["tenants:manage", "codes:return"];
/** What an admin key holds when none are named: everything within its tenant, nothing beyond it. */
export const DEFAULT_ADMIN_KEY_SCOPES: readonly Scope[] = SCOPES.filter(
  (s) => !EXPLICIT_ONLY_SCOPES.includes(s),
);

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
