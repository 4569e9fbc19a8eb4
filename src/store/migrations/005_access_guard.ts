import { type Kysely, PostgresAdapter, sql } from "kysely";
import { ACCESS_CHANGED_SQLSTATE } from "../access.js";

/**
 * PostgreSQL: `handset_access_guard(expected)`, which raises `ACCESS_CHANGED_SQLSTATE` unless
 * `access_version` reads `expected`. A request authenticated from a process's credential cache sends
 * it in the same write as its COMMIT (src/store/postgres.ts): if a credential or tenant changed since
 * the entry was cached, the transaction aborts and COMMIT is answered with ROLLBACK. A function, not a
 * `case ... else 1/0 end`, because PostgreSQL may fold a constant branch at plan time, and because its
 * error is one nothing else raises. SQLite authenticates by reading the version (nothing to add).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql
    .raw(`
      create function handset_access_guard(expected bigint) returns void language plpgsql as $$
      begin
        if not exists (select 1 from access_version where id = 1 and version = expected) then
          raise exception 'handset: credentials changed since this request was authenticated'
            using errcode = '${ACCESS_CHANGED_SQLSTATE}';
        end if;
      end
      $$`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop function handset_access_guard(bigint)`.execute(db);
}
