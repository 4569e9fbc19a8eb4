import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import { createAuthenticator } from "../../src/http/authenticator.js";
import { createHandset, type Handset } from "../../src/services/handset.js";
import { readAccessVersion, revokeCredential } from "../../src/store/credentials.js";
import { openStore, type Store } from "../../src/store/database.js";
import { migrateToLatest } from "../../src/store/migrate.js";
import { setTenantRegions } from "../../src/store/tenants.js";
import { findUser } from "../../src/store/users.js";
import { TEST_KEYRING } from "../support/harness.js";
import { createTestSchema, notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";
import { type StatementCounter, startStatementCounter } from "../support/statement-counter.js";

notePostgresSkipped("credential cache across two store handles on PostgreSQL");

const T0 = Date.UTC(2026, 0, 1, 12);

/** One "process": its own store handle on the shared database, its own services and caches. */
interface Process {
  store: Store;
  handset: Handset;
  clock: ManualClock;
}

function processOn(url: string): Process {
  const config = loadConfig({ NODE_ENV: "test", HANDSET_LOG_LEVEL: "silent" });
  const store = openStore({ url, poolSize: 2 });
  const clock = new ManualClock(T0);
  const handset = createHandset({
    store,
    clock,
    keyring: TEST_KEYRING,
    otp: config.otp,
    phone: { validation: "valid", allowVoip: false, allowedRegions: [], deniedRegions: [] },
    testNumbers: new Map(),
    // No dispatcher: messages are left for a poll loop that never runs here.
    sms: {
      claimAtWrite: () => ({ status: "pending", locked_until: null, delivery_attempts: 0 }),
      committed: () => {},
    },
  });
  return { store, handset, clock };
}

function cacheSuite(
  dialect: "sqlite" | "postgres",
  database: () => Promise<{ url: string; drop(): Promise<void> }>,
) {
  describe(`the credential cache on ${dialect}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    let counter: StatementCounter | undefined;
    afterEach(async () => {
      counter?.stop();
      counter = undefined;
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    async function twoProcesses(): Promise<[Process, Process]> {
      const db = await database();
      cleanups.push(() => db.drop());
      const a = processOn(db.url);
      cleanups.push(() => a.store.close());
      await migrateToLatest(a.store.db);
      const b = processOn(db.url);
      cleanups.push(() => b.store.close());
      return [a, b];
    }

    it("refuses a credential revoked by another process at its next request", async () => {
      const [a, b] = await twoProcesses();
      const token = await a.handset.credentials.issueUserToken({ tenantId: "acme", userId: "alice" });
      const admin = await a.handset.credentials.issueAdminKey({ tenantId: "acme" });
      const authenticator = createAuthenticator(b.handset);
      // First use creates the user (so the credential can be kept), then B serves both from its cache.
      await authenticator.authenticate(token.secret, "phone:read");
      expect(await findUser(a.store.db, "acme", "alice")).toBeDefined();
      for (const secret of [token.secret, admin.secret]) {
        await authenticator.authenticate(secret, "phone:read");
      }
      counter = startStatementCounter();
      const cached = await counter.measure(() => authenticator.authenticate(token.secret, "phone:read"));
      // Served from the cache: one read of the access version, no join.
      expect(cached.statements).toEqual([expect.stringMatching(/^select version from access_version/)]);

      const before = await readAccessVersion(a.store.db);
      await a.store.uow.transaction((trx) => revokeCredential(trx, "acme", token.id, T0 + 1));
      expect(await readAccessVersion(a.store.db)).toBeGreaterThan(before);
      await expect(authenticator.authenticate(token.secret, "phone:read")).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
      // The other credential is read again (the version moved) and still valid.
      expect((await authenticator.authenticate(admin.secret, "phone:read")).kind).toBe("admin_key");
    });

    it("refuses a token deleted with its user by another process, and a new token's user appears again", async () => {
      const [a, b] = await twoProcesses();
      const admin = await a.handset.credentials.issueAdminKey({ tenantId: "acme" });
      const token = await a.handset.credentials.issueUserToken({ tenantId: "acme", userId: "bob" });
      const authenticator = createAuthenticator(b.handset);
      const caller = await authenticator.authenticate(token.secret, "phone:read");
      await authenticator.authenticate(token.secret, "phone:read");
      const adminCaller = await createAuthenticator(a.handset).authenticate(admin.secret, "users:write");
      await a.handset.users.remove(adminCaller, "bob");
      await expect(authenticator.authenticate(token.secret, "phone:read")).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
      expect(caller.userId).toBe("bob");
      const again = await a.handset.credentials.issueUserToken({ tenantId: "acme", userId: "bob" });
      await authenticator.authenticate(again.secret, "phone:read");
      expect(await findUser(a.store.db, "acme", "bob")).toBeDefined();
    });

    it("refuses a cached credential once it expires", async () => {
      const [a, b] = await twoProcesses();
      const token = await a.handset.credentials.issueUserToken({
        tenantId: "acme",
        userId: "carol",
        expiresAt: T0 + 60_000,
      });
      const authenticator = createAuthenticator(b.handset);
      await authenticator.authenticate(token.secret, "phone:read");
      await authenticator.authenticate(token.secret, "phone:read");
      b.clock.advance(59_999);
      expect((await authenticator.authenticate(token.secret, "phone:read")).userId).toBe("carol");
      b.clock.advance(1);
      await expect(authenticator.authenticate(token.secret, "phone:read")).rejects.toMatchObject({
        code: "CREDENTIAL_EXPIRED",
      });
    });

    it("moves the access version with a tenant's change, in the changing transaction", async () => {
      const [a] = await twoProcesses();
      await a.handset.credentials.issueAdminKey({ tenantId: "acme" });
      const before = await readAccessVersion(a.store.db);
      await expect(
        a.store.uow.transaction(async (trx) => {
          await setTenantRegions(trx, "acme", ["FR"], []);
          expect(await readAccessVersion(trx)).toBe(before + 1);
          throw new Error("undo");
        }),
      ).rejects.toThrow("undo");
      // Rolled back with the change it belonged to.
      expect(await readAccessVersion(a.store.db)).toBe(before);
      await a.store.uow.transaction((trx) => setTenantRegions(trx, "acme", ["FR"], []));
      expect(await readAccessVersion(a.store.db)).toBe(before + 1);
    });
  });
}

cacheSuite("sqlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "handset-cache-"));
  return {
    url: join(dir, "handset.sqlite"),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe.skipIf(!TEST_DATABASE_URL)("PostgreSQL", () => {
  cacheSuite("postgres", () => createTestSchema());
});
