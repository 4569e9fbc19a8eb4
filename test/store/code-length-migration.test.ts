import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, Migrator, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/database.js";
import { MIGRATION_NAMES, migrateToLatest } from "../../src/store/migrate.js";
import * as initial from "../../src/store/migrations/001_initial.js";
import * as verificationsByPhoneNumber from "../../src/store/migrations/002_verifications_by_phone_number.js";
import { createTestSchema, notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";
import { T0 } from "./suites/support.js";

notePostgresSkipped("the code_length migration on PostgreSQL");

/** A database as the release before `003_verifications_code_length` left it, holding one open verification. */
async function migrateToBeforeCodeLength(store: Store, schema?: string): Promise<void> {
  const db = store.db as unknown as Kysely<unknown>;
  const migrator = new Migrator({
    db,
    migrationTableSchema: schema,
    provider: {
      getMigrations: async () => ({
        "001_initial": initial,
        "002_verifications_by_phone_number": verificationsByPhoneNumber,
      }),
    },
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  await sql`insert into verifications (tenant_id, id, user_id, phone_number_id, e164, key_id, status,
      attempts_used, max_attempts, sends_used, last_sent_at, expires_at, created_at, updated_at)
    values ('t', 'vf_old', 'u', 'pn', '+33612345678', 'k1', 'pending', 0, 5, 1, ${T0}, ${T0 + 600_000},
      ${T0}, ${T0})`.execute(db);
}

describe("migration 003_verifications_code_length", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function checkUpgrade(store: Store, schema?: string): Promise<void> {
    await migrateToBeforeCodeLength(store, schema);
    // 003 and every migration after it.
    expect((await migrateToLatest(store.db)).applied).toEqual(
      MIGRATION_NAMES.slice(MIGRATION_NAMES.indexOf("003_verifications_code_length")),
    );
    expect(MIGRATION_NAMES).toContain("003_verifications_code_length");
    const old = await store.db
      .selectFrom("verifications")
      .select("code_length")
      .where("id", "=", "vf_old")
      .executeTakeFirstOrThrow();
    // Codes sent before the upgrade had the default length.
    expect(old.code_length).toBe(6);
  }

  it("gives verifications from before it the default length 6 (SQLite)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "handset-migrate-"));
    const store = openStore({ url: join(dir, "handset.sqlite") });
    cleanups.push(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    await checkUpgrade(store);
  });

  it.skipIf(!TEST_DATABASE_URL)(
    "gives verifications from before it the default length 6 (PostgreSQL)",
    async () => {
      const schema = await createTestSchema();
      const store = openStore({ url: schema.url, poolSize: 2 });
      cleanups.push(async () => {
        await store.close();
        await schema.drop();
      });
      await checkUpgrade(store, schema.schema);
    },
  );
});
