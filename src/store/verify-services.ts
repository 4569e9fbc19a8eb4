import type { Executor } from "./executor.js";
import type { VerifyServiceRow, VerifyServiceTable } from "./schema.js";

/** A tenant's verify services (migration 018, docs/twilio-verify.md, "Services"). */

export async function insertVerifyService(db: Executor, row: VerifyServiceTable): Promise<void> {
  await db.insertInto("verify_services").values(row).execute();
}

export async function findVerifyService(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<VerifyServiceRow | undefined> {
  return db
    .selectFrom("verify_services")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/**
 * A page of a tenant's services, oldest first: ids are ULIDs made at creation, so id order is creation
 * order, and a page starts after the id `after` (a cursor) or `offset` rows in (Twilio's page numbers).
 */
export async function listVerifyServices(
  db: Executor,
  tenantId: string,
  options: { limit: number; offset?: number; after?: string },
): Promise<VerifyServiceRow[]> {
  let query = db.selectFrom("verify_services").selectAll().where("tenant_id", "=", tenantId);
  if (options.after !== undefined) query = query.where("id", ">", options.after);
  query = query.orderBy("id").limit(options.limit);
  if (options.offset !== undefined && options.offset > 0) query = query.offset(options.offset);
  return query.execute();
}

/** Writes a changed service; false when it is gone (deleted meanwhile). */
export async function updateVerifyService(
  db: Executor,
  tenantId: string,
  id: string,
  changes: Pick<VerifyServiceTable, "friendly_name" | "settings" | "updated_at">,
): Promise<boolean> {
  const result = await db
    .updateTable("verify_services")
    .set(changes)
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Deletes a service and cancels its open verifications (their codes can no longer be checked, as on
 * Twilio); the verifications stay, for the event log and lookups. False when there was no such service.
 */
export async function deleteVerifyService(
  db: Executor,
  tenantId: string,
  id: string,
  now: number,
): Promise<{ deleted: boolean; canceled: number }> {
  const result = await db
    .deleteFrom("verify_services")
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) return { deleted: false, canceled: 0 };
  const canceled = await db
    .updateTable("verifications")
    .set({ status: "canceled", updated_at: now })
    .where("tenant_id", "=", tenantId)
    .where("service_id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return { deleted: true, canceled: Number(canceled.numUpdatedRows) };
}
