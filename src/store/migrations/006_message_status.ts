import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * What became of each SMS: its locale, encoding and parts, and the provider's receipt (its final
 * word, kept apart from the dispatcher's `status` so that a receipt that overtakes the recording of
 * the send is never overwritten by it). Each change of a message writes an event of the `message`
 * aggregate, by trigger, in the statement that makes the change: `sms.sent` or `sms.failed`
 * (sequence 1) when the dispatcher records its outcome, then `sms.delivered` or `sms.failed`
 * (sequence 2) when a receipt says so. A trigger keeps the dispatcher's hot writes one statement.
 * Their event ids are `evt_` and 26 random hex digits, not ULIDs: they are made by the database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const [column, type] of [
    ["locale", "varchar(35)"],
    ["encoding", "varchar(8)"],
    ["segments", "integer"],
    ["failed_at", "bigint"],
    ["receipt_status", "varchar(16)"],
    ["receipt_error", "varchar(200)"],
    ["receipt_at", "bigint"],
  ] as const) {
    await db.schema.alterTable("outbox").addColumn(column, sql.raw(type)).execute();
  }
  await db.schema
    .createIndex("outbox_by_provider_id")
    .on("outbox")
    .columns(["provider", "provider_message_id"])
    .execute();
  await db.schema.createIndex("outbox_by_verification").on("outbox").columns(["verification_id"]).execute();

  const payload = (fn: string) => `${fn}('message_id', new.id, 'verification_id', new.verification_id,
    'to', new.to_e164, 'provider', new.provider, 'provider_message_id', new.provider_message_id,
    'encoding', new.encoding, 'segments', new.segments`;
  if (postgres) {
    await sql
      .raw(`
        create function handset_message_events() returns trigger language plpgsql as $$
        declare
          event_type text;
          event_sequence int;
          at bigint;
          details json;
        begin
          if new.status = 'sent' and old.status <> 'sent' then
            event_type := 'sms.sent'; event_sequence := 1; at := new.sent_at;
            details := ${payload("json_build_object")}, 'status', 'sent');
          elsif new.status = 'failed' and old.status <> 'failed' then
            event_type := 'sms.failed'; event_sequence := 1; at := new.failed_at;
            details := ${payload("json_build_object")}, 'status', 'failed', 'error', new.last_error);
          end if;
          if event_type is not null then
            insert into events (id, tenant_id, aggregate_type, aggregate_id, sequence, type, actor, payload, created_at)
            values ('evt_' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 26), new.tenant_id, 'message',
              new.id, event_sequence, event_type, 'system:delivery', details::text, at)
            on conflict do nothing;
          end if;
          if new.receipt_status is not null and old.receipt_status is null then
            insert into events (id, tenant_id, aggregate_type, aggregate_id, sequence, type, actor, payload, created_at)
            values ('evt_' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 26), new.tenant_id, 'message',
              new.id, 2, case when new.receipt_status = 'delivered' then 'sms.delivered' else 'sms.failed' end,
              'system:delivery',
              (${payload("json_build_object")}, 'status', new.receipt_status, 'error', new.receipt_error))::text,
              new.receipt_at)
            on conflict do nothing;
          end if;
          return null;
        end
        $$`)
      .execute(db);
    await sql`create trigger outbox_message_events after update on outbox
      for each row execute function handset_message_events()`.execute(db);
    return;
  }
  const insert = (type: string, sequence: number, at: string, extra: string) => `
    insert or ignore into events (id, tenant_id, aggregate_type, aggregate_id, sequence, type, actor, payload, created_at)
    values ('evt_' || lower(hex(randomblob(13))), new.tenant_id, 'message', new.id, ${sequence}, ${type},
      'system:delivery', ${payload("json_object")}, ${extra}), ${at});`;
  await sql
    .raw(`create trigger outbox_sms_sent after update of status on outbox
      when new.status = 'sent' and old.status <> 'sent'
      begin ${insert("'sms.sent'", 1, "new.sent_at", "'status', 'sent'")} end`)
    .execute(db);
  await sql
    .raw(`create trigger outbox_sms_failed after update of status on outbox
      when new.status = 'failed' and old.status <> 'failed'
      begin ${insert("'sms.failed'", 1, "new.failed_at", "'status', 'failed', 'error', new.last_error")} end`)
    .execute(db);
  await sql
    .raw(`create trigger outbox_sms_receipt after update of receipt_status on outbox
      when new.receipt_status is not null and old.receipt_status is null
      begin ${insert(
        "case when new.receipt_status = 'delivered' then 'sms.delivered' else 'sms.failed' end",
        2,
        "new.receipt_at",
        "'status', new.receipt_status, 'error', new.receipt_error",
      )} end`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger outbox_message_events on outbox`.execute(db);
    await sql`drop function handset_message_events()`.execute(db);
  } else {
    for (const name of ["outbox_sms_sent", "outbox_sms_failed", "outbox_sms_receipt"]) {
      await sql.raw(`drop trigger ${name}`).execute(db);
    }
  }
  await db.schema.dropIndex("outbox_by_verification").execute();
  await db.schema.dropIndex("outbox_by_provider_id").execute();
  for (const column of [
    "receipt_at",
    "receipt_error",
    "receipt_status",
    "failed_at",
    "segments",
    "encoding",
    "locale",
  ]) {
    await db.schema.alterTable("outbox").dropColumn(column).execute();
  }
}
