import type { Executor } from "./executor.js";
import type { TenantRow } from "./schema.js";

export type TenantListing = Pick<TenantRow, "id" | "name" | "created_at">;

/** Tenants by id, from just after `after`. */
export async function listTenants(
  db: Executor,
  page: { limit: number; after?: string },
): Promise<TenantListing[]> {
  let query = db.selectFrom("tenants").select(["id", "name", "created_at"]);
  if (page.after !== undefined) query = query.where("id", ">", page.after);
  const rows = await query.orderBy("id").limit(page.limit).execute();
  return rows.map((row) => ({ ...row, created_at: Number(row.created_at) }));
}

/** Creates a tenant; false when its id is taken (by this process or another). */
export async function insertTenant(db: Executor, id: string, name: string, now: number): Promise<boolean> {
  const result = await db
    .insertInto("tenants")
    .values({ id, name, allowed_regions: "[]", denied_regions: "[]", sequence: 0, created_at: now })
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export interface TenantCounts {
  users: number;
  phoneNumbers: number;
  /** Admin keys neither revoked nor expired. */
  activeKeys: number;
  /** User tokens neither revoked nor expired. */
  activeTokens: number;
}

export async function countTenantContents(db: Executor, id: string, now: number): Promise<TenantCounts> {
  const count = (value: string | number | bigint | undefined) => Number(value ?? 0);
  const users = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("tenant_id", "=", id)
    .executeTakeFirst();
  const numbers = await db
    .selectFrom("phone_numbers")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("tenant_id", "=", id)
    .executeTakeFirst();
  const credentials = await db
    .selectFrom("credentials")
    .select(["kind", (eb) => eb.fn.countAll().as("n")])
    .where("tenant_id", "=", id)
    .where("revoked_at", "is", null)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now)]))
    .groupBy("kind")
    .execute();
  const ofKind = (kind: string) => count(credentials.find((row) => row.kind === kind)?.n);
  return {
    users: count(users?.n),
    phoneNumbers: count(numbers?.n),
    activeKeys: ofKind("admin_key"),
    activeTokens: ofKind("user_token"),
  };
}

/** Budget windows are keyed `name|tenant` or `name|tenant|subject` (src/services/guards/budget-plan.ts). */
function isTenantBudgetScope(scope: string, tenantId: string): boolean {
  return scope.split("|")[1] === tenantId;
}

/**
 * Deletes every row of a tenant, the tenant last; false when there was no such tenant. Run in one
 * transaction by the caller. Deleting the tenant's row and its credentials moves the access version
 * (migration 004), so every process refuses the tenant's credentials at its next request.
 */
export async function deleteTenantRows(db: Executor, id: string): Promise<boolean> {
  await db
    .deleteFrom("credential_usage")
    .where("credential_id", "in", db.selectFrom("credentials").select("id").where("tenant_id", "=", id))
    .execute();
  for (const table of [
    "credentials",
    "events",
    "outbox",
    "verifications",
    "phone_numbers",
    "users",
    "conversion_counts",
    "destination_pauses",
    "guess_streaks",
    "idempotency_keys",
    // Left behind, a re-created tenant of the same id would send its events to the old receivers.
    "webhook_attempts",
    "webhook_deliveries",
    "webhook_endpoints",
    "verify_services",
  ] as const) {
    await db.deleteFrom(table).where("tenant_id", "=", id).execute();
  }
  // Windows expire within a day; still, a tenant created again with this id starts with none spent.
  const budgetScopes = await db.selectFrom("budget_usage").select("scope").distinct().execute();
  const tenantScopes = budgetScopes.map((row) => row.scope).filter((s) => isTenantBudgetScope(s, id));
  if (tenantScopes.length > 0) {
    await db.deleteFrom("budget_usage").where("scope", "in", tenantScopes).execute();
  }
  const result = await db.deleteFrom("tenants").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
