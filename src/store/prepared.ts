import {
  CompiledQuery,
  type DatabaseConnection,
  PostgresAdapter,
  type QueryExecutor,
  type QueryResult,
} from "kysely";
import type { Executor } from "./executor.js";
import { type SynchronousQuery, synchronousConnection } from "./sqlite-dialect.js";

/**
 * Hot queries, written once per dialect and run as they are: no query builder runs per request.
 *
 * A query is written with PostgreSQL's numbered placeholders (`$1`, `$2`, …, each usable several
 * times); for SQLite the text is rewritten once, at module load, to anonymous `?` placeholders with
 * the order to bind the values in (better-sqlite3 binds `?` by position only). The query runs through
 * the executor it is given (a transaction or the store's handle), so the unit of work and both
 * drivers see it as any other query: the SQLite writer and reader cache their prepared statements by
 * SQL text, and a PostgreSQL layer may name its prepared statements by it.
 */
export interface HotQuery {
  readonly sqlite: DialectQuery;
  readonly postgres: DialectQuery;
}

interface DialectQuery {
  /** Kysely's form of the query, with no parameters yet: the node and id are reused on every run. */
  readonly template: CompiledQuery;
  /** SQLite: for each `?`, the index of the value it binds; null where values bind as given. */
  readonly order: readonly number[] | null;
  /** PostgreSQL: how many values the text binds (`$1` … `$count`). */
  readonly count: number;
}

/** One text for both dialects, or one each. Placeholders are `$1` … `$n` in both. */
export function hotQuery(text: string | { sqlite: string; postgres: string }): HotQuery {
  const sqlite = typeof text === "string" ? text : text.sqlite;
  const postgres = typeof text === "string" ? text : text.postgres;
  const order: number[] = [];
  const sqliteText = sqlite.replace(/\$(\d+)/g, (_, n: string) => {
    order.push(Number(n) - 1);
    return "?";
  });
  const inOrder = order.every((index, position) => index === position);
  // PostgreSQL binds exactly as many values as the text has placeholders: a query that leaves out a
  // value the others of its family take (a variant without a join, say) gets the ones it names.
  let count = 0;
  for (const match of postgres.matchAll(/\$(\d+)/g)) count = Math.max(count, Number(match[1]));
  return {
    sqlite: {
      template: CompiledQuery.raw(squeeze(sqliteText)),
      order: inOrder ? null : order,
      count: order.length,
    },
    postgres: { template: CompiledQuery.raw(squeeze(postgres)), order: null, count },
  };
}

/** `query` with `returning <columns>` appended, in both dialects (a write that says what it wrote). */
export function withReturning(query: HotQuery, columns: readonly string[]): HotQuery {
  const clause = ` returning ${columns.join(", ")}`;
  const extend = (dialect: DialectQuery): DialectQuery => ({
    ...dialect,
    template: CompiledQuery.raw(dialect.template.sql + clause),
  });
  return { sqlite: extend(query.sqlite), postgres: extend(query.postgres) };
}

/** Whitespace of the source layout is dropped, so logs and statement caches see one line. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The query Kysely's executor runs for `query` with `values` for `$1` … `$n`, in its dialect. */
function compile(executor: QueryExecutor, query: HotQuery, values: readonly unknown[]): CompiledQuery {
  const dialect = executor.adapter instanceof PostgresAdapter ? query.postgres : query.sqlite;
  const { template, order, count } = dialect;
  return {
    sql: template.sql,
    query: template.query,
    queryId: template.queryId,
    parameters:
      order !== null
        ? order.map((index) => values[index])
        : values.length === count
          ? values
          : values.slice(0, count),
  };
}

/**
 * Executors whose statements can run synchronously: the SQLite reader, and each SQLite transaction
 * once its connection is known. A hot query there skips Kysely's connection queueing, which costs
 * more than the statement itself; Kysely installs no plugins here whose result transform it would
 * skip (see `pipeline`).
 */
const synchronous = new WeakMap<QueryExecutor, SynchronousQuery>();

