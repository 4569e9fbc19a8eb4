import { type ExpressionBuilder, type SelectQueryBuilder, sql } from "kysely";
import type { Executor } from "./executor.js";
import type { Database, UserRow, UserUpdate } from "./schema.js";

/**
 * Which users a search keeps. A list is "any of these"; an empty list keeps no one (every value it
 * named was unknown or unusable), `undefined` does not filter.
 */
export interface UserSearchFilter {
  e164s?: readonly string[];
  externalIds?: readonly string[];
  userIds?: readonly string[];
}

/** What users are ordered by; `null` sorts by creation alone (a field Handset users never have). */
export type UserOrderField = "created_at" | "updated_at" | "first_name" | "last_name" | "phone_number" | null;

export interface UserSearchPage {
  order: { field: UserOrderField; descending: boolean };
  limit: number;
  offset: number;
  /** Keyset cursor (creation order only): the users after this one, in the order's direction. */
  after?: { createdAt: number; id: string };
}

type UserQuery = SelectQueryBuilder<Database, "users", object>;

function filtered(db: Executor, tenantId: string, filter: UserSearchFilter): UserQuery {
  let query: UserQuery = db.selectFrom("users").where("users.tenant_id", "=", tenantId);
  const { e164s, externalIds, userIds } = filter;
  if (e164s !== undefined) {
    if (e164s.length === 0) return query.where(sql<boolean>`1 = 0`);
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("phone_numbers")
          .select("phone_numbers.id")
          .whereRef("phone_numbers.tenant_id", "=", "users.tenant_id")
          .whereRef("phone_numbers.user_id", "=", "users.id")
          .where("phone_numbers.e164", "in", [...e164s]),
      ),
    );
  }
  if (externalIds !== undefined) {
    if (externalIds.length === 0) return query.where(sql<boolean>`1 = 0`);
    query = query.where("users.external_id", "in", [...externalIds]);
  }
  if (userIds !== undefined) {
    if (userIds.length === 0) return query.where(sql<boolean>`1 = 0`);
    query = query.where("users.id", "in", [...userIds]);
  }
  return query;
}

/** The user's primary number, for ordering by phone number. */
const primaryE164 = (eb: ExpressionBuilder<Database, "users">) =>
  eb
    .selectFrom("phone_numbers")
    .select("phone_numbers.e164")
    .whereRef("phone_numbers.tenant_id", "=", "users.tenant_id")
    .whereRef("phone_numbers.user_id", "=", "users.id")
    .where("phone_numbers.is_primary", "=", 1)
    .limit(1);

/**
 * A page of a tenant's users. Users without a value for the order's field come last ascending and
 * first descending on both dialects (PostgreSQL's own rule, spelled out for SQLite); ties go by
 * creation time and id in the same direction, so a page boundary never skips or repeats a user.
 */
export async function searchUsers(
  db: Executor,
  tenantId: string,
  filter: UserSearchFilter,
  page: UserSearchPage,
): Promise<UserRow[]> {
  const direction = page.order.descending ? "desc" : "asc";
  let query = filtered(db, tenantId, filter).selectAll("users");
  const { field } = page.order;
  if (field === "first_name" || field === "last_name" || field === "phone_number") {
    const value = (eb: ExpressionBuilder<Database, "users">) =>
      field === "phone_number" ? primaryE164(eb) : eb.ref(`users.${field}`);
    query = query
      .orderBy((eb) => eb.case().when(value(eb), "is", null).then(1).else(0).end(), direction)
      .orderBy((eb) => value(eb), direction);
  } else if (field === "updated_at") {
    query = query.orderBy("users.updated_at", direction);
  }
  if (page.after) {
    const { createdAt, id } = page.after;
    const beyond = page.order.descending ? "<" : ">";
    query = query.where((eb) =>
      eb.or([
        eb("users.created_at", beyond, createdAt),
        eb.and([eb("users.created_at", "=", createdAt), eb("users.id", beyond, id)]),
      ]),
    );
  }
  return query
    .orderBy("users.created_at", direction)
    .orderBy("users.id", direction)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countUsers(db: Executor, tenantId: string, filter: UserSearchFilter): Promise<number> {
  const row = await filtered(db, tenantId, filter)
    .select((eb) => eb.fn.countAll<number | string | bigint>().as("total"))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Writes a user's own columns (its numbers are written by the number-set code). */
export async function updateUserRow(
  db: Executor,
  tenantId: string,
  id: string,
  changes: UserUpdate,
): Promise<void> {
  await db.updateTable("users").set(changes).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}
