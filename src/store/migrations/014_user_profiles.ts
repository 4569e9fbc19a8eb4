import type { Kysely } from "kysely";

/**
 * A user's profile, as the vendor surfaces keep it (Clerk's first and last name and its three
 * metadata objects), on the users row: every read of a user reads them, and none needs a join.
 * Metadata is JSON text, `{}` when empty, so that one schema reads the same on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("users").addColumn("first_name", "varchar(256)").execute();
  await db.schema.alterTable("users").addColumn("last_name", "varchar(256)").execute();
  for (const column of ["public_metadata", "private_metadata", "unsafe_metadata"]) {
    await db.schema
      .alterTable("users")
      .addColumn(column, "text", (c) => c.notNull().defaultTo("{}"))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of [
    "unsafe_metadata",
    "private_metadata",
    "public_metadata",
    "last_name",
    "first_name",
  ]) {
    await db.schema.alterTable("users").dropColumn(column).execute();
  }
}