/** Says that `db`'s statements run synchronously with `run` (the SQLite reader). */
export function runsSynchronously(db: Executor, run: SynchronousQuery): void {
  synchronous.set(db.getExecutor(), run);
}

/** Runs a hot query in `db` (a transaction joins it) with `values` for `$1` … `$n`. */
export function runHot<R>(
  db: Executor,
  query: HotQuery,
  values: readonly unknown[],
): Promise<QueryResult<R>> {
  const executor = db.getExecutor();
  return execute<R>(db, executor, compile(executor, query, values));
}

/** Runs a compiled query on `db`'s executor, synchronously where it can (see `synchronous`). */
function execute<R>(db: Executor, executor: QueryExecutor, compiled: CompiledQuery): Promise<QueryResult<R>> {
  if (executor.plugins.length === 0) {
    const run = synchronous.get(executor);
    if (run) return settled(run, compiled);
    if (db.isTransaction && !(executor.adapter instanceof PostgresAdapter)) {
      return executor
        .provideConnection(async (connection) => synchronousConnection(connection))
        .then((found) => {
          if (!found) return executor.executeQuery<R>(compiled);
          synchronous.set(executor, found);
          return settled(found, compiled);
        });
    }
  }
  return executor.executeQuery<R>(compiled);
}

/** A synchronous run as a promise: its error rejects, as the driver's would. */
function settled<R>(run: SynchronousQuery, query: CompiledQuery): Promise<QueryResult<R>> {
  try {
    return Promise.resolve(run(query) as QueryResult<R>);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** One statement of a {@link pipeline}: a hot query and its values. */
export type PipelineStep = readonly [query: HotQuery, values: readonly unknown[]];

/** A connection that can send several statements at once (PostgreSQL's, see postgres.ts). */
interface PipeliningConnection extends DatabaseConnection {
  executePipeline(queries: readonly CompiledQuery[]): Promise<QueryResult<unknown>[]>;
}

const pipelines = (connection: DatabaseConnection): connection is PipeliningConnection =>
  typeof (connection as Partial<PipeliningConnection>).executePipeline === "function";

/**
 * Runs `steps` in order in `db` (a transaction joins it) and answers each one's result, in order.
 *
 * Kysely runs one query at a time on a transaction's connection, awaiting each before it starts the
 * next, so queries started together still cost a round trip each. This hands them to the connection
 * together instead: PostgreSQL's connection writes them to the socket at once inside a transaction,
 * and they cost one round trip between them. The server still runs each after the one before it has
 * finished, so a later statement's snapshot is taken once an earlier one's row lock is held. Elsewhere
 * (SQLite, where there are no round trips; a connection that cannot pipeline) they run one after
 * another, as awaiting each in turn would.
 *
 * Either way it fails as running them in turn would: with the first statement's error, as that
 * statement alone would have raised it (nothing after it changed anything: in a transaction, the
 * error aborted it).
 */
export async function pipeline(
  db: Executor,
  steps: readonly PipelineStep[],
): Promise<QueryResult<unknown>[]> {
  const executor = db.getExecutor();
  const queries = steps.map(([query, values]) => compile(executor, query, values));
  // Plugins transform results in the executor, which a pipeline goes around; Handset installs none.
  if (queries.length > 1 && executor.adapter instanceof PostgresAdapter && executor.plugins.length === 0) {
    return executor.provideConnection(async (connection) => {
      if (pipelines(connection)) return connection.executePipeline(queries);
      const results: QueryResult<unknown>[] = [];
      for (const query of queries) results.push(await connection.executeQuery(query));
      return results;
    });
  }
  const results: QueryResult<unknown>[] = [];
  for (const query of queries) results.push(await execute(db, executor, query));
  return results;
}

/** The first row, or undefined. */
export async function hotRow<R>(
  db: Executor,
  query: HotQuery,
  values: readonly unknown[],
): Promise<R | undefined> {
  return (await runHot<R>(db, query, values)).rows[0];
}

/** Rows a write touched. */
export async function hotChanges(db: Executor, query: HotQuery, values: readonly unknown[]): Promise<number> {
  return Number((await runHot(db, query, values)).numAffectedRows ?? 0);
}
