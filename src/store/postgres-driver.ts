import { createHash } from "node:crypto";
import type { DatabaseConnection, Driver, TransactionSettings } from "kysely";
import { CompiledQuery, PostgresDialect } from "kysely";
import type pgModule from "pg";
import { MAX_PREPARED_PER_CONNECTION, PipelinedConnection } from "./postgres-connection.js";

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
export class StatementNames {
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
