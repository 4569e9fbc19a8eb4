import type { Executor } from "./executor.js";
import { forgetNumbers } from "./locks.js";
import {
  type HotQuery,
  hotQuery,
  hotRow,
  isPostgres,
  type PipelineStep,
  pipeline,
  runHot,
  withReturning,
} from "./prepared.js";
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

/** An event of a user: its sequence comes from the user's row. */
export type NewUserEvent = Omit<NewEvent, "aggregateType" | "aggregateId" | "sequence"> & { userId: string };

/** A user event's values, in the order `APPEND_USER_EVENT` and the composed writes bind them. */
function userEventValues(event: NewUserEvent): unknown[] {
  return [
    event.id,
    event.tenantId,
    event.userId,
    event.type,
    event.actor,
    JSON.stringify(event.payload),
    event.at,
  ];
}

/**
 * Moves the user's event sequence on by one and writes the event with the new value, in one statement:
 * the event's sequence is read from the very row it moves, so the two can never disagree. The user's
 * row lock (see `lockUser`) orders writers. Returns the new sequence.
 */
export async function appendUserEvent(db: Executor, event: NewUserEvent): Promise<number> {
  const row = await hotRow<{ sequence: number }>(db, APPEND_USER_EVENT, userEventValues(event));
  if (!row)
    throw new Error(`no user ${event.userId} in tenant ${event.tenantId} to record ${event.type} for`);
  return Number(row.sequence);
}

/**
 * A user's event with writes that go with it (the change the event records). On PostgreSQL the
 * writes and the event are one statement, each write a data-modifying CTE: one round trip for the
 * whole change. On SQLite, where there are no round trips to save, they run one after another, the
 * event last. Either way a write's outcome (rows changed, and the columns a write names to return)
 * comes back, for the caller to check.
 */
export interface UserEventWithWrites {
  readonly writes: readonly ComposedWrite[];
  readonly combined: HotQuery;
  /** Whether the writes may change the user's numbers (what the transaction read of them goes stale). */
  readonly changesNumbers: boolean;
}

/**
 * A write of a composed change: a hot write without RETURNING, or one with the columns of the row it
 * wrote to return (a write that changes at most one row).
 */
export type ComposedWriteSpec =
  | HotQuery
  | { readonly query: HotQuery; readonly returning: readonly string[] };

interface ComposedWrite {
  readonly query: HotQuery;
  readonly returning: readonly string[];
  /** The query with its RETURNING clause, where it runs on its own (SQLite). */
  readonly alone: HotQuery;
}

/** Composes, once, the statement for an event that goes with `writes`. */
export function userEventWith(
  specs: readonly ComposedWriteSpec[],
  options: { changesNumbers: boolean },
): UserEventWithWrites {
  const writes: ComposedWrite[] = specs.map((spec) => {
    const { query, returning } = "query" in spec ? spec : { query: spec, returning: [] as readonly string[] };
    return { query, returning, alone: returning.length > 0 ? withReturning(query, returning) : query };
  });
  const eventValues = 7;
  let offset = eventValues;
  const ctes = writes.map(({ query, returning }, index) => {
    const text = query.postgres.template.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    offset += query.postgres.count;
    return `w${index} as (${text} returning ${returning.length > 0 ? returning.join(", ") : "1"})`;
  });
  const outcomes = writes.flatMap(({ returning }, index) => [
    `(select count(*) from w${index}) as w${index}`,
    ...returning.map((column) => `(select ${column} from w${index}) as w${index}_${column}`),
  ]);
  const combined = hotQuery({
    // Unused on SQLite: see `appendUserEventWith`.
    sqlite: APPEND_USER_EVENT.sqlite.template.sql,
    postgres: `
      with ${ctes.join(", ")},
      bumped as (
        update users set sequence = sequence + 1, updated_at = $7
        where tenant_id = $2 and id = $3
        returning tenant_id, id, sequence
      ),
      appended as (
        insert into events (id, tenant_id, aggregate_type, aggregate_id, sequence, type, actor, payload, created_at)
        select $1, tenant_id, 'user', id, sequence, $4, $5, $6, $7 from bumped
        returning sequence
      )
      select (select sequence from appended) as sequence, ${outcomes.join(", ")}`,
  });
  return { writes, combined, changesNumbers: options.changesNumbers };
}

/** What a composed change did: the event's sequence, and each write's rows changed and returned row. */
export interface ComposedOutcome {
  sequence: number;
  changes: number[];
  /** For a write that names columns to return, the row it wrote (undefined when it wrote none). */
  returned: (Record<string, unknown> | undefined)[];
  /** The rows of each statement sent along (`alongside`), in order. */
  alongside: (readonly unknown[])[];
}

