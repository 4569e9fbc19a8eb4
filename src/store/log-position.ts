import { type RawBuilder, type SqlBool, sql } from "kysely";

/** Where a newest-first page of a log ends: the last row's time, and its id to break ties. */
export interface LogPosition {
  createdAt: number;
  id: string;
}

/** A time range over `created_at`: `since` inclusive, `until` exclusive. */
export interface TimeRange {
  since?: number;
  until?: number;
}

/**
 * Rows strictly older than `position` in (created_at desc, id desc) order: the next page never repeats
 * a row nor skips one, even when many rows share a millisecond. The columns are the callers' literals.
 */
export function olderThan(
  columns: { createdAt: string; id: string },
  position: LogPosition,
): RawBuilder<SqlBool> {
  const createdAt = sql.ref(columns.createdAt);
  const id = sql.ref(columns.id);
  return sql<SqlBool>`(${createdAt} < ${position.createdAt} or (${createdAt} = ${position.createdAt} and ${id} < ${position.id}))`;
}
