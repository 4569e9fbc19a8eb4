import type { Executor } from "./executor.js";
import { type LogPosition, olderThan, type TimeRange } from "./log-position.js";
import type { EventRow } from "./schema.js";

export interface EventLogFilter extends TimeRange {
  tenantId: string;
  /** Only the events of this user (the `user` aggregate). */
  userId?: string;
  /** An exact type, or a prefix ending in `.` (`phone_number.`). */
  type?: string;
  after?: LogPosition;
  limit: number;
}

/** The character after `.`: a prefix `p.` matches the range [`p.`, `p/`), which an index serves. */
const AFTER_DOT = String.fromCharCode(".".charCodeAt(0) + 1);

/** A tenant's events, newest first (indexes of migration 012). */
export async function listEventLog(db: Executor, filter: EventLogFilter): Promise<EventRow[]> {
  let query = db.selectFrom("events").selectAll().where("tenant_id", "=", filter.tenantId);
  if (filter.userId !== undefined) {
    query = query.where("aggregate_type", "=", "user").where("aggregate_id", "=", filter.userId);
  }
  if (filter.type !== undefined) {
    if (filter.type.endsWith(".")) {
      query = query
        .where("type", ">=", filter.type)
        .where("type", "<", `${filter.type.slice(0, -1)}${AFTER_DOT}`);
    } else {
      query = query.where("type", "=", filter.type);
    }
  }
  if (filter.since !== undefined) query = query.where("created_at", ">=", filter.since);
  if (filter.until !== undefined) query = query.where("created_at", "<", filter.until);
  const after = filter.after;
  if (after) query = query.where(olderThan({ createdAt: "created_at", id: "id" }, after));
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(filter.limit).execute();
}
