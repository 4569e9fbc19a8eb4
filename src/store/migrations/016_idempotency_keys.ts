import type { Kysely } from "kysely";

/**
 * The native API's idempotency keys (docs/idempotency.md). One row per tenant, owner (the tenant's
 * admin keys share one space, each user's tokens another) and key: the primary key is the claim, so
 * that exactly one request runs for a key across every process on the database. `fingerprint` is the
 * SHA-256 of the request (method, path, canonical body, credential); `claim_token` names the request
 * that holds the key, so that a request whose lease was taken over cannot write over its successor.
 * `state` is running, done (with the answer) or withheld (an answer carrying a secret: not kept).
 * Housekeeping deletes rows past `expires_at` (24 h after the first request).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("idempotency_keys")
    .addColumn("tenant_id", "varchar(64)", (c) => c.notNull())
    .addColumn("owner", "varchar(128)", (c) => c.notNull())
    .addColumn("key", "varchar(255)", (c) => c.notNull())
    .addColumn("fingerprint", "varchar(64)", (c) => c.notNull())
    .addColumn("claim_token", "varchar(64)", (c) => c.notNull())
    .addColumn("state", "varchar(16)", (c) => c.notNull())
    .addColumn("lease_until", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("status", "integer")
    .addColumn("headers", "text")
    .addColumn("body", "text")
    .addPrimaryKeyConstraint("idempotency_keys_pk", ["tenant_id", "owner", "key"])
    .execute();
  await db.schema
    .createIndex("idempotency_keys_by_expiry")
    .on("idempotency_keys")
    .columns(["expires_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("idempotency_keys").execute();
}
