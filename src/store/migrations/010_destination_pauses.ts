import type { Kysely } from "kysely";

/**
 * The conversion guard (docs/fraud-guard.md, "Conversion guard"). `conversion_counts` holds, per tenant,
 * destination (`country:NG`, `prefix:+234803`) and fixed window, the SMS sent and the codes verified:
 * a send adds to its rows in one upsert that also reads what the guard decides from, so two processes
 * never double-count (PostgreSQL serialises upserts of one row). `destination_pauses` holds each
 * destination's latest pause, with the figures that caused it; a row outlives its pause, so that the
 * traffic that caused it is not counted again when the cool-off ends. `expires_at` lets old windows
 * be purged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("conversion_counts")
    .addColumn("tenant_id", "varchar(64)", (c) => c.notNull())
    .addColumn("scope", "varchar(64)", (c) => c.notNull())
    .addColumn("window_start", "bigint", (c) => c.notNull())
    .addColumn("sent", "bigint", (c) => c.notNull())
    .addColumn("verified", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("conversion_counts_pk", ["tenant_id", "scope", "window_start"])
    .execute();
  await db.schema
    .createIndex("conversion_counts_by_expiry")
    .on("conversion_counts")
    .columns(["expires_at"])
    .execute();
  await db.schema
    .createTable("destination_pauses")
    .addColumn("tenant_id", "varchar(64)", (c) => c.notNull())
    .addColumn("scope", "varchar(64)", (c) => c.notNull())
    .addColumn("paused_at", "bigint", (c) => c.notNull())
    .addColumn("paused_until", "bigint", (c) => c.notNull())
    .addColumn("sent", "bigint", (c) => c.notNull())
    .addColumn("verified", "bigint", (c) => c.notNull())
    .addColumn("reason", "varchar(200)", (c) => c.notNull())
    .addPrimaryKeyConstraint("destination_pauses_pk", ["tenant_id", "scope"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("destination_pauses").execute();
  await db.schema.dropTable("conversion_counts").execute();
}
