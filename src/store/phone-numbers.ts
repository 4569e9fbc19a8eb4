import type { Executor } from "./executor.js";
import type { NewPhoneNumber, PhoneNumberRow, PhoneNumberUpdate } from "./schema.js";

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

/** Inserts the number; returns false when the tenant already holds it (the unique index decides). */
export async function insertPhoneNumber(db: Executor, row: NewPhoneNumber): Promise<boolean> {
  const result = await db
    .insertInto("phone_numbers")
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function updatePhoneNumber(
  db: Executor,
  tenantId: string,
  id: string,
  changes: PhoneNumberUpdate,
): Promise<void> {
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
  await db
    .updateTable("phone_numbers")
    .set({ [flag]: 0, updated_at: now })
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .where(flag, "=", 1)
    .execute();
}

export async function deletePhoneNumber(db: Executor, tenantId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom("phone_numbers")
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
