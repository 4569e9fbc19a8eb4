import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * Verifications of a bare number (`POST /v1/verifications`, docs/verifications.md): a code sent to a
 * number no user holds yet, Twilio Verify's shape. Such a row has no user and no phone number until it
 * is attached to one, so `user_id` and `phone_number_id` become nullable; every verification of a
 * user's number still has both (the services write them), and every query by user or number reads
 * only those.
 *
 * - `verified_at`, `verified_strategy`: when and how a bare verification was approved (`sms_code`,
 *   `test_number`, or `admin` for an approval without a code), so that attaching it later gives the
 *   number the right strategy and can tell whether it is still fresh. Null for the verifications of a
 *   user's number, whose number keeps both.
 * - `verifications_one_pending_bare`: at most one open verification per bare number in a tenant, as
 *   `verifications_one_pending` says per user's number (that index skips rows without a number: a
 *   unique index treats nulls as distinct on both dialects). Its predicate is written literally so
 *   that both planners use it for the lookup by number, and the insert's `on conflict` names it.
 *
 * SQLite cannot drop a NOT NULL: the table is rebuilt (copy, drop, rename) with its indexes, in the
 * migration's transaction. Nothing references `verifications` by foreign key, and it has no trigger.
 */
const BARE_PENDING = "status = 'pending' and phone_number_id is null";

/** The indexes of `verifications` before this migration (001, 002, 012, 013), rebuilt on SQLite. */
const INDEXES = [
  `create unique index verifications_one_pending on verifications (tenant_id, phone_number_id) where status = 'pending'`,
  "create index verifications_by_number on verifications (tenant_id, e164, created_at)",
  "create index verifications_by_phone_number on verifications (tenant_id, phone_number_id, created_at)",
  "create index verifications_by_e164 on verifications (e164, created_at)",
  "create index verifications_by_tenant_time on verifications (tenant_id, created_at)",
];

const COLUMNS = `tenant_id, id, user_id, phone_number_id, e164, key_id, status, attempts_used, max_attempts,
  sends_used, last_sent_at, expires_at, created_at, updated_at, code_length`;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table verifications alter column user_id drop not null`.execute(db);
    await sql`alter table verifications alter column phone_number_id drop not null`.execute(db);
    await sql`alter table verifications add column verified_at bigint`.execute(db);
    await sql`alter table verifications add column verified_strategy varchar(32)`.execute(db);
  } else {
    await db.schema
      .createTable("verifications_015")
      .addColumn("tenant_id", "varchar(64)", (c) => c.notNull())
      .addColumn("id", "varchar(64)", (c) => c.notNull())
      .addColumn("user_id", "varchar(64)")
      .addColumn("phone_number_id", "varchar(64)")
      .addColumn("e164", "varchar(20)", (c) => c.notNull())
      .addColumn("key_id", "varchar(64)", (c) => c.notNull())
      .addColumn("status", "varchar(16)", (c) => c.notNull())
      .addColumn("attempts_used", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("max_attempts", "integer", (c) => c.notNull())
      .addColumn("sends_used", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("last_sent_at", "bigint", (c) => c.notNull())
      .addColumn("expires_at", "bigint", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .addColumn("code_length", "integer", (c) => c.notNull().defaultTo(6))
      .addColumn("verified_at", "bigint")
      .addColumn("verified_strategy", "varchar(32)")
      .addPrimaryKeyConstraint("verifications_pk", ["tenant_id", "id"])
      .execute();
    await sql
      .raw(`insert into verifications_015 (${COLUMNS}) select ${COLUMNS} from verifications`)
      .execute(db);
    await sql`drop table verifications`.execute(db);
    await sql`alter table verifications_015 rename to verifications`.execute(db);
    for (const statement of INDEXES) await sql.raw(statement).execute(db);
  }
  await sql
    .raw(
      `create unique index verifications_one_pending_bare on verifications (tenant_id, e164) where ${BARE_PENDING}`,
    )
    .execute(db);
}

/**
 * Back to 014: bare verifications have no number to keep them, so they are deleted (with the SMS
 * queued for them nothing is lost that a user holds).
 */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index verifications_one_pending_bare`.execute(db);
  await sql`delete from verifications where phone_number_id is null or user_id is null`.execute(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table verifications drop column verified_strategy`.execute(db);
    await sql`alter table verifications drop column verified_at`.execute(db);
    await sql`alter table verifications alter column phone_number_id set not null`.execute(db);
    await sql`alter table verifications alter column user_id set not null`.execute(db);
    return;
  }
  await db.schema
    .createTable("verifications_014")
    .addColumn("tenant_id", "varchar(64)", (c) => c.notNull())
    .addColumn("id", "varchar(64)", (c) => c.notNull())
    .addColumn("user_id", "varchar(64)", (c) => c.notNull())
    .addColumn("phone_number_id", "varchar(64)", (c) => c.notNull())
    .addColumn("e164", "varchar(20)", (c) => c.notNull())
    .addColumn("key_id", "varchar(64)", (c) => c.notNull())
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    .addColumn("attempts_used", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("max_attempts", "integer", (c) => c.notNull())
    .addColumn("sends_used", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_sent_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("code_length", "integer", (c) => c.notNull().defaultTo(6))
    .addPrimaryKeyConstraint("verifications_pk", ["tenant_id", "id"])
    .execute();
  await sql
    .raw(`insert into verifications_014 (${COLUMNS}) select ${COLUMNS} from verifications`)
    .execute(db);
  await sql`drop table verifications`.execute(db);
  await sql`alter table verifications_014 rename to verifications`.execute(db);
  for (const statement of INDEXES) await sql.raw(statement).execute(db);
}
