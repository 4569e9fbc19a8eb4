import type { SmsEncoding } from "../domain/sms-text.js";
import type { Executor } from "./executor.js";
import { hotChanges, hotQuery, hotRow, withReturning } from "./prepared.js";
import type { OutboxRow, OutboxTable } from "./schema.js";

/**
 * A message's insert, as a hot query: a send writes it with its verification and event (one
 * statement on PostgreSQL, see `userEventWith`).
 */
export const INSERT_OUTBOX_MESSAGE = hotQuery(`
  insert into outbox (id, tenant_id, verification_id, to_e164, template, status, delivery_attempts,
    next_attempt_at, locked_until, provider, provider_message_id, last_error, created_at, sent_at, locale,
    app_name, app_hash)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`);

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
    row.locale,
    row.app_name ?? null,
    row.app_hash ?? null,
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
        eb.and([
          eb("status", "=", "pending"),
          eb("next_attempt_at", "<=", now),
          eb("receipt_status", "is", null),
        ]),
        // A receipt settles a message whose sender died after the provider took it.
        eb.and([
          eb("status", "=", "sending"),
          eb("locked_until", "<", now),
          eb("receipt_status", "is", null),
        ]),
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
    provider_message_id = $3, last_error = null, encoding = $4, segments = $5
  where id = $6 and status = 'sending' and locked_until = $7`);

/** What a provider's acceptance tells about a message. */
export interface SentMessage {
  provider: string;
  providerMessageId: string | null;
  encoding: SmsEncoding;
  segments: number;
}

export async function markSent(
  db: Executor,
  id: string,
  leasedUntil: number,
  sent: SentMessage,
  now: number,
): Promise<boolean> {
  const values = [now, sent.provider, sent.providerMessageId, sent.encoding, sent.segments, id, leasedUntil];
  return (await hotChanges(db, MARK_SENT, values)) > 0;
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
  update outbox set status = 'failed', locked_until = null, last_error = $1, failed_at = $2
  where id = $3 and status = 'sending' and locked_until = $4`);

export async function markFailed(
  db: Executor,
  id: string,
  leasedUntil: number,
  error: string,
  now: number,
): Promise<boolean> {
  return (await hotChanges(db, MARK_FAILED, [error, now, id, leasedUntil])) > 0;
}

