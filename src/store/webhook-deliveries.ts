import type { Executor } from "./executor.js";
import { type LogPosition, olderThan } from "./log-position.js";
import type {
  WebhookAttemptOutcome,
  WebhookAttemptRow,
  WebhookAttemptTable,
  WebhookDeliveryRow,
  WebhookDeliveryStatus,
} from "./schema.js";

/**
 * Claims up to `limit` deliveries that are due (pending and their time has come) or whose lease lapsed
 * (their process died mid-send), of enabled endpoints only, leasing them until `leaseUntil` and
 * counting the attempt. On PostgreSQL the candidates are locked with SKIP LOCKED, so several workers
 * never claim the same delivery; SQLite runs one writer at a time. Call it inside a transaction.
 */
export async function claimDueDeliveries(
  trx: Executor,
  dialect: "sqlite" | "postgres",
  now: number,
  leaseUntil: number,
  limit: number,
): Promise<WebhookDeliveryRow[]> {
  let candidates = trx
    .selectFrom("webhook_deliveries")
    .select("id")
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", now)]),
        eb.and([eb("status", "=", "sending"), eb("locked_until", "<", now)]),
      ]),
    )
    .where("endpoint_id", "in", (eb) =>
      eb.selectFrom("webhook_endpoints").select("id").where("enabled", "=", 1),
    )
    .orderBy("next_attempt_at")
    .limit(limit);
  if (dialect === "postgres") candidates = candidates.forUpdate().skipLocked();
  const ids = (await candidates.execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  return trx
    .updateTable("webhook_deliveries")
    .set((eb) => ({ status: "sending", locked_until: leaseUntil, attempts: eb("attempts", "+", 1) }))
    .where("id", "in", ids)
    .returningAll()
    .execute();
}

/** What one attempt's outcome writes to its delivery. */
export interface DeliveryOutcome {
  status: Exclude<WebhookDeliveryStatus, "sending">;
  nextAttemptAt: number | null;
  statusCode: number | null;
  error: string | null;
  attemptedAt: number;
}

/**
 * Records an attempt's outcome, only while the delivery still carries the lease the attempt held
 * (a worker that outlived its lease may have been overtaken: its late write must change nothing).
 */
export async function recordDeliveryOutcome(
  db: Executor,
  id: string,
  leasedUntil: number,
  outcome: DeliveryOutcome,
): Promise<boolean> {
  const result = await db
    .updateTable("webhook_deliveries")
    .set({
      status: outcome.status,
      next_attempt_at: outcome.nextAttemptAt,
      locked_until: null,
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
      last_attempt_at: outcome.attemptedAt,
      ...(outcome.status === "succeeded" ? { succeeded_at: outcome.attemptedAt } : {}),
    })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .where("locked_until", "=", leasedUntil)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertWebhookAttempt(db: Executor, row: WebhookAttemptTable): Promise<void> {
  await db.insertInto("webhook_attempts").values(row).execute();
}

/** Gives up every delivery of a disabled endpoint that is still waiting (replay sends one again). */
export async function failWaitingDeliveries(
  db: Executor,
  endpointId: string,
  reason: string,
): Promise<number> {
  const result = await db
    .updateTable("webhook_deliveries")
    .set({ status: "failed", next_attempt_at: null, last_error: reason })
    .where("endpoint_id", "=", endpointId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findWebhookDelivery(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<WebhookDeliveryRow | undefined> {
  return db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** An endpoint's deliveries, newest first. */
export async function listWebhookDeliveries(
  db: Executor,
  tenantId: string,
  endpointId: string,
  filter: { status?: WebhookDeliveryStatus; after?: LogPosition; limit: number },
): Promise<WebhookDeliveryRow[]> {
  let query = db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("endpoint_id", "=", endpointId);
  if (filter.status !== undefined) query = query.where("status", "=", filter.status);
  if (filter.after) query = query.where(olderThan({ createdAt: "created_at", id: "id" }, filter.after));
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(filter.limit).execute();
}

/** A delivery's attempts, first to last. */
export async function listWebhookAttempts(
  db: Executor,
  tenantId: string,
  deliveryId: string,
): Promise<WebhookAttemptRow[]> {
  return db
    .selectFrom("webhook_attempts")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("delivery_id", "=", deliveryId)
    .orderBy("attempt")
    .execute();
}

/**
 * Replay: the delivery is due again at once, for any worker, with its attempts (and their log) kept.
 * Not while an attempt is under way: that one's outcome stands.
 */
export async function replayWebhookDelivery(
  db: Executor,
  tenantId: string,
  id: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable("webhook_deliveries")
    .set({ status: "pending", next_attempt_at: now, locked_until: null })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where("status", "<>", "sending")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export type { WebhookAttemptOutcome };

/** The event a delivery sends (events are append-only, so it is there for as long as the delivery). */
export async function findDeliveredEvent(db: Executor, tenantId: string, eventId: string) {
  return db
    .selectFrom("events")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", eventId)
    .executeTakeFirst();
}

export async function findEndpointForDelivery(db: Executor, endpointId: string) {
  return db.selectFrom("webhook_endpoints").selectAll().where("id", "=", endpointId).executeTakeFirst();
}

/**
 * Deletes settled deliveries (succeeded or failed) created before `before`, with their attempts: the
 * delivery log keeps a window, not all history (the event log keeps that). Answers how many went.
 */
export async function purgeWebhookLog(db: Executor, before: number): Promise<number> {
  const old = db
    .selectFrom("webhook_deliveries")
    .select("id")
    .where("status", "in", ["succeeded", "failed"])
    .where("created_at", "<", before);
  await db.deleteFrom("webhook_attempts").where("delivery_id", "in", old).execute();
  const result = await db
    .deleteFrom("webhook_deliveries")
    .where("status", "in", ["succeeded", "failed"])
    .where("created_at", "<", before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
