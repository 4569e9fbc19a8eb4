import type { GuessStreak } from "../domain/guess-lock.js";
import type { Executor } from "./executor.js";
import { hotChanges, hotQuery, type PipelineStep, runHot } from "./prepared.js";

/**
 * The streaks of wrong codes on one number, one per tenant holding it. Read before a code is compared
 * (on PostgreSQL `for update`: every existing streak of the number is locked until the commit, so two
 * tenants checking codes on the same number take turns and each decides from the other's count as
 * committed); SQLite has one writer.
 */
const READ_STREAKS = hotQuery({
  sqlite: `
    select tenant_id, failures, last_wrong_at, locked_at from guess_streaks
    where e164 = $1 order by tenant_id`,
  postgres: `
    select tenant_id, failures, last_wrong_at, locked_at from guess_streaks
    where e164 = $1 order by tenant_id for update`,
});

/**
 * `READ_STREAKS` by the number's id, so that it can go out with the user's lock before the number is
 * read (`lockUserState`'s `alongside`): the server runs it after the lock, in the same round trip.
 */
const READ_STREAKS_OF_NUMBER = hotQuery({
  sqlite: `
    select tenant_id, failures, last_wrong_at, locked_at from guess_streaks
    where e164 = (select e164 from phone_numbers where tenant_id = $1 and id = $2) order by tenant_id`,
  postgres: `
    select tenant_id, failures, last_wrong_at, locked_at from guess_streaks
    where e164 = (select e164 from phone_numbers where tenant_id = $1 and id = $2) order by tenant_id for update`,
});

/** The read before a code is compared, as a statement to send with the user's lock. */
export function readGuessStreaksOfNumberStep(tenantId: string, phoneNumberId: string): PipelineStep {
  return [READ_STREAKS_OF_NUMBER, [tenantId, phoneNumberId]];
}

/** The same read without the row locks: for a send, which only decides whether to spend an SMS. */
const PEEK_STREAKS = hotQuery(
  "select tenant_id, failures, last_wrong_at, locked_at from guess_streaks where e164 = $1 order by tenant_id",
);

interface StreakRow {
  tenant_id: string;
  failures: number | string;
  last_wrong_at: number | string;
  locked_at: number | string | null;
}

const toStreak = (row: StreakRow): GuessStreak => ({
  tenantId: row.tenant_id,
  failures: Number(row.failures),
  lastWrongAt: Number(row.last_wrong_at),
  lockedAt: row.locked_at === null ? null : Number(row.locked_at),
});

/** The send's peek, as a statement to pipeline with the send's write; `guessStreaksOf` reads its rows. */
export function peekGuessStreaksStep(e164: string): PipelineStep {
  return [PEEK_STREAKS, [e164]];
}

export function guessStreaksOf(rows: readonly unknown[]): GuessStreak[] {
  return (rows as readonly StreakRow[]).map(toStreak);
}

export async function readGuessStreaks(
  db: Executor,
  e164: string,
  options: { lock: boolean },
): Promise<GuessStreak[]> {
  const { rows } = await runHot<StreakRow>(db, options.lock ? READ_STREAKS : PEEK_STREAKS, [e164]);
  return rows.map(toStreak);
}

/**
 * Counts a wrong code in this tenant's streak (a streak that lapsed before `$4` starts again at 1) and
 * returns it with the other tenants' live streaks, in one statement. On PostgreSQL the other tenants'
 * rows are still locked by the read before the comparison, so their sum is current.
 */
const COUNT_WRONG_CODE = hotQuery({
  sqlite: `
    insert into guess_streaks (tenant_id, e164, failures, last_wrong_at, locked_at) values ($1, $2, 1, $3, null)
    on conflict (tenant_id, e164) do update set
      failures = case when guess_streaks.last_wrong_at > $4 then guess_streaks.failures + 1 else 1 end,
      locked_at = case when guess_streaks.last_wrong_at > $4 then guess_streaks.locked_at else null end,
      last_wrong_at = excluded.last_wrong_at
    returning failures, (
      select coalesce(sum(o.failures), 0) from guess_streaks o
      where o.e164 = $2 and o.tenant_id <> $1 and o.last_wrong_at > $4
    ) as others`,
  postgres: `
    with others as (
      select coalesce(sum(failures), 0) as failures from guess_streaks
      where e164 = $2 and tenant_id <> $1 and last_wrong_at > $4
    ), mine as (
      insert into guess_streaks (tenant_id, e164, failures, last_wrong_at, locked_at) values ($1, $2, 1, $3, null)
      on conflict (tenant_id, e164) do update set
        failures = case when guess_streaks.last_wrong_at > $4 then guess_streaks.failures + 1 else 1 end,
        locked_at = case when guess_streaks.last_wrong_at > $4 then guess_streaks.locked_at else null end,
        last_wrong_at = excluded.last_wrong_at
      returning failures
    )
    select mine.failures, others.failures as others from mine, others`,
});

export interface CountedWrongCode {
  /** This tenant's streak, this wrong code included. */
  mine: number;
  /** The other tenants' live streaks on the same number. */
  others: number;
}

/** Counts a wrong code (see `COUNT_WRONG_CODE`), as a statement to pipeline with the check's own write. */
export function countWrongCodeStep(streak: {
  tenantId: string;
  e164: string;
  at: number;
  horizon: number;
}): PipelineStep {
  return [COUNT_WRONG_CODE, [streak.tenantId, streak.e164, streak.at, streak.horizon]];
}

export function wrongCodeCountedOf(rows: readonly unknown[], e164: string): CountedWrongCode {
  const row = rows[0] as { failures: number | string; others: number | string } | undefined;
  if (!row) throw new Error(`the wrong code on ${e164} was not counted`);
  return { mine: Number(row.failures), others: Number(row.others) };
}

const MARK_LOCKED = hotQuery("update guess_streaks set locked_at = $3 where tenant_id = $1 and e164 = $2");

/** Records when the streaks reached the cap, on the streak whose wrong code did it. */
export async function markGuessLocked(
  trx: Executor,
  tenantId: string,
  e164: string,
  at: number,
): Promise<void> {
  await hotChanges(trx, MARK_LOCKED, [tenantId, e164, at]);
}

const RESET_STREAK = hotQuery(
  "update guess_streaks set failures = 0, locked_at = null where tenant_id = $1 and e164 = $2 and failures > 0",
);

/** A success (or an admin) resets this tenant's streak; returns whether there was one to reset. */
/** `resetGuessStreak` as a statement to pipeline with the check's own write. */
export function resetGuessStreakStep(tenantId: string, e164: string): PipelineStep {
  return [RESET_STREAK, [tenantId, e164]];
}

export async function resetGuessStreak(trx: Executor, tenantId: string, e164: string): Promise<boolean> {
  return (await hotChanges(trx, RESET_STREAK, [tenantId, e164])) > 0;
}

/** The streaks of a number, for a view (no row lock: nothing is decided from them). */
export async function listGuessStreaks(db: Executor, e164: string): Promise<GuessStreak[]> {
  const rows = await db
    .selectFrom("guess_streaks")
    .select(["tenant_id", "failures", "last_wrong_at", "locked_at"])
    .where("e164", "=", e164)
    .orderBy("tenant_id")
    .execute();
  return rows.map(toStreak);
}
