import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/database.js";
import { migrateToLatest } from "../../src/store/migrate.js";
import type { HotQuery } from "../../src/store/prepared.js";
import { USER_STATE_QUERIES } from "../../src/store/user-state-queries.js";
import { FIND_PENDING_VERIFICATION } from "../../src/store/verifications.js";
import { createTestSchema, notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";

notePostgresSkipped("the pending-verification lookup's plan on PostgreSQL");

/**
 * A number's open verification is found through the partial unique index `verifications_one_pending`
 * (`where status = 'pending'`). A planner uses a partial index only when it can prove the query
 * implies the index's predicate, which a bound `status = $n` never lets it do in a generic plan: the
 * hot queries write the predicate literally. These tests read the plans. (SQLite plans a statement
 * again with its bound values when a partial index might apply, so there a bound predicate would
 * cost a fresh plan per run instead; the literal spares that too.)
 */
const LOOKUPS: Record<string, { query: HotQuery; values: unknown[] }> = {
  "the pending lookup": { query: FIND_PENDING_VERIFICATION, values: ["t", "pn"] },
  "the state read after the lock": {
    query: USER_STATE_QUERIES.state,
    values: ["t", "u", "pn", 0],
  },
  "the state read with send budgets": {
    query: USER_STATE_QUERIES.stateWithBudgets,
    values: ["t", "u", "pn", 0],
  },
  "the state read by number with send budgets": {
    query: USER_STATE_QUERIES.stateByNumberWithBudgets,
    values: ["t", "pn", "pn", 0],
  },
};

/** The same lookup with the predicate bound as a parameter: what the hot queries must not do. */
const BOUND_PREDICATE =
  "select id from verifications where tenant_id = $1 and phone_number_id = $2 and status = $3";

describe("the pending-verification lookup on SQLite", () => {
  let dir: string;
  let sqlite: SqliteDatabase.Database;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "handset-plan-"));
    const store = openStore({ url: join(dir, "handset.sqlite") });
    await migrateToLatest(store.db);
    await store.close();
    sqlite = new SqliteDatabase(join(dir, "handset.sqlite"), { readonly: true });
  });
  afterAll(() => {
    sqlite?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const plan = (source: string, values: unknown[]) =>
    (sqlite.prepare(`explain query plan ${source}`).all(...values) as { detail: string }[])
      .map((r) => r.detail)
      .join("\n");

  for (const [name, { query, values }] of Object.entries(LOOKUPS)) {
    it(`${name} searches verifications by verifications_one_pending`, () => {
      const order = query.sqlite.order;
      const bound = order ? order.map((i) => values[i]) : values.slice(0, query.sqlite.count);
      expect(plan(query.sqlite.template.sql, bound)).toMatch(
        /SEARCH v(erifications)? USING INDEX verifications_one_pending/,
      );
    });
  }
});

describe.skipIf(!TEST_DATABASE_URL)("the pending-verification lookup on PostgreSQL", () => {
  let client: pg.Client;
  beforeAll(async () => {
    const schema = await createTestSchema();
    const store = openStore({ url: schema.url, poolSize: 1 });
    await migrateToLatest(store.db);
    await store.close();
    client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    // Tiny tables would be scanned whatever the indexes: ask which index the planner can use at all.
    await client.query("set enable_seqscan = off");
    // A generic plan does not know the parameters' values, as a named prepared statement's may not.
    await client.query("set plan_cache_mode = force_generic_plan");
  });
  afterAll(async () => client?.end());

  let serial = 0;
  async function plan(source: string, values: unknown[]): Promise<string> {
    serial += 1;
    const name = `plan_${serial}`;
    await client.query(`prepare ${name} as ${source}`);
    const literals = values.map((v) => (typeof v === "number" ? String(v) : `'${String(v)}'`));
    const { rows } = await client.query<{ "QUERY PLAN": string }>(
      `explain execute ${name}${literals.length ? `(${literals.join(", ")})` : ""}`,
    );
    await client.query(`deallocate ${name}`);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  }

  for (const [name, { query, values }] of Object.entries(LOOKUPS)) {
    it(`${name} scans verifications by verifications_one_pending`, async () => {
      const text = await plan(query.postgres.template.sql, values.slice(0, query.postgres.count));
      expect(text).toMatch(/Index (Only )?Scan using verifications_one_pending/);
    });
  }

  it("cannot use the index when the predicate is bound (the control)", async () => {
    expect(await plan(BOUND_PREDICATE, ["t", "pn", "pending"])).not.toContain("verifications_one_pending");
  });
});
