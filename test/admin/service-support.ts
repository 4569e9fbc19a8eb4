import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe } from "vitest";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import { createHandset, type Handset } from "../../src/services/handset.js";
import { openStore, type Store } from "../../src/store/database.js";
import { migrateToLatest } from "../../src/store/migrate.js";
import { TEST_KEYRING } from "../support/harness.js";
import { createTestSchema, TEST_DATABASE_URL } from "../support/postgres.js";

export const T0 = Date.UTC(2026, 0, 1, 12);

/** One "process": its own store handle on a shared database, its own services, caches and clock. */
export interface ServiceProcess {
  store: Store;
  handset: Handset;
  clock: ManualClock;
}

export function processOn(url: string, clock = new ManualClock(T0)): ServiceProcess {
  const config = loadConfig({ NODE_ENV: "test", HANDSET_LOG_LEVEL: "silent" });
  const store = openStore({ url, poolSize: 2 });
  const handset = createHandset({
    store,
    clock,
    keyring: TEST_KEYRING,
    otp: config.otp,
    phone: { validation: "valid", allowVoip: false, allowedRegions: [], deniedRegions: [] },
    testNumbers: new Map(),
    sms: {
      claimAtWrite: () => ({ status: "pending", locked_until: null, delivery_attempts: 0 }),
      committed: () => {},
    },
    defaultTenant: "default",
  });
  return { store, handset, clock };
}

export interface Database {
  url: string;
  drop(): Promise<void>;
}

export type Dialect = "sqlite" | "postgres";

/**
 * Runs `suite` on SQLite and, when HANDSET_TEST_DATABASE_URL is set, on PostgreSQL; `database` makes a
 * fresh migrated database each time and returns one process on it (more with `processOn`).
 */
export function onEveryDialect(
  name: string,
  suite: (open: (cleanups: (() => Promise<void>)[]) => Promise<[ServiceProcess, Database]>) => void,
): void {
  const dialects: [Dialect, () => Promise<Database>][] = [
    [
      "sqlite",
      async () => {
        const dir = mkdtempSync(join(tmpdir(), "handset-admin-"));
        return {
          url: join(dir, "handset.sqlite"),
          drop: async () => rmSync(dir, { recursive: true, force: true }),
        };
      },
    ],
  ];
  if (TEST_DATABASE_URL) dialects.push(["postgres", () => createTestSchema()]);
  for (const [dialect, database] of dialects) {
    describe(`${name} on ${dialect}`, () => {
      suite(async (cleanups) => {
        const db = await database();
        cleanups.push(() => db.drop());
        const process = processOn(db.url);
        cleanups.push(() => process.store.close());
        await migrateToLatest(process.store.db);
        return [process, db];
      });
    });
  }
}
