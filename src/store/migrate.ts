import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as initial from "./migrations/001_initial.js";
import type { Database } from "./schema.js";

/** Migrations are listed in code, not read from a folder, so the built service needs no source tree. */
const MIGRATIONS: Record<string, Migration> = {
  "001_initial": initial,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export interface MigrationReport {
  applied: string[];
}

/**
 * Brings the schema to the latest version. Kysely's migrator holds a lock while it runs (an advisory
 * lock on PostgreSQL), so processes that start together migrate once.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}
