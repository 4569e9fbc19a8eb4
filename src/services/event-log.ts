import { HandsetError } from "../domain/errors.js";
import { listEventLog } from "../store/event-log.js";
import type { EventRow } from "../store/schema.js";
import type { Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";
import { decodeLogCursor, pageOf } from "./log-cursor.js";
import { assertOperator, assertPageLimit, assertTimeRange } from "./operator-access.js";

/** One entry of the event log as the admin API shows it. */
export interface EventView {
  id: string;
  tenantId: string;
  aggregateType: EventRow["aggregate_type"];
  aggregateId: string;
  /** The aggregate's own sequence (ZITADEL's `details.sequence` for a user). */
  sequence: number;
  type: string;
  /** Who made the change: `admin_key:<id>`, `user_token:<id>`, `system:<part>`. */
  actor: string;
  /** What the change was, as the writer recorded it: ids, flags and numbers, never a code or a secret. */
  payload: unknown;
  createdAt: number;
}

export interface EventListInput {
  userId?: string;
  /** An exact type (`phone_number.verified`) or a prefix ending in `.` (`phone_number.`). */
  type?: string;
  since?: number;
  until?: number;
  limit: number;
  after?: string;
}

export interface EventPage {
  events: EventView[];
  /** Pass as `after` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.?$/;

function toEventView(row: EventRow): EventView {
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    // Every writer stores JSON; a row that is not is shown as written rather than failing the page.
    payload = row.payload;
  }
  return {
    id: row.id,
    tenantId: row.tenant_id,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    sequence: Number(row.sequence),
    type: row.type,
    actor: row.actor,
    payload,
    createdAt: Number(row.created_at),
  };
}

/** The tenant's event log for auditors: newest first, filtered by user, type and time. */
export function createEventLogService(deps: ServiceDeps) {
  const { uow } = deps.store;
  return {
    async list(caller: Caller, input: EventListInput): Promise<EventPage> {
      assertOperator(caller, "events:read", "The event log");
      assertPageLimit(input.limit);
      assertTimeRange(input);
      if (input.type !== undefined && (input.type.length > 64 || !EVENT_TYPE.test(input.type))) {
        throw new HandsetError(
          "INVALID_REQUEST",
          "type is an event type (phone_number.verified) or a prefix ending in '.' (phone_number.).",
          { field: "type", fields: [{ path: "type", message: "an event type or a prefix ending in '.'" }] },
        );
      }
      if (input.userId !== undefined && (input.userId.length === 0 || input.userId.length > 64)) {
        throw new HandsetError("INVALID_REQUEST", "user_id has 1 to 64 characters.", {
          field: "user_id",
          fields: [{ path: "user_id", message: "1 to 64 characters" }],
        });
      }
      const after = input.after === undefined ? undefined : decodeLogCursor(input.after);
      const rows = await uow.read((db) =>
        listEventLog(db, {
          tenantId: caller.tenantId,
          userId: input.userId,
          type: input.type,
          since: input.since,
          until: input.until,
          after,
          limit: input.limit + 1,
        }),
      );
      const page = pageOf(rows, input.limit);
      return { events: page.rows.map(toEventView), nextCursor: page.nextCursor };
    },
  };
}

export type EventLogService = ReturnType<typeof createEventLogService>;
