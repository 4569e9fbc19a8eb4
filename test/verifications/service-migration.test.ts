import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/database.js";
import { MIGRATION_PROVIDER } from "../../src/store/migrate.js";
import { createTestSchema, notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";

notePostgresSkipped("migration 018 on PostgreSQL");

const T0 = Date.UTC(2026, 0, 1, 12);

const databases: {
  name: string;
  open: () => Promise<{ url: string; schema?: string; drop(): Promise<void> }>;
}[] = [
  {
    name: "SQLite",
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), "handset-018-"));
      return {
        url: join(dir, "handset.sqlite"),
        drop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  ...(TEST_DATABASE_URL ? [{ name: "PostgreSQL", open: () => createTestSchema() }] : []),
];

describe.each(databases)("migration 018_verify_services on $name", ({ open }) => {
  it("puts earlier verifications in the default service, one open per number and service, and goes back", async () => {
    const database = await open();
    const store = openStore({ url: database.url, poolSize: 2 });
    try {
      const migrator = new Migrator({
        db: store.db,
        provider: MIGRATION_PROVIDER,
        migrationTableSchema: database.schema,
      });
      const to = async (name: string) => {
        const { error } = await migrator.migrateTo(name);
        if (error) throw error;
      };
      await to("017_webhooks");
      const insert = (id: string, serviceId?: string) =>
        serviceId === undefined
          ? sql`insert into verifications (tenant_id, id, user_id, phone_number_id, e164, key_id, status,
              attempts_used, max_attempts, sends_used, last_sent_at, expires_at, created_at, updated_at, code_length)
            values ('t', ${id}, null, null, '+33612345678', 'k', 'pending', 0, 5, 1, ${T0}, ${T0 + 600_000},
              ${T0}, ${T0}, 6)`.execute(store.db)
          : sql`insert into verifications (tenant_id, id, user_id, phone_number_id, e164, key_id, status,
              attempts_used, max_attempts, sends_used, last_sent_at, expires_at, created_at, updated_at, code_length,
              service_id)
            values ('t', ${id}, null, null, '+33612345678', 'k', 'pending', 0, 5, 1, ${T0}, ${T0 + 600_000},
              ${T0}, ${T0}, 6, ${serviceId})`.execute(store.db);
      await insert("vf_before");

      await to("018_verify_services");
      const rows = await store.db.selectFrom("verifications").select(["id", "service_id"]).execute();
      expect(rows).toEqual([{ id: "vf_before", service_id: "" }]);
      // One open per number and service: a second in the default service is refused, one in another not.
      await expect(insert("vf_twice", "")).rejects.toThrow();
      await insert("vf_other", "vsv_1");
      await expect(insert("vf_other_twice", "vsv_1")).rejects.toThrow();
      await sql`insert into outbox (id, tenant_id, verification_id, to_e164, template, status, delivery_attempts,
          next_attempt_at, created_at, app_name, app_hash)
        values ('msg_1', 't', 'vf_other', '+33612345678', 'verification_code', 'pending', 0, ${T0}, ${T0},
          'Acme', 'FA+9qCX9VSu')`.execute(store.db);

      // Back: the other service's verification and its SMS go; the default one stays, one open per number.
      await to("017_webhooks");
      expect(await store.db.selectFrom("verifications").select("id").execute()).toEqual([
        { id: "vf_before" },
      ]);
      expect(await store.db.selectFrom("outbox").select("id").execute()).toEqual([]);
      await expect(insert("vf_again")).rejects.toThrow();
      await to("018_verify_services");
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
