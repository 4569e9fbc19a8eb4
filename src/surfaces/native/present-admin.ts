import type { CredentialView } from "../../services/credential-view.js";
import type { IssuedCredential } from "../../services/credentials.js";
import type { TenantDetail, TenantView } from "../../services/tenants.js";

/**
 * The admin API's snake_case answers for credentials and tenants. Plain functions with no schema
 * library, so that the CLI prints its `--json` with them without loading zod or Fastify.
 */
const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

export function presentCredential(c: CredentialView) {
  return {
    id: c.id,
    kind: c.kind,
    tenant_id: c.tenantId,
    user_id: c.userId,
    name: c.name,
    scopes: c.scopes,
    hint: c.hint,
    created_at: iso(c.createdAt),
    expires_at: isoOrNull(c.expiresAt),
    revoked_at: isoOrNull(c.revokedAt),
    last_used_at: isoOrNull(c.lastUsedAt),
  };
}

/** A credential just issued: its view, and its secret, shown this once. */
export function presentIssuedCredential(issued: IssuedCredential) {
  return {
    ...presentCredential({ ...issued, revokedAt: null, lastUsedAt: null }),
    secret: issued.secret,
  };
}

export function presentTenant(t: TenantView) {
  return { id: t.id, name: t.name, default: t.isDefault, created_at: iso(t.createdAt) };
}

export function presentTenantDetail(t: TenantDetail) {
  return {
    ...presentTenant(t),
    counts: {
      users: t.counts.users,
      phone_numbers: t.counts.phoneNumbers,
      active_keys: t.counts.activeKeys,
      active_tokens: t.counts.activeTokens,
    },
  };
}
