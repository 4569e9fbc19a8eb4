import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * Two things the hot paths lean on, kept true by the database itself so no code path can forget them.
 *
 * `access_version`, one row whose counter moves on in the same transaction as every change to a
 * credential (a revocation above all), to a tenant, and every deletion of a user: a process may keep
 * what it read about a credential for as long as the counter reads the same, and the counter lives in
 * the database, so a revocation by any process is seen by every other at its next request. Issuing a
 * credential does not move it: a new secret hash cannot be in anyone's cache, and issuing stays free
 * of a single row every issuer would queue on.
 *
 * On SQLite, a trigger that moves a user's event sequence to the sequence of the event just written,
 * so that writing a user's event and moving its sequence are one statement (`INSERT … SELECT
 * sequence + 1 FROM users`); SQLite has no data-modifying CTE, which is how PostgreSQL does it
 * (src/store/events.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("access_version")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("version", "bigint", (c) => c.notNull())
    .execute();
  await sql`insert into access_version (id, version) values (1, 0)`.execute(db);

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      create function handset_access_changed() returns trigger language plpgsql as $$
      begin
        update access_version set version = version + 1 where id = 1;
        return null;
      end
      $$`.execute(db);
    await sql`create trigger credentials_access_changed after update or delete on credentials
      for each statement execute function handset_access_changed()`.execute(db);
    await sql`create trigger tenants_access_changed after update or delete on tenants
      for each statement execute function handset_access_changed()`.execute(db);
    await sql`create trigger users_access_changed after delete on users
      for each statement execute function handset_access_changed()`.execute(db);
    return;
  }

  for (const [name, when] of [
    ["credentials_updated_access", "after update on credentials"],
    ["credentials_deleted_access", "after delete on credentials"],
    ["tenants_updated_access", "after update on tenants"],
    ["tenants_deleted_access", "after delete on tenants"],
    ["users_deleted_access", "after delete on users"],
  ] as const) {
    await sql
      .raw(
        `create trigger ${name} ${when} begin update access_version set version = version + 1 where id = 1; end`,
      )
      .execute(db);
  }
  await sql`
    create trigger events_user_sequence after insert on events
    when new.aggregate_type = 'user'
    begin
      update users set sequence = new.sequence, updated_at = new.created_at
      where tenant_id = new.tenant_id and id = new.aggregate_id and sequence < new.sequence;
    end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger credentials_access_changed on credentials`.execute(db);
    await sql`drop trigger tenants_access_changed on tenants`.execute(db);
    await sql`drop trigger users_access_changed on users`.execute(db);
    await sql`drop function handset_access_changed()`.execute(db);
  } else {
    for (const name of [
      "credentials_updated_access",
      "credentials_deleted_access",
      "tenants_updated_access",
      "tenants_deleted_access",
      "users_deleted_access",
      "events_user_sequence",
    ]) {
      await sql.raw(`drop trigger ${name}`).execute(db);
    }
  }
  await db.schema.dropTable("access_version").execute();
}
