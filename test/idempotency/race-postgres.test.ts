import { afterAll, beforeAll, describe, it } from "vitest";
import { RELAXED_BUDGETS } from "../support/budgets.js";
import { createTestApp, type TestApp } from "../support/harness.js";
import {
  createTestSchema,
  notePostgresSkipped,
  TEST_DATABASE_URL,
  type TestSchema,
} from "../support/postgres.js";
import { raceOneKey } from "./race.js";

notePostgresSkipped("one Idempotency-Key raced over two Handsets on one PostgreSQL");

describe.skipIf(!TEST_DATABASE_URL)("one Idempotency-Key raced over two Handsets on one PostgreSQL", () => {
  let schema: TestSchema;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    schema = await createTestSchema();
    const env = { ...RELAXED_BUDGETS, DATABASE_URL: schema.url };
    a = await createTestApp({ env, runDispatcher: false });
    b = await createTestApp({ env, runDispatcher: false });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await schema?.drop();
  });

  it("lets exactly one request do the work", async () => {
    const servers = [
      await a.app.listen({ host: "127.0.0.1", port: 0 }),
      await b.app.listen({ host: "127.0.0.1", port: 0 }),
    ] as const;
    await raceOneKey({ servers, tokenFor: (userId) => a.tokenFor(userId), db: a.store.db });
  });
});
