import { sql } from "kysely";
import type { Executor } from "./executor.js";
import { hotChanges, hotQuery, hotRow, withReturning } from "./prepared.js";
import type { VerificationRow, VerificationTable } from "./schema.js";

export const INSERT_VERIFICATION = hotQuery(`
  insert into verifications (tenant_id, id, user_id, phone_number_id, e164, key_id, code_length, status,
    attempts_used, max_attempts, sends_used, last_sent_at, expires_at, created_at, updated_at)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`);

export async function insertVerification(db: Executor, row: VerificationTable): Promise<void> {
  await hotChanges(db, INSERT_VERIFICATION, insertVerificationValues(row));
}

/** The values of `INSERT_VERIFICATION` for a row. */
export function insertVerificationValues(row: VerificationTable): unknown[] {
  return [
    row.tenant_id,
    row.id,
    row.user_id,
    row.phone_number_id,
    row.e164,
    row.key_id,
    row.code_length,
    row.status,
    row.attempts_used,
    row.max_attempts,
    row.sends_used,
    row.last_sent_at,
    row.expires_at,
    row.created_at,
    row.updated_at,
  ];
}

export const VERIFICATION_SELECT = `tenant_id, id, user_id, phone_number_id, e164, key_id, code_length, status,
  attempts_used, max_attempts, sends_used, last_sent_at, expires_at, created_at, updated_at, verified_at,
  verified_strategy, service_id, sealed_code`;

export const FIND_PENDING_VERIFICATION = hotQuery(`
  select ${VERIFICATION_SELECT}
  from verifications
  where tenant_id = $1 and phone_number_id = $2 and status = 'pending'`);

/**
 * The number's open verification, if any (at most one exists: a partial unique index says so). The
 * index's predicate is in the SQL as a literal, so that the planner can use `verifications_one_pending`.
 */
export async function findPendingVerification(
  db: Executor,
  tenantId: string,
  phoneNumberId: string,
): Promise<VerificationRow | undefined> {
  return hotRow<VerificationRow>(db, FIND_PENDING_VERIFICATION, [tenantId, phoneNumberId]);
}

/** The number's most recent verification of any status. */
const FIND_LATEST_VERIFICATION = hotQuery(`
  select ${VERIFICATION_SELECT} from verifications where tenant_id = $1 and phone_number_id = $2
  order by created_at desc, id desc limit 1`);

export async function findLatestVerification(
  db: Executor,
  tenantId: string,
  phoneNumberId: string,
): Promise<VerificationRow | undefined> {
  return hotRow<VerificationRow>(db, FIND_LATEST_VERIFICATION, [tenantId, phoneNumberId]);
}

const CLOSE_VERIFICATION = hotQuery(`
  update verifications set status = $3, updated_at = $4
  where tenant_id = $1 and id = $2 and status = 'pending'`);

/** Closes an open verification that ran out of time; a no-op if another writer closed it first. */
export async function closeVerification(
  db: Executor,
  tenantId: string,
  id: string,
  status: "expired" | "canceled",
  now: number,
): Promise<void> {
  await hotChanges(db, CLOSE_VERIFICATION, [tenantId, id, status, now]);
}

/** Cancels every open verification of a number (it was removed, or verified another way). */
export async function cancelPendingVerifications(
  db: Executor,
  tenantId: string,
  phoneNumberId: string,
  now: number,
): Promise<void> {
  await db
    .updateTable("verifications")
    .set({ status: "canceled", updated_at: now })
    .where("tenant_id", "=", tenantId)
    .where("phone_number_id", "=", phoneNumberId)
    .where("status", "=", "pending")
    .execute();
}

export const RECORD_RESEND = hotQuery(`
  update verifications set sends_used = sends_used + 1, last_sent_at = $3, updated_at = $3
  where tenant_id = $1 and id = $2 and status = 'pending' and sends_used = $4 and sends_used < $5`);

/**
 * Counts one resend. The condition on `sends_used` makes two racing resends count once each, or
 * fail: never both pass a check made on a stale read.
 */
export async function recordResend(
  db: Executor,
  row: VerificationRow,
  maxSends: number,
  now: number,
): Promise<boolean> {
  return (await hotChanges(db, RECORD_RESEND, recordResendValues(row, maxSends, now))) === 1;
}

/** The values of `RECORD_RESEND`. */
export function recordResendValues(row: VerificationRow, maxSends: number, now: number): unknown[] {
  return [row.tenant_id, row.id, now, row.sends_used, maxSends];
}

