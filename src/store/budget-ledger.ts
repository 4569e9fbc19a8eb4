import type { Executor } from "./executor.js";
import { hotQuery, isPostgres, type PipelineStep, runHot } from "./prepared.js";

/** One amount to add to one budget's current window. */
export interface LedgerEntry {
  /** What is counted, e.g. `tenant:default:sms:h` or `ip:default:203.0.113.7:sms:h`. */
  scope: string;
  /** Start of the fixed window the amount falls in (milliseconds since the epoch). */
  windowStart: number;
  /** How long the row is kept after its window starts: at least the window, longer where it is read back. */
  keepMs: number;
  amount: number;
  /** The most the window may hold; `UNCAPPED` for a count kept only to be read. */
  cap: number;
}

/** The cap of a count that is only read (the conversion guard's sends and verifications). */
export const UNCAPPED = Number.MAX_SAFE_INTEGER;

/**
 * Adds every entry in one statement, each only if its window stays within its cap. Rows are taken in
 * one order (scope, window), so two transactions adding to the same budgets never deadlock.
 * PostgreSQL serialises the upserts of one row, so the check and the addition are exact across
 * processes; SQLite has one writer. Returns the entries that did not fit: the caller refuses and
 * rolls back, which undoes the others.
 */
const ADD_TO_BUDGETS = hotQuery({
  sqlite: `
    insert into budget_usage (scope, window_start, used, cap, expires_at)
    select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4
    from json_each($1) where true order by 1, 2
    on conflict (scope, window_start) do update
      set used = budget_usage.used + excluded.used, cap = excluded.cap
      where budget_usage.used + excluded.used <= excluded.cap
    returning scope, window_start`,
  postgres: `
    insert into budget_usage (scope, window_start, used, cap, expires_at)
    select * from unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[]) order by 1, 2
    on conflict (scope, window_start) do update
      set used = budget_usage.used + excluded.used, cap = excluded.cap
      where budget_usage.used + excluded.used <= excluded.cap
    returning scope, window_start`,
});

export async function addToBudgets(trx: Executor, entries: readonly LedgerEntry[]): Promise<LedgerEntry[]> {
  const spend = budgetSpend(trx, entries);
  if (spend.step === null) return spend.refusedOf([]);
  const { rows } = await runHot(trx, spend.step[0], spend.step[1]);
  return spend.refusedOf(rows);
}

/** `addToBudgets` as a statement to pipeline with others, and how to read which entries did not fit. */
export interface BudgetSpend {
  /** Null when nothing needs the database: nothing to add, or an entry that can never fit. */
  step: PipelineStep | null;
  refusedOf(rows: readonly unknown[]): LedgerEntry[];
}

export function budgetSpend(db: Executor, entries: readonly LedgerEntry[]): BudgetSpend {
  // An amount above its cap never fits, even in an empty window (the insert itself checks nothing).
  const over = entries.filter((e) => e.amount > e.cap);
  if (over.length > 0) return { step: null, refusedOf: () => over };
  const fits = entries.filter((e) => e.amount > 0);
  if (fits.length === 0) return { step: null, refusedOf: () => [] };
  const rows = fits.map((e) => [e.scope, e.windowStart, e.amount, e.cap, e.windowStart + e.keepMs] as const);
  const values = isPostgres(db)
    ? [0, 1, 2, 3, 4].map((column) => rows.map((row) => row[column]))
    : [JSON.stringify(rows)];
  return {
    step: [ADD_TO_BUDGETS, values],
    refusedOf(added) {
      const taken = new Set(
        (added as readonly { scope: string; window_start: number | string }[]).map(
          (row) => `${row.scope}\0${Number(row.window_start)}`,
        ),
      );
      return fits.filter((e) => !taken.has(`${e.scope}\0${e.windowStart}`));
    },
  };
}

/** Drops windows nobody reads any more; returns how many. */
export async function purgeBudgetUsage(db: Executor, now: number): Promise<number> {
  const result = await db.deleteFrom("budget_usage").where("expires_at", "<", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
