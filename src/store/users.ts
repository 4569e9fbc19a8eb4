import type { Executor } from "./executor.js";
import { forgetNumbers } from "./locks.js";
import type { UserRow, UserUpdate } from "./schema.js";

export async function findUser(db: Executor, tenantId: string, id: string): Promise<UserRow | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findUserByExternalId(
  db: Executor,
  tenantId: string,
  externalId: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("external_id", "=", externalId)
    .executeTakeFirst();
}

/**
 * Inserts the user; returns false when the id (or external id) is already taken. A user created
 * again under a deleted user's id carries on that id's event sequence, which the kept events hold.
 */
export async function insertUser(
  db: Executor,
  row: { tenantId: string; id: string; externalId: string | null; now: number; profile?: UserUpdate },
): Promise<boolean> {
  const { first_name, last_name, public_metadata, private_metadata, unsafe_metadata } = row.profile ?? {};
  const result = await db
    .insertInto("users")
    .values({
      first_name,
      last_name,
      public_metadata,
      private_metadata,
      unsafe_metadata,
      tenant_id: row.tenantId,
      id: row.id,
      external_id: row.externalId,
      sequence: db
        .selectFrom("events")
        .select((eb) => eb.fn.coalesce(eb.fn.max("sequence"), eb.lit(0)).as("sequence"))
        .where("tenant_id", "=", row.tenantId)
        .where("aggregate_type", "=", "user")
        .where("aggregate_id", "=", row.id),
      created_at: row.now,
      updated_at: row.now,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export interface UserFilter {
  /** Only the user holding this E.164 number. */
  e164?: string;
  /** True: users with at least one verified number; false: users with none. */
  verified?: boolean;
}

/** Users of a tenant in id order, after the cursor. */
export async function listUsers(
  db: Executor,
  tenantId: string,
  limit: number,
  after?: string,
  filter: UserFilter = {},
): Promise<UserRow[]> {
  let query = db.selectFrom("users").selectAll().where("tenant_id", "=", tenantId);
  if (after !== undefined) query = query.where("id", ">", after);
  const { e164, verified } = filter;
  if (e164 !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("phone_numbers")
          .select("phone_numbers.id")
          .whereRef("phone_numbers.tenant_id", "=", "users.tenant_id")
          .whereRef("phone_numbers.user_id", "=", "users.id")
          .where("phone_numbers.e164", "=", e164),
      ),
    );
  }
  if (verified !== undefined) {
    query = query.where((eb) => {
      const any = eb.exists(
        eb
          .selectFrom("phone_numbers")
          .select("phone_numbers.id")
          .whereRef("phone_numbers.tenant_id", "=", "users.tenant_id")
          .whereRef("phone_numbers.user_id", "=", "users.id")
          .where("phone_numbers.verified_at", "is not", null),
      );
      return verified ? any : eb.not(any);
    });
  }
  return query.orderBy("id").limit(limit).execute();
}

export async function deleteUser(db: Executor, tenantId: string, id: string): Promise<boolean> {
  forgetNumbers(db);
  const result = await db
    .deleteFrom("users")
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
