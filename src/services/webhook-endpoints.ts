import { randomBytes } from "node:crypto";
import { newId } from "../domain/ids.js";
import { internalTypesFor } from "../domain/webhook-events.js";
import type { Executor } from "../store/executor.js";
import type { WebhookEndpointRow, WebhookEndpointTable } from "../store/schema.js";
import {
  appendWebhookEndpointEvent,
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  internalTypesColumn,
  listWebhookEndpoints,
  updateWebhookEndpoint,
} from "../store/webhook-endpoints.js";
import { actorOf, type Caller } from "./caller.js";
import { requireScope } from "./credential-admin.js";
import type { ServiceDeps } from "./deps.js";
import {
  checkDescription,
  checkEventTypes,
  checkPageSize,
  checkWebhookUrl,
  ENDPOINT_ID,
  endpointNotFound,
  invalidCursor,
} from "./webhook-input.js";

/** A webhook endpoint as the admin API shows it: never its secret. */
export interface WebhookEndpointView {
  id: string;
  tenantId: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: number | null;
  /** When the current run of failed attempts began; null when the last attempt succeeded. */
  failingSince: number | null;
  createdAt: number;
  updatedAt: number;
}

/** An endpoint with its secret: the answer to creating one and to rotating its secret, and only those. */
export interface WebhookEndpointWithSecret extends WebhookEndpointView {
  secret: string;
}

export interface CreateWebhookEndpointInput {
  url: string;
  eventTypes: readonly string[];
  description?: string;
}

export interface UpdateWebhookEndpointInput {
  url?: string;
  eventTypes?: readonly string[];
  description?: string;
  enabled?: boolean;
}

export const MAX_ENDPOINT_PAGE = 100;
/** How long the secret before a rotation still signs (beside the new one): time to roll receivers. */
export const ROTATION_GRACE_MS = 24 * 3_600_000;

/** `whsec_` and 32 random bytes in base64: the Standard Webhooks secret format. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

function toView(row: WebhookEndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types.split(" ").filter((t) => t.length > 0),
    enabled: row.enabled === 1,
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at === null ? null : Number(row.disabled_at),
    failingSince: row.failing_since === null ? null : Number(row.failing_since),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** Registering, listing, changing and deleting a tenant's webhook endpoints (docs/webhooks.md). */
