import type { Kysely } from "kysely";

/**
 * The budget ledger: how much of each budget (a scope such as one user's SMS, one client IP's, one
 * tenant's spend) is used in each fixed window. A send adds to every budget it passes in one
 * conditional upsert, which refuses to go over the cap kept with the row: exact across processes,
 * because PostgreSQL serialises upserts of one row. The conversion guard keeps its send and
 * verification counts here too (rows without a real cap). `expires_at` lets old windows be purged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("budget_usage")
    .addColumn("scope", "varchar(200)", (c) => c.notNull())
    .addColumn("window_start", "bigint", (c) => c.notNull())
    .addColumn("used", "bigint", (c) => c.notNull())
    .addColumn("cap", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("budget_usage_pk", ["scope", "window_start"])
    .execute();
  await db.schema.createIndex("budget_usage_by_expiry").on("budget_usage").columns(["expires_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("budget_usage").execute();
}
