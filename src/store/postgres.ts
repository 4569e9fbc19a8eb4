import { createRequire } from "node:module";
import { Kysely, sql } from "kysely";
import type pgModule from "pg";
import { accessGuard } from "./access.js";
import type { Store, StoreOptions } from "./database.js";
import { PipelinedPostgresDialect } from "./postgres-driver.js";
import type { Database } from "./schema.js";
import { createUnitOfWork } from "./unit-of-work.js";

/**
 * Opens PostgreSQL: a pool of node-postgres clients in pipeline mode and, over it, the driver of
 * `postgres-driver.ts` and the connections of `postgres-connection.ts`, which spend as few round trips,
 * and as little server parsing and planning, as the statements allow.
 */

export const POSTGRES_DEFAULTS = {
  /**
   * Work in flight, not a guess: each HTTP request holds at most one connection at a time (one per
   * transaction or read), and `bench/run.mjs` drives 16 requests at once; the SMS dispatcher claims and
   * records deliveries beside them. 16 + 4: a request never waits for a connection behind the
   * dispatcher at the load Handset is measured at.
   */
  poolSize: 20,
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 15_000,
} as const;

const INT8_OID = 20;

/** Rejects when `work` takes longer than `ms`: a ping must answer "not ready", never hang. */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function openPostgres(options: StoreOptions): Store {
  const connectTimeoutMs = options.connectTimeoutMs ?? POSTGRES_DEFAULTS.connectTimeoutMs;
  const statementTimeoutMs = options.statementTimeoutMs ?? POSTGRES_DEFAULTS.statementTimeoutMs;
  // Loaded only here, so that the embedded default does not pay for PostgreSQL's driver at start.
  const pg = createRequire(import.meta.url)("pg") as typeof pgModule;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? POSTGRES_DEFAULTS.poolSize,
    connectionTimeoutMillis: connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: "handset",
    // A client writes each query as soon as it is asked, without waiting for the one before to be
    // answered; the driver below relies on it to send BEGIN with the transaction's first statement.
    pipeline: true,
    ...(statementTimeoutMs > 0
      ? {
          statement_timeout: statementTimeoutMs,
          // A process that stops mid-transaction must not hold row locks for longer than a statement could.
          idle_in_transaction_session_timeout: Math.max(statementTimeoutMs, 10_000),
        }
      : {}),
    // Times are stored as bigint milliseconds; they fit a JavaScript number exactly.
    types: {
      getTypeParser: (oid: number, format?: string) =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as "text"),
    },
  });
  const reportError = (error: Error) => options.onConnectionError?.(error);
  // node-postgres emits "error" on a client whose server went away between queries; an event with no
  // listener would crash the process. The pool drops broken clients and opens new ones on demand, so
  // service resumes by itself when the server is back.
  pool.on("error", reportError);
  pool.on("connect", (client) => client.on("error", reportError));
  const db = new Kysely<Database>({
    dialect: new PipelinedPostgresDialect(pool, { preparedStatements: options.preparedStatements ?? true }),
  });
  return {
    uow: createUnitOfWork({
      writer: db,
      reader: db,
      autocommit: db,
      accessGuard,
      onHookError: options.onHookError,
      onCommit: options.onCommit,
    }),
    db,
    dialect: "postgres",
    ping: async () => {
      await within(connectTimeoutMs + 1_000, sql`select 1`.execute(db));
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => db.destroy(),
  };
}
