import type { Executor } from "./executor.js";
import type { ConsoleSessionRow } from "./schema.js";

export async function insertConsoleSession(db: Executor, row: ConsoleSessionRow): Promise<void> {
  await db.insertInto("console_sessions").values(row).execute();
}

/** The session with `id`, if it has passed neither its absolute end nor its idle limit at `now`. */
export async function findLiveConsoleSession(
  db: Executor,
  id: string,
  now: number,
  idleMs: number,
): Promise<ConsoleSessionRow | undefined> {
  const row = await db
    .selectFrom("console_sessions")
    .selectAll()
    .where("id", "=", id)
    .where("expires_at", ">", now)
    .where("last_seen_at", ">", now - idleMs)
    .executeTakeFirst();
  // PostgreSQL answers bigint columns as strings.
  return (
    row && {
      ...row,
      created_at: Number(row.created_at),
      last_seen_at: Number(row.last_seen_at),
      expires_at: Number(row.expires_at),
    }
  );
}

export async function touchConsoleSession(db: Executor, id: string, now: number): Promise<void> {
  await db.updateTable("console_sessions").set({ last_seen_at: now }).where("id", "=", id).execute();
}

export async function deleteConsoleSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("console_sessions").where("id", "=", id).execute();
}

/** Deletes the sessions past their absolute end or idle limit; answers how many. */
export async function purgeConsoleSessions(db: Executor, now: number, idleMs: number): Promise<number> {
  const result = await db
    .deleteFrom("console_sessions")
    .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<=", now - idleMs)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
