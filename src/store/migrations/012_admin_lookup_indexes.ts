import type { Kysely } from "kysely";

/**
 * Indexes for the operator's reads (docs/lookup-and-audit.md). 001 indexes a tenant's numbers,
 * verifications and messages by number, and events by aggregate; none of those serves a tenant's whole
 * event log or message list newest first, a filter by event type, or a lookup across every tenant.
 *
 * - `events_by_tenant_time`, `events_by_tenant_type_time`: the event log, newest first, and its type
 *   filter (an exact type, or a prefix read as a range, so the index serves it too).
 * - `outbox_by_tenant_time`: the tenant's messages newest first (the delivery-failures view).
 * - `phone_numbers_by_e164`, `verifications_by_e164`, `outbox_by_e164`: the operator's lookup of a
 *   number across tenants, where the tenant-first indexes of 001 cannot be used.
 */
const INDEXES: ReadonlyArray<readonly [name: string, table: string, columns: readonly string[]]> = [
  ["events_by_tenant_time", "events", ["tenant_id", "created_at", "id"]],
  ["events_by_tenant_type_time", "events", ["tenant_id", "type", "created_at", "id"]],
  ["outbox_by_tenant_time", "outbox", ["tenant_id", "created_at", "id"]],
  ["phone_numbers_by_e164", "phone_numbers", ["e164"]],
  ["verifications_by_e164", "verifications", ["e164", "created_at"]],
  ["outbox_by_e164", "outbox", ["to_e164", "created_at"]],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, columns] of INDEXES) {
    await db.schema
      .createIndex(name)
      .on(table)
      .columns([...columns])
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
