import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from "kysely";
import * as initial from "./migrations/001_initial.js";
import * as verificationsByPhoneNumber from "./migrations/002_verifications_by_phone_number.js";
import * as verificationsCodeLength from "./migrations/003_verifications_code_length.js";
import * as accessVersion from "./migrations/004_access_version_and_event_sequence.js";
import * as accessGuard from "./migrations/005_access_guard.js";
import * as messageStatus from "./migrations/006_message_status.js";
import * as budgetUsage from "./migrations/007_budget_usage.js";
import * as tenantSettings from "./migrations/008_tenant_settings.js";
import * as guessStreaks from "./migrations/009_guess_streaks.js";
import * as destinationPauses from "./migrations/010_destination_pauses.js";
import * as credentialUsage from "./migrations/011_credential_usage.js";
import * as adminLookupIndexes from "./migrations/012_admin_lookup_indexes.js";
import * as consoleSessions from "./migrations/013_console_sessions.js";
import * as userProfiles from "./migrations/014_user_profiles.js";
import * as bareVerifications from "./migrations/015_bare_verifications.js";
import * as idempotencyKeys from "./migrations/016_idempotency_keys.js";
import * as webhooks from "./migrations/017_webhooks.js";
import * as verifyServices from "./migrations/018_verify_services.js";
import type { Database } from "./schema.js";
import { introspectingOneSchema } from "./schema-introspection.js";

/** Migrations are listed in code, not read from a folder, so the built service needs no source tree. */
const MIGRATIONS: Record<string, Migration> = {
  "001_initial": initial,
  "002_verifications_by_phone_number": verificationsByPhoneNumber,
  "003_verifications_code_length": verificationsCodeLength,
  "004_access_version_and_event_sequence": accessVersion,
  "005_access_guard": accessGuard,
  "006_message_status": messageStatus,
  "007_budget_usage": budgetUsage,
  "008_tenant_settings": tenantSettings,
  "009_guess_streaks": guessStreaks,
  "010_destination_pauses": destinationPauses,
  "011_credential_usage": credentialUsage,
  "012_admin_lookup_indexes": adminLookupIndexes,
  "013_console_sessions": consoleSessions,
  "014_user_profiles": userProfiles,
  "015_bare_verifications": bareVerifications,
  "016_idempotency_keys": idempotencyKeys,
  "017_webhooks": webhooks,
  "018_verify_services": verifyServices,
};

/** Every migration, oldest first: what a fresh database applies. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS);

/** Every migration, for `Migrator` (tests move a database to an older version with it). */
export const MIGRATION_PROVIDER: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export interface MigrationReport {
  applied: string[];
}

async function runMigrator(db: Kysely<Database>, migrationTableSchema?: string): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: MIGRATION_PROVIDER, migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}

/**
 * Brings the schema to the latest version. Safe when several processes start at once: on PostgreSQL
 * Kysely's migrator holds a session advisory lock (`pg_advisory_lock`) around the whole run and
 * applies each pending migration in one transaction, so one process migrates and the others wait,
 * then find nothing left to do. SQLite takes its own file lock.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return runMigrator(db);
  return db.connection().execute(async (conn) => {
    // Waiting for another process's migration, or building an index on a large table, may take longer
    // than the service's statement timeout: lift it for this one session.
    await sql`set statement_timeout = 0`.execute(conn);
    try {
      // Kysely looks for its bookkeeping tables in every schema unless told which one; name the schema
      // Handset's tables go to (the first on the search_path), so that another schema's
      // `kysely_migration` in the same database is never mistaken for ours.
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(conn);
      const schema = rows[0]?.schema;
      if (!schema) throw new Error("PostgreSQL has no current schema: check the search_path of DATABASE_URL");
      return await runMigrator(introspectingOneSchema(conn, schema), schema);
    } finally {
      // A failed reset means a broken connection, which the pool discards anyway.
      await sql`reset statement_timeout`.execute(conn).catch(() => undefined);
    }
  });
}
