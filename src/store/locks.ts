import { PostgresAdapter } from "kysely";
import type { Executor } from "./executor.js";

/**
 * Makes every change to one user (its numbers, their verifications, its event sequence) run one after
 * another until the calling transaction ends, by locking the user's row. Every transaction that
 * changes a user takes this lock before anything else, so they queue in one order and never deadlock;
 * reads do not wait for it. Without it two transactions on PostgreSQL decide from the same stale list:
 * both make their number the first and primary one, both start "the" open verification of a number,
 * or both pass a rule that only one of them may.
 *
 * SQLite runs one write transaction at a time already, so there this only checks that the user exists.
 * Returns false when the user does not exist.
 */
export async function lockUser(trx: Executor, tenantId: string, userId: string): Promise<boolean> {
  // A use case composed of others locks the same user in each step: the lock is held until the
  // transaction ends and no other transaction can remove the user meanwhile, so only the first step
  // needs to take it.
  const key = `${tenantId}\0${userId}`;
  const held = trx.isTransaction ? lockedUsers.get(trx) : undefined;
  if (held?.has(key)) return true;
  const query = trx
    .selectFrom("users")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("id", "=", userId);
  const row = await (trx.getExecutor().adapter instanceof PostgresAdapter
    ? query.forUpdate()
    : query
  ).executeTakeFirst();
  if (row === undefined) return false;
  if (held) held.add(key);
  else if (trx.isTransaction) lockedUsers.set(trx, new Set([key]));
  return true;
}

/** The users each open transaction has locked; a transaction object is never reused after it ends. */
const lockedUsers = new WeakMap<Executor, Set<string>>();
