import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { systemCaller } from "../../src/services/caller.js";
import { recordCredentialUses } from "../../src/store/credential-usage.js";
import { readAccessVersion } from "../../src/store/credentials.js";
import { openStore } from "../../src/store/database.js";
import { MIGRATION_PROVIDER } from "../../src/store/migrate.js";
import { notePostgresSkipped } from "../support/postgres.js";
import { onEveryDialect, T0 } from "./service-support.js";

notePostgresSkipped("last-used times on PostgreSQL");

onEveryDialect("last-used times", (open) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("are noted in memory, written at most once a minute, and never move the access version", async () => {
    const [{ handset, store, clock }] = await open(cleanups);
    const key = await handset.credentials.issueAdminKey({ tenantId: "acme" });
    const caller = systemCaller("acme");
    const stored = async () =>
      (
        await store.db
          .selectFrom("credential_usage")
          .select("last_used_at")
          .where("credential_id", "=", key.id)
          .executeTakeFirst()
      )?.last_used_at;

    expect((await handset.credentials.get(caller, key.id)).lastUsedAt).toBeNull();
    const version = await readAccessVersion(store.db);
    clock.advance(1_000);
    await handset.credentials.authenticate(key.secret);
    // Known to this process at once, written by nothing yet.
    expect((await handset.credentials.get(caller, key.id)).lastUsedAt).toBe(T0 + 1_000);
    expect(await stored()).toBeUndefined();

    expect(await handset.credentials.flushUsage()).toBe(1);
    expect(Number(await stored())).toBe(T0 + 1_000);

    // Used again within the minute: nothing is written until the minute has passed.
    clock.advance(30_000);
    await handset.credentials.authenticate(key.secret);
    expect(await handset.credentials.flushUsage()).toBe(0);
    expect(Number(await stored())).toBe(T0 + 1_000);
    clock.advance(30_000);
    expect(await handset.credentials.flushUsage()).toBe(1);
    expect(Number(await stored())).toBe(T0 + 31_000);

    // At close, whatever is pending is written regardless of the minute.
    clock.advance(1_000);
    await handset.credentials.authenticate(key.secret);
    expect(await handset.credentials.flushUsage()).toBe(0);
    expect(await handset.credentials.flushUsage({ all: true })).toBe(1);
    expect(Number(await stored())).toBe(T0 + 62_000);
    expect((await handset.credentials.get(caller, key.id)).lastUsedAt).toBe(T0 + 62_000);

    expect(await readAccessVersion(store.db)).toBe(version);
  });

  it("keep the later time when processes flush out of order", async () => {
    const [{ handset, store, clock }] = await open(cleanups);
    const key = await handset.credentials.issueAdminKey({ tenantId: "acme" });
    clock.advance(10_000);
    await handset.credentials.authenticate(key.secret);
    await handset.credentials.flushUsage();
    // Another process's older use arrives late.
    await store.uow.transaction((trx) => recordCredentialUses(trx, [{ credentialId: key.id, at: T0 + 1 }]));
    expect((await handset.credentials.get(systemCaller("acme"), key.id)).lastUsedAt).toBe(T0 + 10_000);
  });
});

describe("migration 011_credential_usage", () => {
  it("gives admin keys holding the old default scopes the new ones, and leaves narrowed keys alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "handset-migrate-"));
    const store = openStore({ url: join(dir, "handset.sqlite") });
    try {
      const migrator = new Migrator({ db: store.db, provider: MIGRATION_PROVIDER });
      const { error } = await migrator.migrateTo("010_destination_pauses");
      if (error) throw error;
      await sql`insert into tenants (id, name, allowed_regions, denied_regions, sequence, created_at)
        values ('t', 't', '[]', '[]', 0, ${T0})`.execute(store.db);
      const rows: [string, string, string][] = [
        ["cred_full", "admin_key", "users:read users:write phone:read phone:write phone:verify"],
        ["cred_narrow", "admin_key", "phone:read"],
        ["cred_token", "user_token", "phone:read phone:write phone:verify"],
      ];
      for (const [id, kind, scopes] of rows) {
        await sql`insert into credentials (id, tenant_id, kind, user_id, name, scopes, secret_hash, hint,
            expires_at, revoked_at, created_at)
          values (${id}, 't', ${kind}, null, 'k', ${scopes}, ${id}, 'hsk_', null, null, ${T0})`.execute(
          store.db,
        );
      }
      // To 011 itself: later migrations add scopes of their own (017: webhooks, test/webhooks/migration.test.ts).
      const upTo = await migrator.migrateTo("011_credential_usage");
      if (upTo.error) throw upTo.error;
      const after = await store.db.selectFrom("credentials").select(["id", "scopes"]).orderBy("id").execute();
      expect(after).toEqual([
        {
          id: "cred_full",
          scopes:
            "users:read users:write phone:read phone:write phone:verify keys:read keys:write events:read",
        },
        { id: "cred_narrow", scopes: "phone:read" },
        { id: "cred_token", scopes: "phone:read phone:write phone:verify" },
      ]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
