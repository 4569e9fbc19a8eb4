import type { Executor } from "./executor.js";
import { hotQuery, hotRow } from "./prepared.js";

/** Whether a tenant exists and holds a user: `no_tenant`, `missing` (the tenant does) or `exists`. */
export type UserPresence = "no_tenant" | "missing" | "exists";

const TENANT_AND_USER = hotQuery(`
  select t.id as tenant_id, u.id as user_id
  from tenants t
  left join users u on u.tenant_id = t.id and u.id = $2
  where t.id = $1`);

/**
 * One indexed read per request authenticated by an app JWT, which has no credential row to join the
 * user to: it lets authentication create the user only when it is missing.
 */
export async function findUserPresence(
  db: Executor,
  tenantId: string,
  userId: string,
): Promise<UserPresence> {
  const row = await hotRow<{ tenant_id: string; user_id: string | null }>(db, TENANT_AND_USER, [
    tenantId,
    userId,
  ]);
  if (!row) return "no_tenant";
  return row.user_id === null ? "missing" : "exists";
}