/**
 * Runs `writes` (with `values`, one array per write) and appends the user's event; returns the new
 * sequence and what each write did. `alongside` statements run right after, in the same round trip
 * on PostgreSQL (the guards' checks of a send).
 */
export async function appendUserEventWith(
  db: Executor,
  composed: UserEventWithWrites,
  values: readonly (readonly unknown[])[],
  event: NewUserEvent,
  alongside: readonly PipelineStep[] = [],
): Promise<ComposedOutcome> {
  // Writes to the user's numbers: what the transaction read of them is read again.
  if (composed.changesNumbers) forgetNumbers(db);
  if (!isPostgres(db)) {
    const changes: number[] = [];
    const returned: (Record<string, unknown> | undefined)[] = [];
    for (const [index, write] of composed.writes.entries()) {
      const result = await runHot<Record<string, unknown>>(db, write.alone, values[index] ?? []);
      if (write.returning.length > 0) {
        changes.push(result.rows.length);
        returned.push(result.rows[0]);
      } else {
        changes.push(Number(result.numAffectedRows ?? 0));
        returned.push(undefined);
      }
    }
    const sequence = await appendUserEvent(db, event);
    const also: (readonly unknown[])[] = [];
    for (const [query, stepValues] of alongside) also.push((await runHot(db, query, stepValues)).rows);
    return { sequence, changes, returned, alongside: also };
  }
  const all: unknown[] = userEventValues(event);
  for (const [index, write] of composed.writes.entries()) {
    const given = values[index] ?? [];
    for (let i = 0; i < write.query.postgres.count; i += 1) all.push(given[i]);
  }
  const [written, ...also] =
    alongside.length === 0
      ? [await runHot(db, composed.combined, all)]
      : await pipeline(db, [[composed.combined, all], ...alongside]);
  const row = written?.rows[0] as Record<string, unknown> | undefined;
  if (!row || row.sequence === null || row.sequence === undefined) {
    throw new Error(`no user ${event.userId} in tenant ${event.tenantId} to record ${event.type} for`);
  }
  const changes = composed.writes.map((_, index) => Number(row[`w${index}`] ?? 0));
  return {
    sequence: Number(row.sequence),
    changes,
    returned: composed.writes.map(({ returning }, index) =>
      returning.length === 0 || changes[index] === 0
        ? undefined
        : Object.fromEntries(returning.map((column) => [column, row[`w${index}_${column}`]])),
    ),
    alongside: also.map((result) => result.rows),
  };
}

/** An event of a tenant (settings, budgets, guards): its sequence comes from the tenant's row. */
export type NewTenantEvent = Omit<NewEvent, "aggregateType" | "aggregateId" | "sequence">;

const APPEND_TENANT_EVENT = hotQuery({
  sqlite: `
    insert into events (id, tenant_id, aggregate_type, aggregate_id, sequence, type, actor, payload, created_at)
    select $1, id, 'tenant', id, sequence + 1, $3, $4, $5, $6 from tenants where id = $2
    returning sequence`,
  postgres: `
    with bumped as (update tenants set sequence = sequence + 1 where id = $2 returning id, sequence)
    insert into events (id, tenant_id, aggregate_type, aggregate_id, sequence, type, actor, payload, created_at)
    select $1, id, 'tenant', id, sequence, $3, $4, $5, $6 from bumped
    returning sequence`,
});

const BUMP_TENANT_SEQUENCE = hotQuery("update tenants set sequence = $2 where id = $1");

/**
 * Moves the tenant's event sequence on by one and writes the event with it. The tenant's row is
 * locked by the update (PostgreSQL), so concurrent tenant events take one sequence each. Returns the
 * new sequence.
 */
export async function appendTenantEvent(db: Executor, event: NewTenantEvent): Promise<number> {
  const values = [event.id, event.tenantId, event.type, event.actor, JSON.stringify(event.payload), event.at];
  const row = await hotRow<{ sequence: number }>(db, APPEND_TENANT_EVENT, values);
  if (!row) throw new Error(`no tenant ${event.tenantId} to record ${event.type} for`);
  const sequence = Number(row.sequence);
  // SQLite runs one writer at a time, so the sequence read above is still the tenant's: store it.
  if (!isPostgres(db)) await runHot(db, BUMP_TENANT_SEQUENCE, [event.tenantId, sequence]);
  return sequence;
}
