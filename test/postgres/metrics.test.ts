import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";
import {
  createTestSchema,
  notePostgresSkipped,
  TEST_DATABASE_URL,
  type TestSchema,
} from "../support/postgres.js";

notePostgresSkipped("the PostgreSQL pool gauges and commit latency at /metrics");

describe.skipIf(!TEST_DATABASE_URL)("/metrics on PostgreSQL", () => {
  let schema: TestSchema;
  let t: TestApp;

  beforeAll(async () => {
    schema = await createTestSchema();
    t = await createTestApp({ env: { DATABASE_URL: schema.url }, runDispatcher: false });
  });
  afterAll(async () => {
    await t?.close();
    await schema?.drop();
  });

  it("reports the pool's connections, commit latency and the outbox backlog", async () => {
    const me = nativeClient(t, await t.tokenFor("pg-metrics"));
    const id = (await me.addMine(mobileNumber())).json().id as string;
    expect((await me.sendMine(id)).statusCode).toBe(202);
    // A first scrape: by the second, the pool holds the connection its outbox query opened.
    await t.app.inject({ method: "GET", url: "/metrics" });
    const body = (await t.app.inject({ method: "GET", url: "/metrics" })).body;
    const value = (series: string) =>
      Number(
        body
          .split("\n")
          .find((l) => l.startsWith(`${series} `))
          ?.slice(series.length + 1),
      );
    expect(value("handset_db_pool_connections")).toBeGreaterThanOrEqual(1);
    expect(value("handset_db_pool_idle_connections")).toBeGreaterThanOrEqual(0);
    expect(value("handset_db_pool_waiting_requests")).toBe(0);
    expect(value("handset_db_commit_duration_seconds_count")).toBeGreaterThanOrEqual(2);
    expect(value("handset_outbox_depth")).toBe(1);
    expect(value("handset_outbox_oldest_due_age_seconds")).toBe(0);
  });
});
