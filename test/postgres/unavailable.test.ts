import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toHandsetError } from "../../src/http/request-errors.js";
import { openStore, type Store } from "../../src/store/database.js";
import { isDatabaseUnavailableError, isUniqueViolation } from "../../src/store/errors.js";
import { migrateToLatest } from "../../src/store/migrate.js";
import { failureOf } from "../support/failure.js";
import {
  createTestSchema,
  notePostgresSkipped,
  TEST_DATABASE_URL,
  type TestSchema,
} from "../support/postgres.js";

notePostgresSkipped("PostgreSQL errors that mean 'unavailable'");

describe.skipIf(!TEST_DATABASE_URL)("PostgreSQL errors, as the service sees them", () => {
  let schema: TestSchema;
  let store: Store;
  beforeAll(async () => {
    schema = await createTestSchema();
    store = openStore({ url: schema.url, poolSize: 2 });
    await migrateToLatest(store.db);
  });
  afterAll(async () => {
    await store?.close();
    await schema?.drop();
  });

  it("a pool that cannot hand out a connection within the connect timeout: 503", async () => {
    const small = openStore({ url: schema.url, poolSize: 1, connectTimeoutMs: 300 });
    let release = () => {};
    const held = small.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    try {
      const started = Date.now();
      const error = await failureOf(sql`select 1`.execute(small.db));
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(isDatabaseUnavailableError(error)).toBe(true);
      expect(toHandsetError(error).code).toBe("SERVICE_UNAVAILABLE");
    } finally {
      release();
      await held;
      await small.close();
    }
  });

  it("a statement past the statement timeout is cancelled by the server: 503", async () => {
    const strict = openStore({ url: schema.url, poolSize: 1, statementTimeoutMs: 100 });
    try {
      const error = await failureOf(sql`select pg_sleep(2)`.execute(strict.db));
      expect((error as { code?: string }).code).toBe("57014");
      expect(toHandsetError(error).code).toBe("SERVICE_UNAVAILABLE");
    } finally {
      await strict.close();
    }
  });

  it("a server nobody listens for: 503 at once, and readiness pings fail", async () => {
    const url = new URL(TEST_DATABASE_URL ?? "");
    url.port = "1";
    const nowhere = openStore({ url: url.toString(), poolSize: 1, connectTimeoutMs: 500 });
    try {
      const error = await failureOf(sql`select 1`.execute(nowhere.db));
      expect(toHandsetError(error).code).toBe("SERVICE_UNAVAILABLE");
      await expect(nowhere.ping()).rejects.toBeDefined();
    } finally {
      await nowhere.close();
    }
  });

  it("mistakes are not outages: constraint and syntax errors stay 500s", async () => {
    const duplicate = await failureOf(
      store.db
        .insertInto("tenants")
        .values([
          { id: "dup", name: "a", allowed_regions: "[]", denied_regions: "[]", sequence: 0, created_at: 1 },
          { id: "dup", name: "b", allowed_regions: "[]", denied_regions: "[]", sequence: 0, created_at: 1 },
        ])
        .execute(),
    );
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isDatabaseUnavailableError(duplicate)).toBe(false);
    const syntax = await failureOf(sql`selec 1`.execute(store.db));
    expect(isDatabaseUnavailableError(syntax)).toBe(false);
    expect(toHandsetError(syntax).code).toBe("INTERNAL");
  });
});
