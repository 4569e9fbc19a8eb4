import { type Kysely, sql } from "kysely";

/** The scopes every admin key held by default before keys, events and tenants had scopes of their own. */
const OLD_DEFAULT_SCOPES = ["users:read", "users:write", "phone:read", "phone:write", "phone:verify"];
/** What such a key gains, so that it can use the routes added with them (never `tenants:manage`). */
const NEW_DEFAULT_SCOPES = ["keys:read", "keys:write", "events:read"];

/**
 * `credential_usage`: when each credential was last used, within a minute. Kept apart from
 * `credentials` because an update of `credentials` moves the access version (migration 004), which
 * would empty every process's credential cache each time a use is written; this table has no trigger,
 * and it is written in the background (src/services/credential-usage.ts), never by a request.
 *
 * Admin keys that hold the whole old default set are given the new default scopes, so that keys made
 * before them can list and revoke keys and read the event log, as a key made now can. A key made
 * with fewer scopes was narrowed on purpose and keeps what it has.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("credential_usage")
    .addColumn("credential_id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("last_used_at", "bigint", (c) => c.notNull())
    .execute();

  const { rows } = await sql<{ id: string; scopes: string }>`
    select id, scopes from credentials where kind = 'admin_key'`.execute(db);
  for (const row of rows) {
    const held = row.scopes.split(" ").filter((s) => s.length > 0);
    if (!OLD_DEFAULT_SCOPES.every((scope) => held.includes(scope))) continue;
    const missing = NEW_DEFAULT_SCOPES.filter((scope) => !held.includes(scope));
    if (missing.length === 0) continue;
    await sql`update credentials set scopes = ${[...held, ...missing].join(" ")} where id = ${row.id}`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("credential_usage").execute();
}
