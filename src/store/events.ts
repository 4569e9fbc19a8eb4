import type { Executor } from "./executor.js";
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
