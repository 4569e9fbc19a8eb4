import { tmpdir } from "node:os";
import { sql } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/database.js";
import { MIGRATION_NAMES, migrateToLatest } from "../../src/store/migrate.js";
import { runHandsetToEnd } from "../support/handset-process.js";
import {
  createTestSchema,
  notePostgresSkipped,
  TEST_DATABASE_URL,
  type TestSchema,
} from "../support/postgres.js";
import { waitFor } from "../support/sms-receiver.js";

notePostgresSkipped("migrations on PostgreSQL from several processes at once");

/** The advisory lock key Kysely's PostgresAdapter takes around a migration run. */
const KYSELY_MIGRATION_LOCK = "3853314791062309107";

async function tablesIn(schema: TestSchema): Promise<string[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "select tablename from pg_tables where schemaname = $1 order by tablename",
      [schema.schema],
    );
    return rows.map((r) => r.tablename);
  } finally {
    await client.end();
  }
}

describe.skipIf(!TEST_DATABASE_URL)("migrations on PostgreSQL", () => {
  const schemas: TestSchema[] = [];
  const freshSchema = async () => {
    const schema = await createTestSchema();
    schemas.push(schema);
    return schema;
  };
  afterEach(async () => {
    for (const schema of schemas.splice(0)) await schema.drop();
  });

  it("lets three `handset migrate` processes start at once: one migrates, the others find it done", async () => {
    const schema = await freshSchema();
    const runs = await Promise.all(
      [1, 2, 3].map((n) =>
        runHandsetToEnd(`migrate-${n}`, ["migrate"], {
          DATABASE_URL: schema.url,
          HANDSET_DATA_DIR: tmpdir(),
        }),
      ),
    );
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const outputs = runs.map((r) => r.output.trim());
    expect(outputs.filter((o) => o === `applied: ${MIGRATION_NAMES.join(", ")}`)).toHaveLength(1);
    expect(outputs.filter((o) => o === "schema is up to date")).toHaveLength(2);
    expect(await tablesIn(schema)).toEqual(
      [
        "access_version",
        "budget_usage",
        "console_sessions",
        "conversion_counts",
        "credential_usage",
        "credentials",
        "destination_pauses",
        "events",
        "guess_streaks",
        "idempotency_keys",
        "kysely_migration",
        "kysely_migration_lock",
        "outbox",
        "phone_numbers",
        "tenants",
        "users",
        "verifications",
        "verify_services",
        "webhook_attempts",
        "webhook_deliveries",
        "webhook_endpoints",
      ].sort(),
    );
  }, 60_000);

  it("waits for the migration advisory lock held by another process before touching the schema", async () => {
    const schema = await freshSchema();
    const holder = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await holder.connect();
    const store = openStore({ url: schema.url, poolSize: 2 });
    try {
      await holder.query(`select pg_advisory_lock(${KYSELY_MIGRATION_LOCK})`);
      const migration = migrateToLatest(store.db);
      await waitFor("the migrator to queue on the advisory lock", async () => {
        const { rows } = await holder.query<{ waiting: string }>(
          "select count(*) as waiting from pg_locks l join pg_stat_activity a on a.pid = l.pid " +
            "where l.locktype = 'advisory' and not l.granted and a.application_name = 'handset'",
        );
        return Number(rows[0]?.waiting) > 0 ? true : undefined;
      });
      expect(await tablesIn(schema)).not.toContain("tenants");
      await holder.query(`select pg_advisory_unlock(${KYSELY_MIGRATION_LOCK})`);
      expect(await migration).toEqual({ applied: [...MIGRATION_NAMES] });
      expect(await tablesIn(schema)).toContain("tenants");
    } finally {
      await store.close();
      await holder.end();
    }
  });

  it("migrates its own schema even when another schema of the database holds Kysely's tables", async () => {
    const first = await freshSchema();
    const second = await freshSchema();
    for (const schema of [first, second]) {
      const store = openStore({ url: schema.url, poolSize: 1 });
      try {
        expect(await migrateToLatest(store.db)).toEqual({ applied: [...MIGRATION_NAMES] });
        // The statement timeout lifted for the migration is back afterwards.
        const { rows } = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(store.db);
        expect(rows[0]?.statement_timeout).toBe("15s");
      } finally {
        await store.close();
      }
    }
    expect(await tablesIn(second)).toContain("kysely_migration");
  });

  it("migrates while another schema of the database is changing its tables", async () => {
    // Kysely looks for its bookkeeping tables by reading every schema's columns with functions that
    // look each table up by name: a table dropped meanwhile in another schema (another deployment
    // migrating, a test schema dropped) failed the migration with "relation ... does not exist".
    const busy = await freshSchema();
    const churn = new pg.Client({ connectionString: busy.url });
    await churn.connect();
    let churning = true;
    const churned = (async () => {
      let n = 0;
      while (churning) {
        n += 1;
        await churn.query(`create table churn_${n % 4} (id serial primary key, value text)`);
        await churn.query(`drop table churn_${n % 4}`);
      }
      return n;
    })();
    try {
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const schema = await freshSchema();
        const store = openStore({ url: schema.url, poolSize: 2 });
        try {
          const report = await migrateToLatest(store.db);
          expect(report.applied).toEqual(MIGRATION_NAMES);
        } finally {
          await store.close();
        }
      }
    } finally {
      churning = false;
      expect(await churned).toBeGreaterThan(10);
      await churn.end();
    }
  }, 60_000);
});
