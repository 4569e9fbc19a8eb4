import { type Kysely, sql } from "kysely";

// Migrations are frozen history: they take an untyped Kysely so later schema changes cannot break them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("tenants")
    .addColumn("id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("name", "varchar(200)", (c) => c.notNull())
    .addColumn("allowed_regions", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("denied_regions", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("sequence", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("tenant_id", "varchar(64)", (c) => c.notNull().references("tenants.id"))
    .addColumn("id", "varchar(64)", (c) => c.notNull())
    .addColumn("external_id", "varchar(200)")
    .addColumn("sequence", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("users_pk", ["tenant_id", "id"])
    .execute();
  await db.schema
    .createIndex("users_external_id")
    .on("users")
    .columns(["tenant_id", "external_id"])
    .unique()
    .where(sql.ref("external_id"), "is not", null)
    .execute();

  await db.schema
    .createTable("phone_numbers")
    .addColumn("tenant_id", "varchar(64)", (c) => c.notNull())
    .addColumn("id", "varchar(64)", (c) => c.notNull())
    .addColumn("user_id", "varchar(64)", (c) => c.notNull())
    .addColumn("e164", "varchar(20)", (c) => c.notNull())
    .addColumn("region", "varchar(2)")
    .addColumn("number_type", "varchar(32)", (c) => c.notNull())
    .addColumn("is_primary", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("verified_at", "bigint")
    .addColumn("verification_strategy", "varchar(32)")
    .addColumn("reserved_for_second_factor", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("default_second_factor", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("phone_numbers_pk", ["tenant_id", "id"])
    .addForeignKeyConstraint(
      "phone_numbers_user_fk",
      ["tenant_id", "user_id"],
      "users",
      ["tenant_id", "id"],
      (c) => c.onDelete("cascade"),
    )
    .execute();
  // A number is held by at most one user in a tenant; a user has at most one primary and one default.
  await db.schema
    .createIndex("phone_numbers_e164")
    .on("phone_numbers")
    .columns(["tenant_id", "e164"])
    .unique()
    .execute();
  await db.schema
    .createIndex("phone_numbers_user")
    .on("phone_numbers")
    .columns(["tenant_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("phone_numbers_one_primary")
    .on("phone_numbers")
    .columns(["tenant_id", "user_id"])
    .unique()
    .where(sql.ref("is_primary"), "=", 1)
    .execute();
  await db.schema
    .createIndex("phone_numbers_one_default_second_factor")
    .on("phone_numbers")
    .columns(["tenant_id", "user_id"])
    .unique()
    .where(sql.ref("default_second_factor"), "=", 1)
    .execute();

  await db.schema
    .createTable("verifications")
    .addColumn("tenant_id", "varchar(64)", (c) => c.notNull())
    .addColumn("id", "varchar(64)", (c) => c.notNull())
    .addColumn("user_id", "varchar(64)", (c) => c.notNull())
    .addColumn("phone_number_id", "varchar(64)", (c) => c.notNull())
    .addColumn("e164", "varchar(20)", (c) => c.notNull())
    .addColumn("key_id", "varchar(64)", (c) => c.notNull())
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    .addColumn("attempts_used", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("max_attempts", "integer", (c) => c.notNull())
    .addColumn("sends_used", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_sent_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("verifications_pk", ["tenant_id", "id"])
    .execute();
  // One open verification per number; the budget queries read a number's recent verifications.
  await db.schema
    .createIndex("verifications_one_pending")
    .on("verifications")
    .columns(["tenant_id", "phone_number_id"])
    .unique()
    .where(sql.ref("status"), "=", "pending")
    .execute();
  await db.schema
    .createIndex("verifications_by_number")
    .on("verifications")
    .columns(["tenant_id", "e164", "created_at"])
    .execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("tenant_id", "varchar(64)", (c) => c.notNull())
    .addColumn("verification_id", "varchar(64)", (c) => c.notNull())
    .addColumn("to_e164", "varchar(20)", (c) => c.notNull())
    .addColumn("template", "varchar(64)", (c) => c.notNull())
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    .addColumn("delivery_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
    .addColumn("locked_until", "bigint")
    .addColumn("provider", "varchar(64)")
    .addColumn("provider_message_id", "varchar(200)")
    .addColumn("last_error", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("sent_at", "bigint")
    .execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "next_attempt_at"]).execute();
  await db.schema
    .createIndex("outbox_by_number")
    .on("outbox")
    .columns(["tenant_id", "to_e164", "created_at"])
    .execute();

  await db.schema
    .createTable("events")
    .addColumn("id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("tenant_id", "varchar(64)", (c) => c.notNull())
    .addColumn("aggregate_type", "varchar(16)", (c) => c.notNull())
    .addColumn("aggregate_id", "varchar(64)", (c) => c.notNull())
    .addColumn("sequence", "bigint", (c) => c.notNull())
    .addColumn("type", "varchar(64)", (c) => c.notNull())
    .addColumn("actor", "varchar(200)", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("events_aggregate_sequence")
    .on("events")
    .columns(["tenant_id", "aggregate_type", "aggregate_id", "sequence"])
    .unique()
    .execute();

  await db.schema
    .createTable("credentials")
    .addColumn("id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("tenant_id", "varchar(64)", (c) => c.notNull().references("tenants.id"))
    .addColumn("kind", "varchar(16)", (c) => c.notNull())
    .addColumn("user_id", "varchar(64)")
    .addColumn("name", "varchar(200)", (c) => c.notNull())
    .addColumn("scopes", "text", (c) => c.notNull())
    .addColumn("secret_hash", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("hint", "varchar(32)", (c) => c.notNull())
    .addColumn("expires_at", "bigint")
    .addColumn("revoked_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "credentials",
    "events",
    "outbox",
    "verifications",
    "phone_numbers",
    "users",
    "tenants",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
