import { insertEvent, type NewEvent } from "./events.js";
import type { Executor } from "./executor.js";
import type { WebhookEndpointRow, WebhookEndpointTable } from "./schema.js";

/** The `internal_types` column's form: space-delimited, a space at each end (see migration 017). */
export function internalTypesColumn(types: readonly string[]): string {
  return ` ${types.join(" ")} `;
}

export async function insertWebhookEndpoint(db: Executor, row: WebhookEndpointTable): Promise<void> {
  await db.insertInto("webhook_endpoints").values(row).execute();
}

export async function findWebhookEndpoint(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<WebhookEndpointRow | undefined> {
  return db
    .selectFrom("webhook_endpoints")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** A tenant's endpoints, oldest first, after the endpoint id `after`. */
export async function listWebhookEndpoints(
  db: Executor,
  tenantId: string,
  options: { limit: number; after?: string },
): Promise<WebhookEndpointRow[]> {
  let query = db.selectFrom("webhook_endpoints").selectAll().where("tenant_id", "=", tenantId);
  if (options.after !== undefined) query = query.where("id", ">", options.after);
  return query.orderBy("id").limit(options.limit).execute();
}

export async function updateWebhookEndpoint(
  db: Executor,
  tenantId: string,
  id: string,
  changes: Partial<WebhookEndpointTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("webhook_endpoints")
    .set(changes)
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes the endpoint with its deliveries and their attempts. */
export async function deleteWebhookEndpoint(db: Executor, tenantId: string, id: string): Promise<boolean> {
  const deliveries = db
    .selectFrom("webhook_deliveries")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("endpoint_id", "=", id);
  await db.deleteFrom("webhook_attempts").where("delivery_id", "in", deliveries).execute();
  await db
    .deleteFrom("webhook_deliveries")
    .where("tenant_id", "=", tenantId)
    .where("endpoint_id", "=", id)
    .execute();
  const result = await db
    .deleteFrom("webhook_endpoints")
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Brings every `*` subscription's types up to the current list (new public types after an upgrade). */
export async function refreshAllEventSubscriptions(db: Executor, internalTypes: string): Promise<void> {
  await db
    .updateTable("webhook_endpoints")
    .set({ internal_types: internalTypes })
    .where("event_types", "=", "*")
    .where("internal_types", "<>", internalTypes)
    .execute();
}

/**
 * Moves the endpoint's own event sequence on by one and writes its event (in the tenant's log), with
 * the endpoint's row locked by the update: concurrent changes of one endpoint take one sequence each.
 */
export async function appendWebhookEndpointEvent(
  db: Executor,
  event: Omit<NewEvent, "aggregateType" | "aggregateId" | "sequence"> & { endpointId: string },
): Promise<number> {
  const bumped = await db
    .updateTable("webhook_endpoints")
    .set((eb) => ({ sequence: eb("sequence", "+", 1) }))
    .where("tenant_id", "=", event.tenantId)
    .where("id", "=", event.endpointId)
    .returning("sequence")
    .executeTakeFirst();
  const sequence = Number(bumped?.sequence ?? 1);
  const { endpointId, ...rest } = event;
  await insertEvent(db, { ...rest, aggregateType: "webhook_endpoint", aggregateId: endpointId, sequence });
  return sequence;
}

/** A successful attempt ends the endpoint's run of failures. */
export async function markEndpointHealthy(db: Executor, endpointId: string): Promise<void> {
  await db
    .updateTable("webhook_endpoints")
    .set({ failing_since: null })
    .where("id", "=", endpointId)
    .where("failing_since", "is not", null)
    .execute();
}

/** A failed attempt: starts the run of failures unless one is under way; answers the endpoint after. */
export async function markEndpointFailing(
  db: Executor,
  endpointId: string,
  at: number,
): Promise<WebhookEndpointRow | undefined> {
  await db
    .updateTable("webhook_endpoints")
    .set({ failing_since: at })
    .where("id", "=", endpointId)
    .where("failing_since", "is", null)
    .execute();
  return db.selectFrom("webhook_endpoints").selectAll().where("id", "=", endpointId).executeTakeFirst();
}

/** Disables an enabled endpoint; false when it was disabled already (by another worker, or by hand). */
export async function disableEndpoint(
  db: Executor,
  endpointId: string,
  reason: string,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable("webhook_endpoints")
    .set({ enabled: 0, disabled_reason: reason, disabled_at: at, updated_at: at })
    .where("id", "=", endpointId)
    .where("enabled", "=", 1)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
