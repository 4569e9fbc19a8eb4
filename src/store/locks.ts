import { PostgresAdapter, sql } from "kysely";
import type { Executor } from "./executor.js";

/** First key of Handset's per-user advisory locks: keeps them apart from other keys in the database. */
const USER_CHANGES_LOCK = 0x48_53_55;

/**
 * Makes changes to one user's set of numbers (adding one, moving the primary or the default second
 * factor, removing one) run one after another, until the calling transaction ends. Without it two
 * such transactions on PostgreSQL decide from the same stale list: both make their number the first
 * and primary one, or both clear a flag the other is setting, and one hits a unique index.
 *
 * A transaction-scoped advisory lock, not a row lock: code redemption and sends touch the same rows in
 * their own order, and must neither wait for this lock nor deadlock with it. SQLite runs one write
 * transaction at a time already, so there this does nothing. Call it inside a transaction.
 */
export async function lockUserChanges(trx: Executor, tenantId: string, userId: string): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(${sql.lit(USER_CHANGES_LOCK)}, hashtext(${`${tenantId}/${userId}`}))`.execute(
    trx,
  );
}
