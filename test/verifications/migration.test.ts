import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/database.js";
import { MIGRATION_PROVIDER, migrateToLatest } from "../../src/store/migrate.js";
import { createTestSchema, notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";

notePostgresSkipped("migration 015 on PostgreSQL");

const T0 = Date.UTC(2026, 0, 1, 12);

interface TestDatabase {
  url: string;
  /** PostgreSQL: the test's schema. */
  schema: string | undefined;
  drop(): Promise<void>;
}

const databases: { name: string; open: () => Promise<TestDatabase> }[] = [
  {
    name: "SQLite",
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), "handset-015-"));
      return {
        url: join(dir, "handset.sqlite"),
        schema: undefined,
        drop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  ...(TEST_DATABASE_URL ? [{ name: "PostgreSQL", open: () => createTestSchema() }] : []),
];

describe.each(databases)("migration 015_bare_verifications on $name", ({ open }) => {
  it("keeps the verifications of users' numbers and their indexes, and admits bare ones, one open per number", async () => {
    const database = await open();
    const store = openStore({ url: database.url, poolSize: 2 });
    try {
      // Kysely looks for its bookkeeping in every schema unless told which (see src/store/migrate.ts).
      const migrator = new Migrator({
        db: store.db,
        provider: MIGRATION_PROVIDER,
        migrationTableSchema: database.schema,
      });
      const { error } = await migrator.migrateTo("013_console_sessions");
      if (error) throw error;
      const insert = (id: string, phoneNumberId: string | null, e164: string, status = "pending") =>
        sql`insert into verifications (tenant_id, id, user_id, phone_number_id, e164, key_id, status,
            attempts_used, max_attempts, sends_used, last_sent_at, expires_at, created_at, updated_at, code_length)
          values ('t', ${id}, ${phoneNumberId === null ? null : "u"}, ${phoneNumberId}, ${e164}, 'k', ${status},
            1, 5, 1, ${T0}, ${T0 + 600_000}, ${T0}, ${T0}, 8)`.execute(store.db);
      await insert("vf_old", "pn_1", "+33612345678");
      await expect(insert("vf_bare_before", null, "+33612345679")).rejects.toThrow();

      await migrateToLatest(store.db);
      const kept = await store.db.selectFrom("verifications").selectAll().execute();
      expect(kept).toHaveLength(1);
      expect(kept[0]).toMatchObject({
        id: "vf_old",
        user_id: "u",
        phone_number_id: "pn_1",
        code_length: 8,
        attempts_used: 1,
        verified_at: null,
        verified_strategy: null,
      });
      // The open verification per user's number is still unique...
      await expect(insert("vf_old_twin", "pn_1", "+33612345678")).rejects.toThrow();
      // ... a bare number takes one open verification, and another once the first has ended.
      await insert("vf_bare", null, "+33612345679");
      await expect(insert("vf_bare_twin", null, "+33612345679")).rejects.toThrow();
      await insert("vf_bare_done", null, "+33612345679", "verified");
      await insert("vf_bare_other", null, "+33612345670");
      expect(await store.db.selectFrom("verifications").select("id").execute()).toHaveLength(4);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
