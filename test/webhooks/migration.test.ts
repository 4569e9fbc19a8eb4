import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/database.js";
import { MIGRATION_PROVIDER, migrateToLatest } from "../../src/store/migrate.js";

const T0 = Date.UTC(2026, 0, 1);

describe("migration 017_webhooks", () => {
  it("gives admin keys holding the previous default scopes the webhooks scopes, and leaves narrowed keys alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "handset-migrate-"));
    const store = openStore({ url: join(dir, "handset.sqlite") });
    try {
      const migrator = new Migrator({ db: store.db, provider: MIGRATION_PROVIDER });
      const { error } = await migrator.migrateTo("013_console_sessions");
      if (error) throw error;
      await sql`insert into tenants (id, name, allowed_regions, denied_regions, sequence, created_at)
        values ('t', 't', '[]', '[]', 0, ${T0})`.execute(store.db);
      const full =
        "users:read users:write phone:read phone:write phone:verify keys:read keys:write events:read";
      const rows: [string, string, string][] = [
        ["cred_full", "admin_key", full],
        ["cred_operator", "admin_key", `${full} tenants:manage`],
        ["cred_narrow", "admin_key", "phone:read events:read"],
        ["cred_token", "user_token", "phone:read phone:write phone:verify"],
      ];
      for (const [id, kind, scopes] of rows) {
        await sql`insert into credentials (id, tenant_id, kind, user_id, name, scopes, secret_hash, hint,
            expires_at, revoked_at, created_at)
          values (${id}, 't', ${kind}, null, 'k', ${scopes}, ${id}, 'hsk_', null, null, ${T0})`.execute(
          store.db,
        );
      }
      await migrateToLatest(store.db);
      const after = await store.db.selectFrom("credentials").select(["id", "scopes"]).orderBy("id").execute();
      expect(after).toEqual([
        { id: "cred_full", scopes: `${full} webhooks:read webhooks:write` },
        { id: "cred_narrow", scopes: "phone:read events:read" },
        { id: "cred_operator", scopes: `${full} tenants:manage webhooks:read webhooks:write` },
        { id: "cred_token", scopes: "phone:read phone:write phone:verify" },
      ]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
