import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type QueryResult,
  sql,
  type TransactionSettings,
} from "kysely";
import type pgModule from "pg";
import { AccessChanged, accessGuard, type CommitGuard, isAccessGuardError } from "./access.js";
import type { Store, StoreOptions } from "./database.js";
import type { Database } from "./schema.js";
import { createUnitOfWork } from "./unit-of-work.js";

/**
 * PostgreSQL's connection layer: a pool of node-postgres clients and a Kysely driver over it that
 * spends as few round trips, and as little server parsing and planning, as the statements allow.
 *
 * - **Named prepared statements.** A statement with parameters runs as a named statement whose name is
 *   a hash of its SQL, so each connection parses and plans it once and afterwards sends only Bind and
 *   Execute. A statement without parameters (BEGIN, COMMIT, a migration's multi-statement script) goes
 *   through the simple protocol as before, since only that protocol runs several statements in one
 *   string. A connection keeps at most {@link MAX_PREPARED_PER_CONNECTION} statements; past that,
 *   new ones run unnamed.
 * - **BEGIN rides with the first statement.** Starting a transaction sends nothing: BEGIN is written
 *   to the socket together with the transaction's first statement, in one write, and node-postgres's
 *   pipeline mode reads both answers without waiting in between. Each keeps its own Sync, so the
 *   server treats them exactly as if they had been sent one after the other: an error in the
 *   statement surfaces at the statement's own await, as before. A transaction that runs no statement
 *   sends neither BEGIN nor COMMIT/ROLLBACK.
 * - **Several statements in one write, on request.** Inside a transaction, a caller that knows the
 *   statements it needs next (the user's lock and the read it guards) hands them over together
 *   (`executePipeline`, reached through `pipeline` in prepared.ts): they are written to the socket in
 *   one write, each with its own Sync, and the server runs them one after another as if they had been
 *   sent so, each with its own snapshot. The first statement that failed is the error, as it would have
 *   been had they run in turn: the ones after it ran inside the transaction that its error aborted, so
 *   they changed nothing, and the transaction is rolled back.
 * - **A guard rides with COMMIT, on request.** The unit of work may hand the transaction's connection
 *   a guard statement (`guardCommit`): COMMIT is then written together with it, in one write, each with
 *   its own Sync. A guard that raises aborts the transaction, PostgreSQL answers the COMMIT with
 *   ROLLBACK, and the commit fails with {@link AccessChanged}: nothing was written.
 * - **One pool checkout per transaction or read**, from a pool sized to the work in flight (see
 *   `POSTGRES_DEFAULTS.poolSize`).
 *
 * Result-less writes are not deferred to travel with COMMIT: a driver cannot tell a write whose result
 * nobody reads from one whose result decides what happens next (`insert ... on conflict do nothing`
 * then "was it inserted?", or a conditional update's row count), and a deferred write's error would
 * surface at COMMIT instead of at the statement, past the `catch` that maps it to a domain error.
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

/**
 * A connection prepares at most this many statements. Handset's queries are a few dozen distinct
 * texts; the bound only matters for SQL whose text varies with its input (`in (...)` lists of varying
 * length), which then runs unnamed instead of growing the server's memory without end.
 */
export const MAX_PREPARED_PER_CONNECTION = 256;

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
    }),
    db,
    dialect: "postgres",
    ping: async () => {
      await within(connectTimeoutMs + 1_000, sql`select 1`.execute(db));
    },
    close: () => db.destroy(),
  };
}

/**
 * Kysely's PostgreSQL dialect (its adapter, query compiler and introspector, so code that asks
 * `adapter instanceof PostgresAdapter` still gets PostgreSQL's SQL) with {@link PipelinedDriver}.
 */
export class PipelinedPostgresDialect extends PostgresDialect {
  readonly #pool: pgModule.Pool;
  readonly #options: DriverOptions;

  constructor(pool: pgModule.Pool, options: DriverOptions) {
    super({ pool });
    this.#pool = pool;
    this.#options = options;
  }

  override createDriver(): Driver {
    return new PipelinedDriver(this.#pool, this.#options);
  }
}

export interface DriverOptions {
  /** Named prepared statements; off, every statement is parsed each time (PgBouncer before 1.21). */
  preparedStatements: boolean;
}

/** SQL text to statement name: a hash, so that equal SQL on every connection shares one name. */
class StatementNames {
  readonly #names = new Map<string, string>();

