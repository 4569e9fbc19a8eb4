import type { Kysely } from "kysely";

/**
 * The lifetime guess cap (docs/fraud-guard.md, "Lifetime guess cap"): consecutive wrong codes per tenant and
 * number. The cap counts the streaks of every tenant holding the same E.164 number, hence the index
 * by number. A success resets its tenant's streak to 0; `locked_at` is when the streaks reached the
 * cap; a streak whose `last_wrong_at` is a lock window old counts nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("guess_streaks")
    .addColumn("tenant_id", "varchar(64)", (c) => c.notNull())
    .addColumn("e164", "varchar(20)", (c) => c.notNull())
    .addColumn("failures", "bigint", (c) => c.notNull())
    .addColumn("last_wrong_at", "bigint", (c) => c.notNull())
    .addColumn("locked_at", "bigint")
    .addPrimaryKeyConstraint("guess_streaks_pk", ["tenant_id", "e164"])
    .execute();
  await db.schema.createIndex("guess_streaks_by_number").on("guess_streaks").columns(["e164"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("guess_streaks").execute();
}