export async function findOutboxMessage(db: Executor, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * A provider's final word on a message, matched by the outbox id its receipt carries. Only the first
 * final receipt counts, and only from the provider that took the message, or from any provider while
 * the send's outcome is not yet recorded (a receipt may overtake it). A receipt that overtakes it names
 * its provider and message id on the row, so that the event it writes says who delivered. A message
 * waiting for a retry (its provider took it but answered too late) is settled as sent: it is never
 * claimed, so never sent, again.
 */
const RECORD_RECEIPT_BY_ID = hotQuery(`
  update outbox set receipt_status = $1, receipt_error = $2, receipt_at = $3,
    provider = coalesce(provider, $5), provider_message_id = coalesce(provider_message_id, $6),
    status = case when status = 'pending' then 'sent' else status end,
    sent_at = case when status = 'pending' then coalesce(sent_at, $3) else sent_at end
  where id = $4 and receipt_status is null and (provider = $5 or provider is null)`);

/** The same, matched by the provider's own message id. */
const RECORD_RECEIPT_BY_PROVIDER_ID = hotQuery(`
  update outbox set receipt_status = $1, receipt_error = $2, receipt_at = $3
  where provider = $4 and provider_message_id = $5 and receipt_status is null`);

export interface ReceiptWrite {
  provider: string;
  messageId: string | null;
  providerMessageId: string | null;
  status: NonNullable<OutboxRow["receipt_status"]>;
  error: string | null;
  at: number;
}

const RECORD_RECEIPT_BY_ID_RETURNING = withReturning(RECORD_RECEIPT_BY_ID, ["to_e164"]);
const RECORD_RECEIPT_BY_PROVIDER_ID_RETURNING = withReturning(RECORD_RECEIPT_BY_PROVIDER_ID, ["to_e164"]);

/**
 * Records a receipt and answers the message's destination (for the metrics' region, in the same
 * statement), or undefined when no message of that provider without a receipt matched.
 */
export async function recordReceiptTo(
  db: Executor,
  receipt: ReceiptWrite,
): Promise<{ to: string } | undefined> {
  const head = [receipt.status, receipt.error, receipt.at];
  let row: { to_e164: string } | undefined;
  if (receipt.messageId !== null) {
    const values = [...head, receipt.messageId, receipt.provider, receipt.providerMessageId];
    row = await hotRow(db, RECORD_RECEIPT_BY_ID_RETURNING, values);
  } else if (receipt.providerMessageId !== null) {
    const values = [...head, receipt.provider, receipt.providerMessageId];
    row = await hotRow(db, RECORD_RECEIPT_BY_PROVIDER_ID_RETURNING, values);
  }
  return row === undefined ? undefined : { to: row.to_e164 };
}

/** Records a receipt; false when no message of that provider without a receipt matched. */
export async function recordReceipt(db: Executor, receipt: ReceiptWrite): Promise<boolean> {
  return (await recordReceiptTo(db, receipt)) !== undefined;
}

/** One message of a tenant, with the user its verification was issued to. */
export async function findMessage(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<(OutboxRow & { user_id: string | null; phone_number_id: string | null }) | undefined> {
  return db
    .selectFrom("outbox")
    .innerJoin("verifications", (join) =>
      join
        .onRef("verifications.id", "=", "outbox.verification_id")
        .onRef("verifications.tenant_id", "=", "outbox.tenant_id"),
    )
    .selectAll("outbox")
    .select(["verifications.user_id", "verifications.phone_number_id"])
    .where("outbox.tenant_id", "=", tenantId)
    .where("outbox.id", "=", id)
    .executeTakeFirst();
}

/** The messages sent for a phone number's verifications, newest first. */
export async function listMessagesOfPhoneNumber(
  db: Executor,
  tenantId: string,
  phoneNumberId: string,
  limit: number,
): Promise<OutboxRow[]> {
  return db
    .selectFrom("outbox")
    .innerJoin("verifications", (join) =>
      join
        .onRef("verifications.id", "=", "outbox.verification_id")
        .onRef("verifications.tenant_id", "=", "outbox.tenant_id"),
    )
    .selectAll("outbox")
    .where("verifications.tenant_id", "=", tenantId)
    .where("verifications.phone_number_id", "=", phoneNumberId)
    .orderBy("outbox.created_at", "desc")
    .orderBy("outbox.id", "desc")
    .limit(limit)
    .execute();
}

/** The outbox's backlog: messages not yet handed off, and the oldest time one of them fell due. */
export interface OutboxBacklog {
  /** Messages pending or being sent. */
  depth: number;
  /** `next_attempt_at` of the oldest pending message already due, or null when none is. */
  oldestDueAt: number | null;
}

/**
 * One statement over the `outbox_due` index (`status, next_attempt_at`), which holds every column it
 * reads: the scrape of `/metrics` runs it, so it must stay cheap however many sent rows the table keeps.
 */
export async function readOutboxBacklog(db: Executor, now: number): Promise<OutboxBacklog> {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => [
      eb.fn.countAll<number | string>().as("depth"),
      eb.fn
        .min<number | null>(
          eb
            .case()
            .when(eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", now)]))
            .then(eb.ref("next_attempt_at"))
            .end(),
        )
        .as("oldest_due_at"),
    ])
    .where("status", "in", ["pending", "sending"])
    .executeTakeFirst();
  const oldest = row?.oldest_due_at;
  return {
    depth: Number(row?.depth ?? 0),
    oldestDueAt: oldest === null || oldest === undefined ? null : Number(oldest),
  };
}
