import type { Executor } from "./executor.js";
import { hotQuery, hotRow } from "./prepared.js";
import type { EventRow, EventTable } from "./schema.js";

export interface NewEvent {
  id: string;
  tenantId: string;
  aggregateType: EventTable["aggregate_type"];
  aggregateId: string;
  sequence: number;
  type: string;
  actor: string;
  payload: Record<string, unknown>;
  at: number;
}

export async function insertEvent(db: Executor, event: NewEvent): Promise<void> {
  await db
    .insertInto("events")
    .values({
      id: event.id,
      tenant_id: event.tenantId,
      aggregate_type: event.aggregateType,
      aggregate_id: event.aggregateId,
      sequence: event.sequence,
      type: event.type,
      actor: event.actor,
      payload: JSON.stringify(event.payload),
      created_at: event.at,
    })
    .execute();
}

/** Every event of one aggregate (a user, a tenant). */
function eventsOf(
  db: Executor,
  tenantId: string,
  aggregateType: EventTable["aggregate_type"],
  aggregateId: string,
) {
  return db
    .selectFrom("events")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("aggregate_type", "=", aggregateType)
    .where("aggregate_id", "=", aggregateId);
}

export async function listEvents(
  db: Executor,
  tenantId: string,
  aggregateType: EventTable["aggregate_type"],
  aggregateId: string,
): Promise<EventRow[]> {
  return eventsOf(db, tenantId, aggregateType, aggregateId).orderBy("sequence").execute();
}

/** The aggregate's most recent event of one type: its sequence orders an aggregate's changes exactly. */
export async function findLatestEvent(
  db: Executor,
  tenantId: string,
  aggregateType: EventTable["aggregate_type"],
  aggregateId: string,
  type: string,
): Promise<EventRow | undefined> {
  return eventsOf(db, tenantId, aggregateType, aggregateId)
    .where("type", "=", type)
    .orderBy("sequence", "desc")
    .limit(1)
    .executeTakeFirst();
}

const APPEND_USER_EVENT = hotQuery({
  // SQLite has no data-modifying CTE: the event takes the user's next sequence in its INSERT … SELECT,
  // and the trigger `events_user_sequence` (migration 004) moves the user's sequence to it.
  sqlite: `
    insert into events (id, tenant_id, aggregate_type, aggregate_id, sequence, type, actor, payload, created_at)
    select $1, tenant_id, 'user', id, sequence + 1, $4, $5, $6, $7
    from users where tenant_id = $2 and id = $3
    returning sequence`,
  postgres: `
    with bumped as (
      update users set sequence = sequence + 1, updated_at = $7
      where tenant_id = $2 and id = $3
      returning tenant_id, id, sequence
    )
    insert into events (id, tenant_id, aggregate_type, aggregate_id, sequence, type, actor, payload, created_at)
    select $1, tenant_id, 'user', id, sequence, $4, $5, $6, $7 from bumped
    returning sequence`,
});

/**
 * Moves the user's event sequence on by one and writes the event with the new value, in one statement:
 * the event's sequence is read from the very row it moves, so the two can never disagree. The user's
 * row lock (see `lockUser`) orders writers. Returns the new sequence.
 */
export async function appendUserEvent(
  db: Executor,
  event: Omit<NewEvent, "aggregateType" | "aggregateId" | "sequence"> & { userId: string },
): Promise<number> {
  const row = await hotRow<{ sequence: number }>(db, APPEND_USER_EVENT, [
    event.id,
    event.tenantId,
    event.userId,
    event.type,
    event.actor,
    JSON.stringify(event.payload),
    event.at,
  ]);
  if (!row)
    throw new Error(`no user ${event.userId} in tenant ${event.tenantId} to record ${event.type} for`);
  return Number(row.sequence);
}