  of(text: string): string {
    let name = this.#names.get(text);
    if (name === undefined) {
      // 40 hex digits and a prefix: within PostgreSQL's 63-byte identifiers, and no collisions.
      name = `handset_${createHash("sha1").update(text).digest("hex")}`;
      // The texts are Handset's own queries; the bound only stops a runaway of generated ones.
      if (this.#names.size >= 4 * MAX_PREPARED_PER_CONNECTION) this.#names.clear();
      this.#names.set(text, name);
    }
    return name;
  }
}

export class PipelinedDriver implements Driver {
  readonly #pool: pgModule.Pool;
  readonly #connections = new WeakMap<pgModule.PoolClient, PipelinedConnection>();
  readonly #names: StatementNames | undefined;
  #destroyed = false;

  constructor(pool: pgModule.Pool, options: DriverOptions) {
    this.#pool = pool;
    this.#names = options.preparedStatements ? new StatementNames() : undefined;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<PipelinedConnection> {
    const client = await this.#pool.connect();
    if (this.#destroyed) {
      client.release();
      throw new Error("driver has already been destroyed");
    }
    let connection = this.#connections.get(client);
    if (!connection) {
      connection = new PipelinedConnection(client, this.#names);
      this.#connections.set(client, connection);
    }
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let begin = "begin";
    if (settings.isolationLevel || settings.accessMode) {
      begin = "start transaction";
      if (settings.isolationLevel) begin += ` isolation level ${settings.isolationLevel}`;
      if (settings.accessMode) begin += ` ${settings.accessMode}`;
    }
    asPipelined(connection).begin(begin);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await asPipelined(connection).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await asPipelined(connection).rollback();
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdentifier(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdentifier(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdentifier(name)}`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    asPipelined(connection).release();
  }

  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    this.#destroyed = true;
    await this.#pool.end();
  }
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

function asPipelined(connection: DatabaseConnection): PipelinedConnection {
  if (!(connection instanceof PipelinedConnection)) throw new Error("not a pipelined PostgreSQL connection");
  return connection;
}

/**
 * An ErrorResponse from the server (it carries a severity): the session is intact. Anything else (a
 * lost socket, a closed client) leaves the session in an unknown state.
 */
const isServerError = (error: unknown): boolean =>
  typeof (error as { severity?: unknown } | null)?.severity === "string";

/**
 * node-postgres's error stacks end in its socket handler; like Kysely's own driver, add the stack of
 * the code that ran the statement.
 */
function withCallerStack(error: unknown): unknown {
  if (error instanceof Error && error.stack !== undefined) {
    const caller = new Error().stack?.split("\n").slice(2).join("\n");
    if (caller) error.stack += `\n${caller}`;
  }
  return error;
}

/**
 * After `ALTER TABLE` changes what a prepared `select *` returns, executing it fails with this until the
 * statement is prepared again; a fresh connection does that.
 */
const isStalePlan = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === "0A000" &&
  String((error as { message?: unknown }).message).startsWith("cached plan must not change result type");

interface PgResult {
  command: string;
  rowCount: number | null;
  rows: unknown[];
}

type Statement = string | { name?: string; text: string; values: unknown[] };

function toQueryResult<R>(result: PgResult): QueryResult<R> {
  return {
    numAffectedRows:
      result.command === "INSERT" ||
      result.command === "UPDATE" ||
      result.command === "DELETE" ||
      result.command === "MERGE"
        ? BigInt(result.rowCount ?? 0)
        : undefined,
    rows: (result.rows ?? []) as R[],
  };
}

/**
 * One pooled node-postgres client in pipeline mode, as Kysely's connection. Kysely runs one statement
 * at a time on a connection; this class decides how each is sent, and offers `executePipeline` to
 * callers that have several statements to send at once.
 */
export class PipelinedConnection implements DatabaseConnection {
  readonly #client: pgModule.PoolClient;
  readonly #names: StatementNames | undefined;
  /** Names this session has prepared (or is preparing). */
  readonly #prepared = new Set<string>();
  /** A BEGIN asked for and not sent yet: it goes out with the next statement. */
  #pendingBegin: string | undefined;
  /** BEGIN has been sent and neither COMMIT nor ROLLBACK yet. */
  #inTransaction = false;
  /** The session's state is unknown (a lost socket, a failed ROLLBACK) or stale: discard it on release. */
  #discard = false;
  /** A statement to send with this transaction's COMMIT, in the same write. */
  #guard: CommitGuard | undefined;

  constructor(client: pgModule.PoolClient, names: StatementNames | undefined) {
    this.#client = client;
    this.#names = names;
  }

  /** How many statements this session has prepared (tests). */
  get preparedCount(): number {
    return this.#prepared.size;
  }

  begin(statement: string): void {
    if (this.#pendingBegin !== undefined || this.#inTransaction) {
      throw new Error("a transaction is already open on this connection");
    }
    this.#pendingBegin = statement;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#statement(compiled);
    const begin = this.#pendingBegin;
    if (begin === undefined) return toQueryResult<R>(await this.#send(statement));
    this.#pendingBegin = undefined;
    this.#inTransaction = true;
    const [, result] = await this.#sendTogether([begin, statement]);
    return toQueryResult<R>(result as PgResult);
  }

  /**
   * Runs `queries` in order and answers each one's result. Inside a transaction (or with its BEGIN
   * still to send) they go out in one socket write, BEGIN first when it is pending, and cost one round
   * trip together; node-postgres in pipeline mode reads the answers in order. The server runs each
   * after the one before it has finished, so a statement's snapshot is taken after the statements
   * before it (a row lock among them) are done.
   *
   * A failure is the first statement's that failed, thrown as `executeQuery` would have thrown it:
   * the statements after it ran inside the transaction its error aborted, so they changed nothing
   * (each failed with "current transaction is aborted"). Outside a transaction each statement would
   * commit on its own even after one before it failed, so there they run one after another, and stop
   * at the first failure.
   */
  async executePipeline(queries: readonly CompiledQuery[]): Promise<QueryResult<unknown>[]> {
    const begin = this.#pendingBegin;
    if (begin === undefined && !this.#inTransaction) {
      const results: QueryResult<unknown>[] = [];
      for (const query of queries) results.push(await this.executeQuery(query));
      return results;
    }
    const statements = queries.map((query) => this.#statement(query));
    if (begin === undefined) return (await this.#sendTogether(statements)).map(toQueryResult);
    this.#pendingBegin = undefined;
    this.#inTransaction = true;
    const [, ...results] = await this.#sendTogether([begin, ...statements]);
    return results.map(toQueryResult);
  }

  // biome-ignore lint/correctness/useYield: Kysely's interface; streaming is not offered.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("streaming is not supported by Handset's PostgreSQL driver");
  }

  /**
   * `guard` goes out with this transaction's COMMIT, in one write: if it raises, COMMIT is answered
   * with ROLLBACK and `commit` fails with {@link AccessChanged}; once COMMIT succeeded with it,
   * `guard.passed` is true. A transaction that ran no statement sends neither (nothing to guard).
   */
  guardCommit(guard: CommitGuard): void {
    if (this.#pendingBegin === undefined && !this.#inTransaction) {
      throw new Error("no transaction is open on this connection");
    }
    this.#guard = guard;
  }

  async commit(): Promise<void> {
    const guard = this.#guard;
    this.#guard = undefined;
    if (this.#pendingBegin !== undefined) {
      // The transaction ran no statement: there is nothing to commit, and BEGIN was never sent.
      this.#pendingBegin = undefined;
      return;
    }
    if (!this.#inTransaction) throw new Error("no transaction is open on this connection");
    if (guard !== undefined) return this.#commitGuarded(guard);
    const result = await this.#send("commit");
    this.#inTransaction = false;
    // PostgreSQL answers COMMIT of a transaction that an earlier error aborted with ROLLBACK, and no
    // error: had a caller swallowed that error and carried on, its changes would be silently gone.
    if (result.command === "ROLLBACK") {
      throw new Error("the transaction was rolled back at COMMIT: a statement in it had failed");
    }
  }

  async #commitGuarded(guard: CommitGuard): Promise<void> {
    // COMMIT is sent whatever happens: the transaction ends with it (committed or rolled back).
    this.#inTransaction = false;
    const [guarded, committed] = await this.#settleTogether([this.#statement(guard.query), "commit"]);
    if (guarded?.status === "rejected" && isAccessGuardError(guarded.reason)) {
      if (committed?.status === "fulfilled" && committed.value.command === "ROLLBACK") {
        throw new AccessChanged({ cause: guarded.reason });
      }
      // A guard that failed must never be followed by a commit; should the session say otherwise,
      // it cannot be trusted.
      this.#discard = true;
      throw withCallerStack(committed?.status === "rejected" ? committed.reason : guarded.reason);
    }
    for (const outcome of [guarded, committed]) {
      if (outcome?.status === "rejected") throw withCallerStack(outcome.reason);
    }
    if (committed?.status === "fulfilled" && committed.value.command === "ROLLBACK") {
      throw new Error("the transaction was rolled back at COMMIT: a statement in it had failed");
    }
    guard.passed = true;
  }

  async rollback(): Promise<void> {
    this.#guard = undefined;
    if (this.#pendingBegin !== undefined) {
      this.#pendingBegin = undefined;
      return;
    }
    if (!this.#inTransaction) return;
    this.#inTransaction = false;
    try {
      await this.#send("rollback");
    } catch {
      // The caller is told the error that made it roll back, not this one. A session whose ROLLBACK
      // failed is in an unknown state: it is closed on release, and PostgreSQL rolls back a
      // transaction whose session ends.
      this.#discard = true;
    }
  }

  release(): void {
    // Kysely ends every transaction before releasing; a connection left inside one is never reused.
    const discard = this.#discard || this.#inTransaction || this.#pendingBegin !== undefined;
    this.#discard = false;
    this.#inTransaction = false;
    this.#pendingBegin = undefined;
    this.#guard = undefined;
    this.#client.release(discard ? true : undefined);
  }

  #statement(compiled: CompiledQuery): Statement {
    const values = [...compiled.parameters];
    // Without parameters, the simple protocol: one message, and the only one that runs a script of
    // several statements (migrations send those).
    if (values.length === 0) return compiled.sql;
    if (this.#names === undefined) return { text: compiled.sql, values };
    const name = this.#names.of(compiled.sql);
    if (this.#prepared.has(name)) return { name, text: compiled.sql, values };
    if (this.#prepared.size >= MAX_PREPARED_PER_CONNECTION) return { text: compiled.sql, values };
    this.#prepared.add(name);
    return { name, text: compiled.sql, values };
  }

  async #send(statement: Statement): Promise<PgResult> {
    try {
      return (await (typeof statement === "string"
        ? this.#client.query(statement)
        : this.#client.query(statement))) as PgResult;
    } catch (error) {
      this.#noteFailure(error);
      throw withCallerStack(error);
    }
  }

  /**
   * Statements (BEGIN among them, first) in one socket write. Each has its own Sync, so the server runs
   * them as it would have one after the other; node-postgres in pipeline mode reads the answers in
   * order. Rejects with the first failure, once every statement has been answered: the connection is
   * then idle again, ready for ROLLBACK.
   */
  async #sendTogether(statements: readonly Statement[]): Promise<PgResult[]> {
    const outcomes = await this.#settleTogether(statements);
    // A lost socket fails them all; a server error only its own statement and, in the aborted
    // transaction, the ones after it. BEGIN fails only with its session (a lost socket): then the
    // statements failed the same way.
    const failure = outcomes.find((outcome) => outcome.status === "rejected");
    if (failure !== undefined) throw withCallerStack(failure.reason);
    return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<PgResult>).value);
  }

  /** `#sendTogether`, answering each statement's outcome; failures are noted for the session. */
  async #settleTogether(statements: readonly Statement[]): Promise<PromiseSettledResult<PgResult>[]> {
    const stream = (this.#client as unknown as { connection?: { stream?: NodeJS.WritableStream } }).connection
      ?.stream as { cork?: () => void; uncork?: () => void } | undefined;
    stream?.cork?.();
    const sent: Promise<unknown>[] = [];
    try {
      for (const statement of statements) {
        sent.push(
          typeof statement === "string" ? this.#client.query(statement) : this.#client.query(statement),
        );
      }
    } finally {
      stream?.uncork?.();
    }
    const outcomes = (await Promise.allSettled(sent)) as PromiseSettledResult<PgResult>[];
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") this.#noteFailure(outcome.reason);
    }
    return outcomes;
  }

  #noteFailure(error: unknown): void {
    if (!isServerError(error) || isStalePlan(error)) this.#discard = true;
  }
}
