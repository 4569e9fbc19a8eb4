import type { Executor } from "./executor.js";
import { hotQuery, isPostgres, type PipelineStep } from "./prepared.js";
import type { DestinationPauseTable } from "./schema.js";

/** What one send's statement reads back for one destination. */
export interface DestinationStanding {
  scope: string;
  /** The current window, this send included. */
  sent: number;
  verified: number;
  /** The previous window. */
  previousSent: number;
  previousVerified: number;
  /** The destination's latest pause, ended or not. */
  pausedAt: number | null;
  pausedUntil: number | null;
}

export interface CountSend {
  tenantId: string;
  scopes: readonly string[];
  windowStart: number;
  previousWindowStart: number;
  expiresAt: number;
}

/**
 * Counts one send against each destination and reads, in the same statement, everything the guard
 * decides from: the window's figures with this send (taken from the row the upsert locked, so exact
 * across processes), the previous window's, and the destination's latest pause. Rows are taken in
 * scope order, so two sends never deadlock.
 */
const returning = `
  returning scope, sent, verified,
    (select p.sent from conversion_counts p where p.tenant_id = conversion_counts.tenant_id
      and p.scope = conversion_counts.scope and p.window_start = $3) as previous_sent,
    (select p.verified from conversion_counts p where p.tenant_id = conversion_counts.tenant_id
      and p.scope = conversion_counts.scope and p.window_start = $3) as previous_verified,
    (select d.paused_at from destination_pauses d where d.tenant_id = conversion_counts.tenant_id
      and d.scope = conversion_counts.scope) as paused_at,
    (select d.paused_until from destination_pauses d where d.tenant_id = conversion_counts.tenant_id
      and d.scope = conversion_counts.scope) as paused_until`;

const COUNT_SEND = hotQuery({
  sqlite: `
    insert into conversion_counts (tenant_id, scope, window_start, sent, verified, expires_at)
    select $1, value, $2, 1, 0, $4 from json_each($5) where true order by 2
    on conflict (tenant_id, scope, window_start) do update set sent = conversion_counts.sent + 1
    ${returning}`,
  postgres: `
    insert into conversion_counts (tenant_id, scope, window_start, sent, verified, expires_at)
    select $1, s, $2, 1, 0, $4 from unnest($5::text[]) as s order by 2
    on conflict (tenant_id, scope, window_start) do update set sent = conversion_counts.sent + 1
    ${returning}`,
});

interface StandingRow {
  scope: string;
  sent: number | string;
  verified: number | string;
  previous_sent: number | string | null;
  previous_verified: number | string | null;
  paused_at: number | string | null;
  paused_until: number | string | null;
}

const orNull = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** Counts a send against each destination, as a statement to pipeline with the send's write (null with no scope); `standingsOf` reads its rows. */
export function countSendStep(db: Executor, send: CountSend): PipelineStep | null {
  if (send.scopes.length === 0) return null;
  const scopes = isPostgres(db) ? [...send.scopes] : JSON.stringify(send.scopes);
  return [COUNT_SEND, [send.tenantId, send.windowStart, send.previousWindowStart, send.expiresAt, scopes]];
}

export function standingsOf(rows: readonly unknown[]): DestinationStanding[] {
  return (rows as readonly StandingRow[]).map((r) => ({
    scope: r.scope,
    sent: Number(r.sent),
    verified: Number(r.verified),
    previousSent: Number(r.previous_sent ?? 0),
    previousVerified: Number(r.previous_verified ?? 0),
    pausedAt: orNull(r.paused_at),
    pausedUntil: orNull(r.paused_until),
  }));
}

/** Counts one successful verification against each destination, in one statement. */
const COUNT_VERIFIED = hotQuery({
  sqlite: `
    insert into conversion_counts (tenant_id, scope, window_start, sent, verified, expires_at)
    select $1, value, $2, 0, 1, $3 from json_each($4) where true order by 2
    on conflict (tenant_id, scope, window_start) do update set verified = conversion_counts.verified + 1`,
  postgres: `
    insert into conversion_counts (tenant_id, scope, window_start, sent, verified, expires_at)
    select $1, s, $2, 0, 1, $3 from unnest($4::text[]) as s order by 2
    on conflict (tenant_id, scope, window_start) do update set verified = conversion_counts.verified + 1`,
});

/** Counts a success against each destination, as a statement to pipeline with the check's write (null with no scope). */
export function countVerifiedStep(
  db: Executor,
  send: Omit<CountSend, "previousWindowStart">,
): PipelineStep | null {
  if (send.scopes.length === 0) return null;
  const scopes = isPostgres(db) ? [...send.scopes] : JSON.stringify(send.scopes);
  return [COUNT_VERIFIED, [send.tenantId, send.windowStart, send.expiresAt, scopes]];
}

export type DestinationPause = DestinationPauseTable;

/**
 * Starts a pause unless one is running: one conditional upsert, so of two processes whose sends both
 * trip the rule, one starts the pause and the other finds it. True when this call started it.
 */
export async function startPause(trx: Executor, pause: DestinationPause, now: number): Promise<boolean> {
  const { tenant_id, scope, ...rest } = pause;
  const started = await trx
    .insertInto("destination_pauses")
    .values(pause)
    .onConflict((oc) =>
      oc
        .columns(["tenant_id", "scope"])
        .doUpdateSet(rest)
        .where("destination_pauses.paused_until", "<=", now),
    )
    .returning("scope")
    .executeTakeFirst();
  return started !== undefined;
}

/** The tenant's running pauses, the latest first. */
export async function listPauses(db: Executor, tenantId: string, now: number): Promise<DestinationPause[]> {
  const rows = await db
    .selectFrom("destination_pauses")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("paused_until", ">", now)
    .orderBy("paused_at", "desc")
    .orderBy("scope")
    .execute();
  return rows.map(numeric);
}

/** PostgreSQL answers bigint columns as strings. */
function numeric(r: DestinationPause): DestinationPause {
  return {
    ...r,
    paused_at: Number(r.paused_at),
    paused_until: Number(r.paused_until),
    sent: Number(r.sent),
    verified: Number(r.verified),
  };
}

/**
 * Ends a running pause now, in one conditional update (the row stays: its `paused_at` keeps the
 * traffic that caused it out of the figures). Returns the lifted pause, or undefined when none was
 * running.
 */
export async function liftPause(
  trx: Executor,
  tenantId: string,
  scope: string,
  now: number,
): Promise<DestinationPause | undefined> {
  const lifted = await trx
    .updateTable("destination_pauses")
    .set({ paused_until: now })
    .where("tenant_id", "=", tenantId)
    .where("scope", "=", scope)
    .where("paused_until", ">", now)
    .returningAll()
    .executeTakeFirst();
  return lifted ? numeric(lifted) : undefined;
}

/** Drops counting windows nobody reads any more; returns how many. */
export async function purgeConversionCounts(db: Executor, now: number): Promise<number> {
  const result = await db.deleteFrom("conversion_counts").where("expires_at", "<", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
