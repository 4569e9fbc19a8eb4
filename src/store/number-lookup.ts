import type { Executor } from "./executor.js";
import type { PhoneNumberRow, VerificationRow } from "./schema.js";

/** Who holds a number: at most one user per tenant; every tenant when `tenantId` is null. */
export async function findHoldersOfNumber(
  db: Executor,
  tenantId: string | null,
  e164: string,
): Promise<PhoneNumberRow[]> {
  let query = db.selectFrom("phone_numbers").selectAll().where("e164", "=", e164);
  if (tenantId !== null) query = query.where("tenant_id", "=", tenantId);
  return query.orderBy("tenant_id").orderBy("id").execute();
}

/** The verifications issued for a number, newest first, whoever held it then. */
export async function listVerificationsOfNumber(
  db: Executor,
  tenantId: string | null,
  e164: string,
  limit: number,
): Promise<VerificationRow[]> {
  let query = db.selectFrom("verifications").selectAll().where("e164", "=", e164);
  if (tenantId !== null) query = query.where("tenant_id", "=", tenantId);
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
}
