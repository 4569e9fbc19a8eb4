import type { Executor } from "./executor.js";
import type { OutboxRow, OutboxTable } from "./schema.js";

export async function insertOutboxMessage(db: Executor, row: OutboxTable): Promise<void> {
  await db.insertInto("outbox").values(row).execute();
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

export async function markSent(
  db: Executor,
  id: string,
  provider: string,
  providerMessageId: string | null,
  now: number,
): Promise<void> {
  await db
    .updateTable("outbox")
    .set({
      status: "sent",
      sent_at: now,
      locked_until: null,
      provider,
      provider_message_id: providerMessageId,
      last_error: null,
    })
    .where("id", "=", id)
    .execute();
}

export async function markRetry(
  db: Executor,
  id: string,
  error: string,
  nextAttemptAt: number,
): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ status: "pending", locked_until: null, next_attempt_at: nextAttemptAt, last_error: error })
    .where("id", "=", id)
    .execute();
}

export async function markFailed(db: Executor, id: string, error: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ status: "failed", locked_until: null, last_error: error })
    .where("id", "=", id)
    .execute();
}

export async function findOutboxMessage(db: Executor, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
}
