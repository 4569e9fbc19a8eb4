import type { Kysely } from "kysely";

/**
 * A tenant's own settings (src/domain/tenant-settings.ts) beside its region lists: the high-risk
 * regions it sends to, the number types it takes beyond the defaults, and its budgets, as one JSON
 * text. Read with the user's lock in the statement that takes it, so the hot paths gain no statement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("tenants")
    .addColumn("settings", "text", (c) => c.notNull().defaultTo("{}"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("tenants").dropColumn("settings").execute();
}
