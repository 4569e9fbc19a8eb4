import type { CompiledQuery, DatabaseConnection, QueryResult } from "kysely";
import type pgModule from "pg";
import { AccessChanged, type CommitGuard, isAccessGuardError } from "./access.js";
import type { StatementNames } from "./postgres-driver.js";

/**
 * A connection prepares at most this many statements. Handset's queries are a few dozen distinct
 * texts; the bound only matters for SQL whose text varies with its input (`in (...)` lists of varying
 * length), which then runs unnamed instead of growing the server's memory without end.
 */
export const MAX_PREPARED_PER_CONNECTION = 256;

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
