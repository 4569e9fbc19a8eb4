import type { Kysely } from "kysely";

/**
 * The operator console's sessions (docs/console.md). The cookie carries a random token; the row is
 * keyed by its SHA-256, so a database dump alone signs no one in. The admin key's secret hash rides
 * along so that every console request authenticates through the credential service: revoking the key
 * ends its sessions at once. `expires_at` is the absolute end (12 h); the idle end (30 min) is counted
 * from `last_seen_at`. Housekeeping deletes rows past either.
 *
 * Also the index the console's charts read verifications by (src/store/stats-queries.ts): a tenant's
 * verifications by creation time, so a 24-hour or 30-day window reads that window, not the table
 * (012's `outbox_by_tenant_time` serves the messages).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("console_sessions")
    .addColumn("id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("tenant_id", "varchar(64)", (c) => c.notNull())
    .addColumn("credential_id", "varchar(64)", (c) => c.notNull())
    .addColumn("secret_hash", "varchar(64)", (c) => c.notNull())
    .addColumn("csrf_secret", "varchar(64)", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("last_seen_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("console_sessions_by_last_seen")
    .on("console_sessions")
    .columns(["last_seen_at"])
    .execute();
  await db.schema
    .createIndex("verifications_by_tenant_time")
    .on("verifications")
    .columns(["tenant_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("verifications_by_tenant_time").execute();
  await db.schema.dropTable("console_sessions").execute();
}
