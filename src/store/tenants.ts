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

const TENANT_REGIONS = hotQuery(
  "select allowed_regions, denied_regions, settings from tenants where id = $1",
);

/** The tenant's region lists and settings, or undefined when there is no such tenant. */
export async function findTenantRegions(db: Executor, id: string): Promise<TenantRegions | undefined> {
  return hotRow<TenantRegions>(db, TENANT_REGIONS, [id]);
}

const TENANT_SETTINGS_FOR_UPDATE = hotQuery({
  sqlite: "select allowed_regions, denied_regions, settings from tenants where id = $1",
  // Two changes of one tenant's settings queue here, so neither merges over a stale read.
  postgres: "select allowed_regions, denied_regions, settings from tenants where id = $1 for update",
});

/** The tenant's settings columns, locked until the transaction ends (PostgreSQL; SQLite has one writer). */
export async function lockTenantSettings(db: Executor, id: string): Promise<TenantRegions | undefined> {
  return hotRow<TenantRegions>(db, TENANT_SETTINGS_FOR_UPDATE, [id]);
}

/** Writes a tenant's region lists and settings (see src/domain/tenant-settings.ts). */
export async function saveTenantSettings(db: Executor, id: string, columns: TenantRegions): Promise<void> {
  await db
    .updateTable("tenants")
    .set({
      allowed_regions: columns.allowed_regions,
      denied_regions: columns.denied_regions,
      settings: columns.settings,
    })
    .where("id", "=", id)
    .execute();
}
