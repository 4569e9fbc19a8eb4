import type { ExpressionBuilder } from "kysely";
import type { MessageStatusFilter } from "../domain/message-status.js";
import type { Executor } from "./executor.js";
import { type LogPosition, olderThan, type TimeRange } from "./log-position.js";
import type { Database, OutboxRow } from "./schema.js";

/** A message with the user and number its verification was issued for. */
export type MessageLogRow = OutboxRow & { user_id: string | null; phone_number_id: string | null };

export interface MessageLogFilter extends TimeRange {
  tenantId: string;
  /** Any of these (see `messageStatus` for how dispatch and receipt combine); all when absent. */
  statuses?: readonly MessageStatusFilter[];
  after?: LogPosition;
  limit: number;
}

type OutboxScope = ExpressionBuilder<Database & { o: Database["outbox"] }, "o">;

/** The SQL of one status filter, mirroring `messageStatus`: a receipt's word wins over the dispatch's. */
function statusCondition(eb: OutboxScope, status: MessageStatusFilter) {
  const noReceipt = eb("o.receipt_status", "is", null);
  switch (status) {
    case "queued":
      return eb.and([noReceipt, eb("o.status", "in", ["pending", "sending"])]);
    case "pending":
    case "sending":
    case "sent":
      return eb.and([noReceipt, eb("o.status", "=", status)]);
    case "failed":
      return eb.or([
        eb("o.receipt_status", "=", "failed"),
        eb.and([noReceipt, eb("o.status", "=", "failed")]),
      ]);
    case "delivered":
    case "undelivered":
      return eb("o.receipt_status", "=", status);
  }
}

function messagesWithOwner(db: Executor) {
  return db
    .selectFrom("outbox as o")
    .innerJoin("verifications as v", (join) =>
      join.onRef("v.id", "=", "o.verification_id").onRef("v.tenant_id", "=", "o.tenant_id"),
    )
    .selectAll("o")
    .select(["v.user_id", "v.phone_number_id"]);
}

/** A tenant's messages, newest first (index `outbox_by_tenant_time`, migration 012). */
export async function listMessageLog(db: Executor, filter: MessageLogFilter): Promise<MessageLogRow[]> {
  let query = messagesWithOwner(db).where("o.tenant_id", "=", filter.tenantId);
  const statuses = filter.statuses;
  if (statuses && statuses.length > 0) {
    query = query.where((eb) => eb.or(statuses.map((status) => statusCondition(eb, status))));
  }
  if (filter.since !== undefined) query = query.where("o.created_at", ">=", filter.since);
  if (filter.until !== undefined) query = query.where("o.created_at", "<", filter.until);
  const after = filter.after;
  if (after) query = query.where(olderThan({ createdAt: "o.created_at", id: "o.id" }, after));
  return query.orderBy("o.created_at", "desc").orderBy("o.id", "desc").limit(filter.limit).execute();
}

/** The messages sent to a number, newest first: in one tenant, or in every tenant when `tenantId` is null. */
export async function listMessagesToNumber(
  db: Executor,
  tenantId: string | null,
  e164: string,
  limit: number,
): Promise<MessageLogRow[]> {
  let query = messagesWithOwner(db).where("o.to_e164", "=", e164);
  if (tenantId !== null) query = query.where("o.tenant_id", "=", tenantId);
  return query.orderBy("o.created_at", "desc").orderBy("o.id", "desc").limit(limit).execute();
}
