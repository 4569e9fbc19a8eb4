import { randomBytes } from "node:crypto";
import pg from "pg";

/** The PostgreSQL the tests may use (CI sets it, see `.ci/run`); unset, PostgreSQL tests skip. */
export const TEST_DATABASE_URL = process.env.HANDSET_TEST_DATABASE_URL || undefined;

/** Says, once per file, why a PostgreSQL test is skipped, so a green run never hides that it did not run. */
export function notePostgresSkipped(what: string): void {
  if (TEST_DATABASE_URL) return;
  console.log(
    `[skipped] ${what}: HANDSET_TEST_DATABASE_URL is not set. ` +
      "Set it (e.g. postgres://postgres@127.0.0.1:5432/test) to run the PostgreSQL tests.",
  );
}

export interface TestSchema {
  /** The test database's URL with `search_path` set to this schema: Handset's tables land there. */
  url: string;
  schema: string;
  /** Done with the schema: it is dropped when the test run ends (see `TEST_RUN_VARIABLE`). */
  drop(): Promise<void>;
}

const SCHEMA_PREFIX = "handset_test_";
/** Schemas left by runs that were killed before cleaning up are dropped after this long. */
const STALE_AFTER_MS = 60 * 60_000;

/**
 * Names the current test run; set by test/support/global-setup.ts for every test file of the run.
 *
 * A run's schemas are dropped together when the run ends, not one by one as tests finish: dropping a
 * schema while another connection reads the catalog can fail that reader with `schema "…" does not
 * exist` (Kysely's migrator lists tables with `has_schema_privilege(nspname, …)`, which looks each
 * schema up by name), so a drop in one test file could fail a Handset starting in another.
 */
export const TEST_RUN_VARIABLE = "HANDSET_TEST_RUN";

/** A fresh run id: the run's start (for the stale sweep) and a random part. */
export function newTestRunId(now = Date.now()): string {
  return `${now.toString(36)}_${randomBytes(3).toString("hex")}`;
}

const runSchemaPrefix = (run: string) => `${SCHEMA_PREFIX}${run}_`;

function requireUrl(baseUrl: string | undefined): string {
  if (!baseUrl) throw new Error("HANDSET_TEST_DATABASE_URL is not set");
  return baseUrl;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A URL that puts Handset's tables in `schema` of the database at `baseUrl`. */
export function urlWithSchema(baseUrl: string, schema: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}

/**
 * A fresh, empty schema for one test, so tests, runs (and engineers) sharing one PostgreSQL never see
 * each other's rows. Within a test run it lives until the run ends; outside one (a script using this
 * module), `drop()` removes it at once.
 */
export async function createTestSchema(baseUrl = TEST_DATABASE_URL): Promise<TestSchema> {
  const base = requireUrl(baseUrl);
  const run = process.env[TEST_RUN_VARIABLE];
  const schema = `${runSchemaPrefix(run ?? newTestRunId())}${randomBytes(4).toString("hex")}`;
  await withClient(base, async (client) => {
    if (!run) await dropStaleSchemas(client, Date.now());
    await client.query(`create schema ${schema}`);
  });
  return {
    url: urlWithSchema(base, schema),
    schema,
    drop: async () => {
      if (run) return;
      await withClient(base, async (client) => void (await client.query(`drop schema ${schema} cascade`)));
    },
  };
}

/** Before a run: drops the schemas of runs that were killed before they could clean up. */
export async function sweepStaleSchemas(baseUrl: string): Promise<void> {
  await withClient(baseUrl, (client) => dropStaleSchemas(client, Date.now()));
}

/** After a run: drops every schema the run created. */
export async function dropRunSchemas(baseUrl: string, run: string): Promise<void> {
  await withClient(baseUrl, async (client) => {
    const { rows } = await client.query<{ nspname: string }>(
      "select nspname from pg_namespace where starts_with(nspname, $1)",
      [runSchemaPrefix(run)],
    );
    for (const { nspname } of rows) await client.query(`drop schema if exists ${nspname} cascade`);
  });
}

async function dropStaleSchemas(client: pg.Client, now: number): Promise<void> {
  const { rows } = await client.query<{ nspname: string }>(
    "select nspname from pg_namespace where nspname like $1",
    [`${SCHEMA_PREFIX}%`],
  );
  for (const { nspname } of rows) {
    const stamp = Number.parseInt(nspname.slice(SCHEMA_PREFIX.length).split("_")[0] ?? "", 36);
    if (Number.isFinite(stamp) && now - stamp > STALE_AFTER_MS) {
      await client.query(`drop schema if exists ${nspname} cascade`).catch(() => undefined);
    }
  }
}
