import type { Executor } from "./executor.js";
import { hotChanges, hotQuery } from "./prepared.js";
import type { OutboxRow, OutboxTable } from "./schema.js";

/**
 * A message's insert, as a hot query: a send writes it with its verification and event (one
 * statement on PostgreSQL, see `userEventWith`).
 */
export const INSERT_OUTBOX_MESSAGE = hotQuery(`
  insert into outbox (id, tenant_id, verification_id, to_e164, template, status, delivery_attempts,
    next_attempt_at, locked_until, provider, provider_message_id, last_error, created_at, sent_at)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`);

/** The values of `INSERT_OUTBOX_MESSAGE` for a row. */
export function insertOutboxMessageValues(row: OutboxTable): unknown[] {
  return [
    row.id,
    row.tenant_id,
    row.verification_id,
    row.to_e164,
    row.template,
    row.status,
    row.delivery_attempts,
    row.next_attempt_at,
    row.locked_until,
    row.provider,
    row.provider_message_id,
    row.last_error,
    row.created_at,
    row.sent_at,
  ];
}

export async function insertOutboxMessage(db: Executor, row: OutboxTable): Promise<void> {
  await hotChanges(db, INSERT_OUTBOX_MESSAGE, insertOutboxMessageValues(row));
}

/** SMS queued to a number after `since`, oldest first, for the per-number send budget. */
export async function listRecentSendsToNumber(
  db: Executor,
  tenantId: string,
  e164: string,
  since: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom("outbox")
    .select("created_at")
    .where("tenant_id", "=", tenantId)
    .where("to_e164", "=", e164)
    .where("created_at", ">", since)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => Number(r.created_at));
}

/**
 * Claims up to `limit` messages that are due, or whose previous claim lapsed (its process died),
 * by leasing them until `leaseUntil`. On PostgreSQL the candidates are locked with SKIP LOCKED so
 * that several dispatchers never claim the same message. Call it inside a transaction.
 */
export async function claimDueMessages(
  trx: Executor,
  dialect: "sqlite" | "postgres",
  now: number,
  leaseUntil: number,
  limit: number,
): Promise<OutboxRow[]> {
  let candidates = trx
    .selectFrom("outbox")
    .select("id")
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", now)]),
        eb.and([eb("status", "=", "sending"), eb("locked_until", "<", now)]),
      ]),
    )
    .orderBy("next_attempt_at")
    .limit(limit);
  if (dialect === "postgres") candidates = candidates.forUpdate().skipLocked();
  const ids = (await candidates.execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  return trx
    .updateTable("outbox")
    .set((eb) => ({
      status: "sending",
      locked_until: leaseUntil,
      delivery_attempts: eb("delivery_attempts", "+", 1),
    }))
    .where("id", "in", ids)
    .returningAll()
    .execute();
}

/**
 * Hands back a lease taken at write by a process that then had no room to send the message: it is
 * due again at once for any dispatcher's claim, and the attempt it counted is uncounted (the claim
 * counts it again). Only while the lease is still the one written, so a takeover is never undone.
 */
export async function releaseLease(db: Executor, id: string, leasedUntil: number): Promise<boolean> {
  const result = await db
    .updateTable("outbox")
    .set((eb) => ({
      status: "pending",
      locked_until: null,
      delivery_attempts: eb("delivery_attempts", "-", 1),
    }))
    .where("id", "=", id)
    .where("status", "=", "sending")
    .where("locked_until", "=", leasedUntil)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * The result writes below record what became of one delivery. Each applies only while the row still
 * carries the lease that delivery holds (`status = 'sending'` and `locked_until` equal to the lease the
 * claim returned, or the one written at write for a hand-over at commit), and says whether it applied.
 * A delivery that outlived its lease may have been taken over — the new holder's claim wrote a later
 * lease, and perhaps its own outcome since — so its late write must change nothing: false, not an error.
 * A lapsed lease that nobody took over still matches, so a slow delivery's result is kept.
 */
const MARK_SENT = hotQuery(`
  update outbox set status = 'sent', sent_at = $1, locked_until = null, provider = $2,
    provider_message_id = $3, last_error = null
  where id = $4 and status = 'sending' and locked_until = $5`);

export async function markSent(
  db: Executor,
  id: string,
  leasedUntil: number,
  provider: string,
  providerMessageId: string | null,
  now: number,
): Promise<boolean> {
  return (await hotChanges(db, MARK_SENT, [now, provider, providerMessageId, id, leasedUntil])) > 0;
}

/** Due again at `nextAttemptAt`, for any dispatcher; only while `leasedUntil` is the row's lease. */
const MARK_RETRY = hotQuery(`
  update outbox set status = 'pending', locked_until = null, next_attempt_at = $1, last_error = $2
  where id = $3 and status = 'sending' and locked_until = $4`);

export async function markRetry(
  db: Executor,
  id: string,
  leasedUntil: number,
  error: string,
  nextAttemptAt: number,
): Promise<boolean> {
  return (await hotChanges(db, MARK_RETRY, [nextAttemptAt, error, id, leasedUntil])) > 0;
}

/** Given up for good; only while `leasedUntil` is the row's lease. */
const MARK_FAILED = hotQuery(`
  update outbox set status = 'failed', locked_until = null, last_error = $1
  where id = $2 and status = 'sending' and locked_until = $3`);

export async function markFailed(
  db: Executor,
  id: string,
  leasedUntil: number,
  error: string,
): Promise<boolean> {
  return (await hotChanges(db, MARK_FAILED, [error, id, leasedUntil])) > 0;
}

export async function findOutboxMessage(db: Executor, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
}
