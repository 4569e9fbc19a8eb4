import { isScope, type Scope } from "../domain/scopes.js";
import type { CredentialListing } from "../store/credentials.js";
import type { CredentialKind } from "../store/schema.js";

/** A credential as the admin API, the CLI and the console show it: never its secret or its hash. */
export interface CredentialView {
  id: string;
  kind: CredentialKind;
  tenantId: string;
  userId: string | null;
  name: string;
  scopes: Scope[];
  /** The first characters of the secret, to tell credentials apart. */
  hint: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  /** The latest use, within about a minute (see src/services/credential-usage.ts); null if never used. */
  lastUsedAt: number | null;
}

export function toCredentialView(row: CredentialListing, lastUsedHere?: number): CredentialView {
  const stored = row.last_used_at;
  const lastUsedAt =
    lastUsedHere === undefined ? stored : stored === null ? lastUsedHere : Math.max(stored, lastUsedHere);
  return {
    id: row.id,
    kind: row.kind,
    tenantId: row.tenant_id,
    userId: row.user_id,
    name: row.name,
    scopes: row.scopes.split(" ").filter(isScope),
    hint: row.hint,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt,
  };
}
