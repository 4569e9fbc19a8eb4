import { type Kysely, PostgresAdapter, sql } from "kysely";

/** The default admin key scopes before webhooks had scopes of their own (after migration 011). */
const OLD_DEFAULT_SCOPES = [
  "users:read",
  "users:write",
  "phone:read",
  "phone:write",
  "phone:verify",
  "keys:read",
  "keys:write",
  "events:read",
];
/** What such a key gains, so that it can manage the tenant's webhooks as a key made now can. */
const NEW_DEFAULT_SCOPES = ["webhooks:read", "webhooks:write"];

/**
 * Webhooks to the app (docs/webhooks.md).
 *
 * - `webhook_endpoints`: a tenant's receivers. The signing secret is kept as is (it signs, so it
 *   cannot be a hash); the previous one stays valid, and is signed with too, until
 *   `previous_secret_until` after a rotation. `internal_types` is the event-log types the subscription
 *   reads, space-delimited with a space at each end (` phone_number.verified sms.failed `), so that a
 *   trigger matches an event's type with one substring test. `failing_since` is when the current run
 *   of failed attempts began (null after a success), from which an endpoint is disabled.
 * - `webhook_deliveries`: one event for one endpoint, at most once (`webhook_deliveries_once`), leased
 *   by the worker that sends it, like the SMS outbox. Written by the trigger `events_webhook_fan_out`
 *   in the very statement that writes the event, so in the event's transaction: whatever writes an
 *   event (a use case, a composed PostgreSQL statement, the outbox's own triggers) enqueues its
 *   webhooks with it, a rolled-back change enqueues none, and no request waits for a receiver. Its ids
 *   are `whd_` and 26 random hex digits, made by the database.
 * - `webhook_attempts`: the delivery log, one row per HTTP attempt.
 *
 * Admin keys holding the whole previous default set gain webhooks:read and webhooks:write (as 011 did
 * for keys and events); a key made with fewer scopes was narrowed on purpose and keeps what it has.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("webhook_endpoints")
    .addColumn("id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("tenant_id", "varchar(64)", (c) => c.notNull())
    .addColumn("url", "varchar(2048)", (c) => c.notNull())
    .addColumn("description", "varchar(500)", (c) => c.notNull())
    .addColumn("event_types", "varchar(2000)", (c) => c.notNull())
    .addColumn("secret", "varchar(200)", (c) => c.notNull())
    .addColumn("previous_secret", "varchar(200)")
    .addColumn("previous_secret_until", "bigint")
    .addColumn("enabled", "integer", (c) => c.notNull())
    .addColumn("disabled_reason", "varchar(500)")
    .addColumn("disabled_at", "bigint")
    .addColumn("failing_since", "bigint")
    .addColumn("internal_types", "varchar(2000)", (c) => c.notNull())
    .addColumn("sequence", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("webhook_endpoints_by_tenant")
    .on("webhook_endpoints")
    .columns(["tenant_id", "created_at", "id"])
    .execute();

  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("tenant_id", "varchar(64)", (c) => c.notNull())
    .addColumn("endpoint_id", "varchar(64)", (c) => c.notNull())
    .addColumn("event_id", "varchar(64)", (c) => c.notNull())
    .addColumn("event_type", "varchar(64)", (c) => c.notNull())
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("next_attempt_at", "bigint")
    .addColumn("locked_until", "bigint")
    .addColumn("last_status_code", "integer")
    .addColumn("last_error", "varchar(500)")
    .addColumn("last_attempt_at", "bigint")
    .addColumn("succeeded_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_once")
    .on("webhook_deliveries")
    .columns(["endpoint_id", "event_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_due")
    .on("webhook_deliveries")
    .columns(["status", "next_attempt_at"])
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_by_endpoint")
    .on("webhook_deliveries")
    .columns(["endpoint_id", "created_at", "id"])
    .execute();

  await db.schema
    .createTable("webhook_attempts")
    .addColumn("id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("tenant_id", "varchar(64)", (c) => c.notNull())
    .addColumn("delivery_id", "varchar(64)", (c) => c.notNull())
    .addColumn("attempt", "integer", (c) => c.notNull())
    .addColumn("started_at", "bigint", (c) => c.notNull())
    .addColumn("duration_ms", "integer", (c) => c.notNull())
    .addColumn("status_code", "integer")
    .addColumn("error", "varchar(500)")
    .addColumn("outcome", "varchar(16)", (c) => c.notNull())
    .addColumn("next_attempt_at", "bigint")
    .execute();
  await db.schema
    .createIndex("webhook_attempts_by_delivery")
    .on("webhook_attempts")
    .columns(["delivery_id", "attempt"])
    .execute();

  await fanOutTrigger(db);

  const { rows } = await sql<{ id: string; scopes: string }>`
    select id, scopes from credentials where kind = 'admin_key'`.execute(db);
  for (const row of rows) {
    const held = row.scopes.split(" ").filter((s) => s.length > 0);
    if (!OLD_DEFAULT_SCOPES.every((scope) => held.includes(scope))) continue;
    const missing = NEW_DEFAULT_SCOPES.filter((scope) => !held.includes(scope));
    if (missing.length === 0) continue;
    await sql`update credentials set scopes = ${[...held, ...missing].join(" ")} where id = ${row.id}`.execute(
      db,
    );
  }
}

const DELIVERY_COLUMNS =
  "id, tenant_id, endpoint_id, event_id, event_type, status, attempts, next_attempt_at, created_at";

/** The trigger that enqueues an event's deliveries (see above); one indexed read when none match. */
async function fanOutTrigger(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql
      .raw(`
        create function handset_webhook_fan_out() returns trigger language plpgsql as $$
        begin
          insert into webhook_deliveries (${DELIVERY_COLUMNS})
          select 'whd_' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 26), new.tenant_id, e.id,
            new.id, new.type, 'pending', 0, new.created_at, new.created_at
          from webhook_endpoints e
          where e.tenant_id = new.tenant_id and e.enabled = 1
            and position(' ' || new.type || ' ' in e.internal_types) > 0
          on conflict do nothing;
          return null;
        end
        $$`)
      .execute(db);
    await sql`create trigger events_webhook_fan_out after insert on events
      for each row execute function handset_webhook_fan_out()`.execute(db);
    return;
  }
  await sql
    .raw(`create trigger events_webhook_fan_out after insert on events
      begin
        insert or ignore into webhook_deliveries (${DELIVERY_COLUMNS})
        select 'whd_' || lower(hex(randomblob(13))), new.tenant_id, e.id, new.id, new.type, 'pending', 0,
          new.created_at, new.created_at
        from webhook_endpoints e
        where e.tenant_id = new.tenant_id and e.enabled = 1
          and instr(e.internal_types, ' ' || new.type || ' ') > 0;
      end`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger events_webhook_fan_out on events`.execute(db);
    await sql`drop function handset_webhook_fan_out()`.execute(db);
  } else {
    await sql`drop trigger events_webhook_fan_out`.execute(db);
  }
  await db.schema.dropTable("webhook_attempts").execute();
  await db.schema.dropTable("webhook_deliveries").execute();
  await db.schema.dropTable("webhook_endpoints").execute();
}