export const REDEEM_VERIFICATION = hotQuery(`
  update verifications set status = 'verified', updated_at = $3
  where tenant_id = $1 and id = $2 and status = 'pending' and expires_at > $3
    and attempts_used < max_attempts`);

/**
 * Redeems a verification if, and only if, it is still open, in time and has guesses left. Under any
 * concurrency exactly one caller sees `true`.
 */
export async function redeemVerification(
  db: Executor,
  tenantId: string,
  id: string,
  now: number,
): Promise<boolean> {
  return (await hotChanges(db, REDEEM_VERIFICATION, redeemVerificationValues(tenantId, id, now))) === 1;
}

/** The values of `REDEEM_VERIFICATION`. */
export function redeemVerificationValues(tenantId: string, id: string, now: number): unknown[] {
  return [tenantId, id, now];
}

/**
 * One wrong guess counted, failing the verification on its last guess; a rejected code's event goes
 * with it (see `userEventWith`), returning `WRONG_GUESS_COUNTED`.
 */
export const COUNT_WRONG_GUESS = hotQuery(`
  update verifications set attempts_used = attempts_used + 1,
    status = case when attempts_used + 1 >= max_attempts then 'failed' else 'pending' end,
    updated_at = $3
  where tenant_id = $1 and id = $2 and status = 'pending' and expires_at > $3
    and attempts_used < max_attempts`);

/** What `COUNT_WRONG_GUESS` returns of the row it counted the guess on. */
export const WRONG_GUESS_COUNTED = ["attempts_used", "max_attempts"] as const;

/** The values of `COUNT_WRONG_GUESS`. */
export function countWrongGuessValues(tenantId: string, id: string, now: number): unknown[] {
  return [tenantId, id, now];
}

const RECORD_WRONG_GUESS = withReturning(COUNT_WRONG_GUESS, WRONG_GUESS_COUNTED);

/**
 * Counts one wrong guess in a single conditional update, failing the verification on its last guess.
 * Returns the attempts used after this guess, or undefined when the guess was not counted because
 * the verification had already closed (so the count is exact under any concurrency).
 */
export async function recordWrongGuess(
  db: Executor,
  tenantId: string,
  id: string,
  now: number,
): Promise<{ attemptsUsed: number; maxAttempts: number } | undefined> {
  const row = await hotRow<{ attempts_used: number; max_attempts: number }>(
    db,
    RECORD_WRONG_GUESS,
    countWrongGuessValues(tenantId, id, now),
  );
  return row ? { attemptsUsed: Number(row.attempts_used), maxAttempts: Number(row.max_attempts) } : undefined;
}

/** Wrong guesses made against a number after `since`, over all its verifications. */
export async function countWrongGuessesForNumber(
  db: Executor,
  tenantId: string,
  e164: string,
  since: number,
): Promise<{ wrong: number; oldestAt: number | null }> {
  const row = await db
    .selectFrom("verifications")
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>("attempts_used"), sql<number>`0`).as("wrong"),
      eb.fn.min<number>("created_at").as("oldest"),
    ])
    .where("tenant_id", "=", tenantId)
    .where("e164", "=", e164)
    .where("created_at", ">", since)
    .where("attempts_used", ">", 0)
    .executeTakeFirstOrThrow();
  return { wrong: Number(row.wrong), oldestAt: row.oldest === null ? null : Number(row.oldest) };
}

const FIND_VERIFICATION = hotQuery(`
  select ${VERIFICATION_SELECT} from verifications where tenant_id = $1 and id = $2`);

/** One verification by id: the dispatcher renders every SMS from it. */
export async function findVerification(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<VerificationRow | undefined> {
  return hotRow<VerificationRow>(db, FIND_VERIFICATION, [tenantId, id]);
}

/** The latest verification of each of the given numbers, keyed by phone number id. */
export async function findLatestVerifications(
  db: Executor,
  tenantId: string,
  phoneNumberIds: readonly string[],
): Promise<Map<string, VerificationRow>> {
  const latest = new Map<string, VerificationRow>();
  if (phoneNumberIds.length === 0) return latest;
  const rows = await db
    .selectFrom("verifications")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("phone_number_id", "in", phoneNumberIds)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  for (const row of rows) {
    if (row.phone_number_id !== null && !latest.has(row.phone_number_id))
      latest.set(row.phone_number_id, row);
  }
  return latest;
}

export async function cancelUserVerifications(
  db: Executor,
  tenantId: string,
  userId: string,
  now: number,
): Promise<void> {
  await db
    .updateTable("verifications")
    .set({ status: "canceled", updated_at: now })
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .where("status", "=", "pending")
    .execute();
}