export function createWebhookEndpointService(deps: ServiceDeps) {
  const { uow } = deps.store;
  const allowPrivateNetworks = deps.webhooks?.allowPrivateNetworks ?? false;

  async function load(db: Executor, caller: Caller, id: string): Promise<WebhookEndpointRow> {
    // An id of another shape cannot exist: answered as absent, like another tenant's.
    const row = ENDPOINT_ID.test(id) ? await findWebhookEndpoint(db, caller.tenantId, id) : undefined;
    if (!row) throw endpointNotFound(id);
    return row;
  }

  function record(
    trx: Executor,
    caller: Caller,
    endpointId: string,
    type: string,
    payload: Record<string, unknown>,
    at: number,
  ) {
    return appendWebhookEndpointEvent(trx, {
      id: newId("evt", at),
      tenantId: caller.tenantId,
      endpointId,
      type,
      actor: actorOf(caller),
      payload,
      at,
    });
  }

  return {
    async create(caller: Caller, input: CreateWebhookEndpointInput): Promise<WebhookEndpointWithSecret> {
      requireScope(caller, "webhooks:write");
      const url = checkWebhookUrl(input.url, allowPrivateNetworks);
      const eventTypes = checkEventTypes(input.eventTypes);
      const description = checkDescription(input.description ?? "");
      const now = deps.clock.now();
      const row: WebhookEndpointTable = {
        id: newId("whep", now),
        tenant_id: caller.tenantId,
        url,
        description,
        event_types: eventTypes.join(" "),
        internal_types: internalTypesColumn(internalTypesFor(eventTypes)),
        secret: newSecret(),
        previous_secret: null,
        previous_secret_until: null,
        enabled: 1,
        disabled_reason: null,
        disabled_at: null,
        failing_since: null,
        sequence: 0,
        created_at: now,
        updated_at: now,
      };
      await uow.transaction(async (trx) => {
        await insertWebhookEndpoint(trx, row);
        await record(trx, caller, row.id, "webhook_endpoint.created", { url, eventTypes }, now);
      });
      return { ...toView(row), secret: row.secret };
    },

    async list(
      caller: Caller,
      input: { limit: number; after?: string },
    ): Promise<{ endpoints: WebhookEndpointView[]; nextCursor: string | null }> {
      requireScope(caller, "webhooks:read");
      checkPageSize(input.limit, MAX_ENDPOINT_PAGE);
      if (input.after !== undefined && !ENDPOINT_ID.test(input.after)) {
        throw invalidCursor();
      }
      const rows = await uow.read((db) =>
        listWebhookEndpoints(db, caller.tenantId, { limit: input.limit + 1, after: input.after }),
      );
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        endpoints: page.map(toView),
        nextCursor: rows.length > input.limit && last ? last.id : null,
      };
    },

    async get(caller: Caller, id: string): Promise<WebhookEndpointView> {
      requireScope(caller, "webhooks:read");
      return toView(await uow.read((db) => load(db, caller, id)));
    },

    /**
     * Changes the URL, types, description or whether it is enabled. Enabling a disabled endpoint ends
     * its run of failures; deliveries given up meanwhile stay given up (replay sends one again).
     */
    async update(
      caller: Caller,
      id: string,
      input: UpdateWebhookEndpointInput,
    ): Promise<WebhookEndpointView> {
      requireScope(caller, "webhooks:write");
      const changes: Partial<WebhookEndpointTable> = {};
      if (input.url !== undefined) changes.url = checkWebhookUrl(input.url, allowPrivateNetworks);
      if (input.eventTypes !== undefined) {
        const types = checkEventTypes(input.eventTypes);
        changes.event_types = types.join(" ");
        changes.internal_types = internalTypesColumn(internalTypesFor(types));
      }
      if (input.description !== undefined) changes.description = checkDescription(input.description);
      const now = deps.clock.now();
      return uow.transaction(async (trx) => {
        const row = await load(trx, caller, id);
        if (input.enabled === true && row.enabled !== 1) {
          Object.assign(changes, {
            enabled: 1,
            disabled_reason: null,
            disabled_at: null,
            failing_since: null,
          });
        } else if (input.enabled === false && row.enabled === 1) {
          Object.assign(changes, { enabled: 0, disabled_reason: "disabled by an admin", disabled_at: now });
        }
        if (Object.keys(changes).length === 0) return toView(row);
        changes.updated_at = now;
        await updateWebhookEndpoint(trx, caller.tenantId, id, changes);
        const { secret: _secret, previous_secret: _previous, ...shown } = changes;
        await record(trx, caller, id, "webhook_endpoint.updated", shown, now);
        return toView({ ...row, ...changes });
      });
    },

    /** Deletes the endpoint, its deliveries and their log. */
    async remove(caller: Caller, id: string): Promise<void> {
      requireScope(caller, "webhooks:write");
      const now = deps.clock.now();
      await uow.transaction(async (trx) => {
        const row = await load(trx, caller, id);
        await record(trx, caller, id, "webhook_endpoint.deleted", { url: row.url }, now);
        await deleteWebhookEndpoint(trx, caller.tenantId, id);
      });
    },

    /**
     * A new secret, shown this once. The previous one keeps signing beside it for `ROTATION_GRACE_MS`
     * (two signatures in `webhook-signature`), so receivers can move to the new one without a gap.
     */
    async rotateSecret(caller: Caller, id: string): Promise<WebhookEndpointWithSecret> {
      requireScope(caller, "webhooks:write");
      const now = deps.clock.now();
      return uow.transaction(async (trx) => {
        const row = await load(trx, caller, id);
        const changes = {
          secret: newSecret(),
          previous_secret: row.secret,
          previous_secret_until: now + ROTATION_GRACE_MS,
          updated_at: now,
        };
        await updateWebhookEndpoint(trx, caller.tenantId, id, changes);
        await record(
          trx,
          caller,
          id,
          "webhook_endpoint.secret_rotated",
          { previousValidUntil: now + ROTATION_GRACE_MS },
          now,
        );
        return { ...toView({ ...row, ...changes }), secret: changes.secret };
      });
    },
  };
}

export type WebhookEndpointService = ReturnType<typeof createWebhookEndpointService>;
