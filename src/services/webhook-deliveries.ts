import { HandsetError } from "../domain/errors.js";
import { publicTypeOf } from "../domain/webhook-events.js";
import type { WebhookAttemptRow, WebhookDeliveryRow, WebhookDeliveryStatus } from "../store/schema.js";
import {
  findWebhookDelivery,
  listWebhookAttempts,
  listWebhookDeliveries,
  replayWebhookDelivery,
} from "../store/webhook-deliveries.js";
import { findWebhookEndpoint } from "../store/webhook-endpoints.js";
import type { Caller } from "./caller.js";
import { requireScope } from "./credential-admin.js";
import type { ServiceDeps } from "./deps.js";
import { decodeLogCursor, pageOf } from "./log-cursor.js";
import {
  checkPageSize,
  DELIVERY_ID,
  deliveryNotFound,
  ENDPOINT_ID,
  endpointNotFound,
} from "./webhook-input.js";

/** One event for one endpoint, as the delivery log shows it. */
export interface WebhookDeliveryView {
  id: string;
  endpointId: string;
  eventId: string;
  /** The public event type (docs/webhooks.md). */
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: number | null;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: number | null;
  succeededAt: number | null;
  createdAt: number;
}

export interface WebhookAttemptView {
  attempt: number;
  startedAt: number;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  outcome: WebhookAttemptRow["outcome"];
  nextAttemptAt: number | null;
}

export interface WebhookDeliveryDetail extends WebhookDeliveryView {
  attemptLog: WebhookAttemptView[];
}

export const MAX_DELIVERY_PAGE = 100;
const STATUSES: readonly WebhookDeliveryStatus[] = ["pending", "sending", "succeeded", "failed"];

const maybe = (value: number | null) => (value === null ? null : Number(value));

function toView(row: WebhookDeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: publicTypeOf(row.event_type) ?? row.event_type,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: row.status === "pending" || row.status === "sending" ? maybe(row.next_attempt_at) : null,
    lastStatusCode: maybe(row.last_status_code),
    lastError: row.last_error,
    lastAttemptAt: maybe(row.last_attempt_at),
    succeededAt: maybe(row.succeeded_at),
    createdAt: Number(row.created_at),
  };
}

function toAttemptView(row: WebhookAttemptRow): WebhookAttemptView {
  return {
    attempt: Number(row.attempt),
    startedAt: Number(row.started_at),
    durationMs: Number(row.duration_ms),
    statusCode: maybe(row.status_code),
    error: row.error,
    outcome: row.outcome,
    nextAttemptAt: maybe(row.next_attempt_at),
  };
}

/** The delivery log of a tenant's endpoints, and replay. */
export function createWebhookDeliveryService(deps: ServiceDeps) {
  const { uow } = deps.store;

  async function loadDelivery(caller: Caller, endpointId: string, id: string): Promise<WebhookDeliveryRow> {
    if (!ENDPOINT_ID.test(endpointId)) throw endpointNotFound(endpointId);
    const row = DELIVERY_ID.test(id)
      ? await uow.read((db) => findWebhookDelivery(db, caller.tenantId, id))
      : undefined;
    if (!row || row.endpoint_id !== endpointId) throw deliveryNotFound(id);
    return row;
  }

  return {
    /** An endpoint's deliveries, newest first, by status. */
    async list(
      caller: Caller,
      endpointId: string,
      input: { status?: string; limit: number; after?: string },
    ): Promise<{ deliveries: WebhookDeliveryView[]; nextCursor: string | null }> {
      requireScope(caller, "webhooks:read");
      checkPageSize(input.limit, MAX_DELIVERY_PAGE);
      const status = input.status;
      if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) {
        throw new HandsetError("INVALID_REQUEST", `status is one of ${STATUSES.join(", ")}.`, {
          field: "status",
          fields: [{ path: "status", message: STATUSES.join(", ") }],
        });
      }
      const after = input.after === undefined ? undefined : decodeLogCursor(input.after);
      if (!ENDPOINT_ID.test(endpointId)) throw endpointNotFound(endpointId);
      const rows = await uow.read(async (db) => {
        if (!(await findWebhookEndpoint(db, caller.tenantId, endpointId))) throw endpointNotFound(endpointId);
        return listWebhookDeliveries(db, caller.tenantId, endpointId, {
          status: status as WebhookDeliveryStatus | undefined,
          after,
          limit: input.limit + 1,
        });
      });
      const page = pageOf(rows, input.limit);
      return { deliveries: page.rows.map(toView), nextCursor: page.nextCursor };
    },

    /** One delivery with its attempts: status code, duration, error and the next try of each. */
    async get(caller: Caller, endpointId: string, id: string): Promise<WebhookDeliveryDetail> {
      requireScope(caller, "webhooks:read");
      const row = await loadDelivery(caller, endpointId, id);
      const attempts = await uow.read((db) => listWebhookAttempts(db, caller.tenantId, id));
      return { ...toView(row), attemptLog: attempts.map(toAttemptView) };
    },

    /**
     * Sends a delivery again, now (with the same `webhook-id`, so a receiver that saw it can tell):
     * whatever became of it, unless an attempt is under way. The endpoint must be enabled for it to go.
     */
    async replay(caller: Caller, endpointId: string, id: string): Promise<WebhookDeliveryView> {
      requireScope(caller, "webhooks:write");
      const now = deps.clock.now();
      return uow.transaction(async (trx) => {
        const row = await loadDelivery(caller, endpointId, id);
        if (!(await replayWebhookDelivery(trx, caller.tenantId, id, now))) return toView(row);
        return toView({ ...row, status: "pending", next_attempt_at: now, locked_until: null });
      });
    },
  };
}

export type WebhookDeliveryService = ReturnType<typeof createWebhookDeliveryService>;
