import type { Executor } from "./executor.js";
import type { TenantRegions } from "./locks.js";
import { hotQuery, hotRow } from "./prepared.js";
import type { TenantRow } from "./schema.js";

export async function findTenant(db: Executor, id: string): Promise<TenantRow | undefined> {
  return db.selectFrom("tenants").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Creates the tenant unless it exists; safe when several processes do it at once. */
export async function ensureTenant(db: Executor, id: string, name: string, now: number): Promise<TenantRow> {
  await db
    .insertInto("tenants")
    .values({ id, name, allowed_regions: "[]", denied_regions: "[]", sequence: 0, created_at: now })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  const row = await findTenant(db, id);
  if (!row) throw new Error(`tenant ${id} vanished after insert`);
  return row;
}

export async function setTenantRegions(
  db: Executor,
  id: string,
  allowed: readonly string[],
  denied: readonly string[],
): Promise<void> {
  await db
    .updateTable("tenants")
    .set({ allowed_regions: JSON.stringify(allowed), denied_regions: JSON.stringify(denied) })
    .where("id", "=", id)
    .execute();
}

const TENANT_REGIONS = hotQuery("select allowed_regions, denied_regions from tenants where id = $1");

/** The tenant's region lists, or undefined when there is no such tenant. */
export async function findTenantRegions(db: Executor, id: string): Promise<TenantRegions | undefined> {
  return hotRow<TenantRegions>(db, TENANT_REGIONS, [id]);
}
