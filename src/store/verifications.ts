import { sql } from "kysely";
import type { Executor } from "./executor.js";
import type { VerificationRow, VerificationTable } from "./schema.js";

export async function insertVerification(db: Executor, row: VerificationTable): Promise<void> {
  await db.insertInto("verifications").values(row).execute();
}

/** The number's open verification, if any (at most one exists: a partial unique index says so). */
export async function findPendingVerification(
  db: Executor,
  tenantId: string,
  phoneNumberId: string,
): Promise<VerificationRow | undefined> {
  return db
    .selectFrom("verifications")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("phone_number_id", "=", phoneNumberId)
    .where("status", "=", "pending")
    .executeTakeFirst();
}

/** The number's most recent verification of any status. */
export async function findLatestVerification(
  db: Executor,
  tenantId: string,
  phoneNumberId: string,
): Promise<VerificationRow | undefined> {
  return db
    .selectFrom("verifications")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("phone_number_id", "=", phoneNumberId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Closes an open verification that ran out of time; a no-op if another writer closed it first. */
export async function closeVerification(
  db: Executor,
  tenantId: string,
  id: string,
  status: "expired" | "canceled",
  now: number,
): Promise<void> {
  await db
    .updateTable("verifications")
    .set({ status, updated_at: now })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where("status", "=", "pending")
    .execute();
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
  const result = await db
    .updateTable("verifications")
    .set({ sends_used: row.sends_used + 1, last_sent_at: now, updated_at: now })
    .where("tenant_id", "=", row.tenant_id)
    .where("id", "=", row.id)
    .where("status", "=", "pending")
    .where("sends_used", "=", row.sends_used)
    .where("sends_used", "<", maxSends)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

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
  const result = await db
    .updateTable("verifications")
    .set({ status: "verified", updated_at: now })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("expires_at", ">", now)
    .where((eb) => eb("attempts_used", "<", eb.ref("max_attempts")))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

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
  const row = await db
    .updateTable("verifications")
    .set((eb) => ({
      attempts_used: eb("attempts_used", "+", 1),
      status: sql<
        "pending" | "failed"
      >`case when attempts_used + 1 >= max_attempts then 'failed' else 'pending' end`,
      updated_at: now,
    }))
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("expires_at", ">", now)
    .where((eb) => eb("attempts_used", "<", eb.ref("max_attempts")))
    .returning(["attempts_used", "max_attempts"])
    .executeTakeFirst();
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

export async function findVerification(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<VerificationRow | undefined> {
  return db
    .selectFrom("verifications")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
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
  for (const row of rows) if (!latest.has(row.phone_number_id)) latest.set(row.phone_number_id, row);
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
