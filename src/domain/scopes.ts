/** The closed set of scopes a credential can carry. Every route names the one it needs. */
export const SCOPES = ["users:read", "users:write", "phone:read", "phone:write", "phone:verify"] as const;
export type Scope = (typeof SCOPES)[number];

/** User tokens act on their own user's numbers only; they can never hold the user-management scopes. */
export const USER_TOKEN_SCOPES: readonly Scope[] = ["phone:read", "phone:write", "phone:verify"];
export const ADMIN_KEY_SCOPES: readonly Scope[] = SCOPES;

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
