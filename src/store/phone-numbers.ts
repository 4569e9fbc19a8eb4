import type { Executor } from "./executor.js";
import { forgetNumbers } from "./locks.js";
import { hotChanges, hotQuery } from "./prepared.js";
import type { NewPhoneNumber, PhoneNumberRow, PhoneNumberUpdate, VerificationStrategy } from "./schema.js";

export async function findPhoneNumber(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<PhoneNumberRow | undefined> {
  return db
    .selectFrom("phone_numbers")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findPhoneNumberByE164(
  db: Executor,
  tenantId: string,
  e164: string,
): Promise<PhoneNumberRow | undefined> {
  return db
    .selectFrom("phone_numbers")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("e164", "=", e164)
    .executeTakeFirst();
}

export async function listPhoneNumbersOfUser(
  db: Executor,
  tenantId: string,
  userId: string,
): Promise<PhoneNumberRow[]> {
  return db
    .selectFrom("phone_numbers")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function countPhoneNumbersOfUser(
  db: Executor,
  tenantId: string,
  userId: string,
): Promise<number> {
  const row = await db
    .selectFrom("phone_numbers")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const INSERT_PHONE_NUMBER = hotQuery(`
  insert into phone_numbers (tenant_id, id, user_id, e164, region, number_type, is_primary, verified_at,
    verification_strategy, reserved_for_second_factor, default_second_factor, created_at, updated_at)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  on conflict do nothing`);

/** Inserts the number; returns false when the tenant already holds it (the unique index decides). */
export async function insertPhoneNumber(db: Executor, row: NewPhoneNumber): Promise<boolean> {
  forgetNumbers(db);
  return (await hotChanges(db, INSERT_PHONE_NUMBER, insertPhoneNumberValues(row))) === 1;
}

/** The values of `INSERT_PHONE_NUMBER` for a row. */
export function insertPhoneNumberValues(row: NewPhoneNumber): unknown[] {
  return [
    row.tenant_id,
    row.id,
    row.user_id,
    row.e164,
    row.region ?? null,
    row.number_type,
    row.is_primary ?? 0,
    row.verified_at ?? null,
    row.verification_strategy ?? null,
    row.reserved_for_second_factor ?? 0,
    row.default_second_factor ?? 0,
    row.created_at,
    row.updated_at,
  ];
}

export const MARK_VERIFIED = hotQuery(`
  update phone_numbers set verified_at = $3, verification_strategy = $4, updated_at = $3
  where tenant_id = $1 and id = $2`);

/** The values of `MARK_VERIFIED`. */
export function markVerifiedValues(
  tenantId: string,
  id: string,
  strategy: VerificationStrategy,
  now: number,
): unknown[] {
  return [tenantId, id, now, strategy];
}

export async function updatePhoneNumber(
  db: Executor,
  tenantId: string,
  id: string,
  changes: PhoneNumberUpdate,
): Promise<void> {
  forgetNumbers(db);
  await db
    .updateTable("phone_numbers")
    .set(changes)
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

/** Clears a flag on all of a user's numbers, so that another can take it within the same transaction. */
export async function clearUserFlag(
  db: Executor,
  tenantId: string,
  userId: string,
  flag: "is_primary" | "default_second_factor",
  now: number,
): Promise<void> {
  forgetNumbers(db);
  await db
    .updateTable("phone_numbers")
    .set({ [flag]: 0, updated_at: now })
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .where(flag, "=", 1)
    .execute();
}

export async function deletePhoneNumber(db: Executor, tenantId: string, id: string): Promise<boolean> {
  forgetNumbers(db);
  const result = await db
    .deleteFrom("phone_numbers")
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
