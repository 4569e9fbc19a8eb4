import type { Kysely } from "kysely";

/**
 * A verification keeps the length of its code, so that changing HANDSET_CODE_LENGTH leaves codes
 * already sent valid: the code is derived again at every check and resend, and used to take the
 * length from the current setting.
 *
 * Rows from before this migration get 6, the default length and the only one the service used unless
 * configured otherwise. An installation that ran with another length loses the codes open at the
 * upgrade (at most one code lifetime, 10 minutes by default): their users ask for a new code. The
 * default stays on the column because SQLite cannot drop a column default; the service always writes
 * the length it issued the code with.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("verifications")
    .addColumn("code_length", "integer", (c) => c.notNull().defaultTo(6))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("verifications").dropColumn("code_length").execute();
}
