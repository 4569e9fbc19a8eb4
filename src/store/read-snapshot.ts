import type { Executor } from "./executor.js";

/**
 * Runs several reads on one snapshot: a read-only REPEATABLE READ transaction on PostgreSQL (a
 * deferred one on SQLite, where every transaction is serializable), so that what the reads answer
 * together was true together. Inside an open transaction the reads simply join it.
 */
export function readSnapshot<T>(db: Executor, work: (db: Executor) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().setIsolationLevel("repeatable read").setAccessMode("read only").execute(work);
}
