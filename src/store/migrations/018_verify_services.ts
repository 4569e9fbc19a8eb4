import { type Kysely, sql } from "kysely";

/**
 * Verify services (docs/twilio-verify.md, "Services"): named sets of verification settings inside a tenant, as
 * Twilio Verify's Services are (its surface creates, changes and deletes them). A tenant's default
 * service is its own settings and has no row; a verification started under another carries its id.
 *
 * - `verify_services`: `settings` is the service's JSON (code length, the flags Twilio's Service has);
 *   `friendly_name` is the name its SMS say (`{app}`).
 * - `verifications.service_id`: '' for the tenant's default service (every verification before this
 *   migration, and every one of a user's number), else the service's id. Not null, so that the one-open-
 *   per-number index can name it: a number may have one open verification per service, as on Twilio.
 * - `verifications.sealed_code`: a code the application chose (Twilio's CustomCode, for a service that
 *   allows it), sealed with AES-256-GCM under a key derived from the verification's code key, so that
 *   no code rests in clear (src/domain/code.ts, `sealCode`); null for a derived code.
 * - `outbox.app_name`, `outbox.app_hash`: the app name and Android SMS Retriever hash this message is
 *   rendered with (a service's friendly name or a verification's `CustomFriendlyName`, `AppHash`);
 *   null for the tenant's. Kept with the message, since it is rendered at delivery and reads nothing.
 */
const BARE_PENDING = "status = 'pending' and phone_number_id is null";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("verify_services")
    .addColumn("tenant_id", "varchar(64)", (c) => c.notNull())
    .addColumn("id", "varchar(64)", (c) => c.notNull())
    .addColumn("friendly_name", "varchar(64)", (c) => c.notNull())
    .addColumn("settings", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("verify_services_pk", ["tenant_id", "id"])
    .execute();
  await db.schema
    .createIndex("verify_services_by_tenant")
    .on("verify_services")
    .columns(["tenant_id", "created_at", "id"])
    .execute();
  await sql`alter table verifications add column service_id varchar(64) not null default ''`.execute(db);
  await sql`alter table verifications add column sealed_code varchar(200)`.execute(db);
  await sql`drop index verifications_one_pending_bare`.execute(db);
  await sql
    .raw(
      `create unique index verifications_one_pending_bare on verifications (tenant_id, service_id, e164) where ${BARE_PENDING}`,
    )
    .execute(db);
  await sql`alter table outbox add column app_name varchar(64)`.execute(db);
  await sql`alter table outbox add column app_hash varchar(16)`.execute(db);
}

/**
 * Back to 017: the verifications of other services than the default are deleted with their SMS (as
 * 015's down does for bare ones), since one number could have an open one in several.
 */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from outbox where verification_id in (select id from verifications where service_id <> '')`.execute(
    db,
  );
  await sql`delete from verifications where service_id <> ''`.execute(db);
  await sql`drop index verifications_one_pending_bare`.execute(db);
  await sql`alter table outbox drop column app_hash`.execute(db);
  await sql`alter table outbox drop column app_name`.execute(db);
  await sql`alter table verifications drop column sealed_code`.execute(db);
  await sql`alter table verifications drop column service_id`.execute(db);
  await sql
    .raw(
      `create unique index verifications_one_pending_bare on verifications (tenant_id, e164) where ${BARE_PENDING}`,
    )
    .execute(db);
  await db.schema.dropTable("verify_services").execute();
}
