import { AsyncLocalStorage } from "node:async_hooks";
import type { Database as BetterSqliteDatabase, Statement } from "better-sqlite3";
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
  type SqliteStatement,
} from "kysely";
import type { Batch, SqliteWriter } from "./sqlite-writer.js";

/** Set while a unit of work is run again alone after its batch failed (see `SqliteWriter`). */
const alone = new AsyncLocalStorage<true>();

/** Runs `work` so that the transaction it starts on the SQLite writer commits by itself. */
export function runAlone<T>(work: () => Promise<T>): Promise<T> {
  return alone.run(true, work);
}

/**
 * Kysely over the group-commit writer. A transaction is a unit of work in the writer's open batch;
 * once the connection is released (so that other units can join the same batch and share its fsync),
 * the caller waits until that batch is on disk, and hears of it if it is not.
 */
export class SqliteWriterDialect extends SqliteDialect {
  readonly #writer: SqliteWriter;
  /** Units of work run one at a time on the writer's connection. */
  readonly #mutex = new Mutex();

  constructor(writer: SqliteWriter) {
    // The database given to the base class is never opened: createDriver below replaces its driver.
    super({ database: () => Promise.reject(new Error("unused")) });
    this.#writer = writer;
  }

  override createDriver(): Driver {
    return new SqliteWriterDriver(this.#writer, this.#mutex);
  }

  /**
   * Runs `work` with the writer idle: the open batch committed and no unit of work started until
   * `work` ends. Units that arrive meanwhile wait their turn without blocking the event loop.
   */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    await this.#mutex.lock();
    try {
      this.#writer.commitOpenBatch();
      return await work();
    } finally {
      this.#mutex.unlock();
    }
  }
}

class WriterConnection implements DatabaseConnection {
  /** The batch this acquisition's unit of work ran in, if it started one. */
  batch: Batch | null = null;
  readonly #writer: SqliteWriter;

  constructor(writer: SqliteWriter) {
    this.#writer = writer;
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return Promise.resolve(this.executeNow<R>(query));
  }

  /** The same, synchronously: better-sqlite3 runs a statement to its end before it returns. */
  executeNow<R>(query: CompiledQuery): QueryResult<R> {
    const result = this.#writer.execute(query.sql, query.parameters);
    return {
      rows: result.rows as R[],
      numAffectedRows: result.changes === undefined ? undefined : BigInt(result.changes),
      insertId: result.lastInsertRowid === undefined ? undefined : BigInt(result.lastInsertRowid),
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered; the generator only refuses.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("the SQLite writer does not stream results");
  }
}

class SqliteWriterDriver implements Driver {
  readonly #writer: SqliteWriter;
  readonly #mutex: Mutex;

  constructor(writer: SqliteWriter, mutex: Mutex) {
    this.#writer = writer;
    this.#mutex = mutex;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return new WriterConnection(this.#writer);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // SQLite has no isolation levels to set: every transaction is serializable.
    (connection as WriterConnection).batch = this.#writer.beginUnit(alone.getStore() === true);
  }

  async commitTransaction(): Promise<void> {
    this.#writer.commitUnit();
  }

  async rollbackTransaction(): Promise<void> {
    this.#writer.rollbackUnit();
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#mutex.unlock();
    const { batch } = connection as WriterConnection;
    // A statement outside a transaction (start-up, migrations) is answered once it is durable too.
    await (batch ? batch.done : this.#writer.durable());
  }

  async destroy(): Promise<void> {
    await this.#writer.close();
  }
}

/** One holder at a time, served in arrival order. */
class Mutex {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  lock(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  unlock(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

/**
 * Kysely's own SQLite dialect for the read-only connection, with a statement cache: its driver calls
 * `prepare` on every query, and compiling the SQL again each time cost as much as running it.
 */
export function sqliteReaderDialect(
  sqlite: BetterSqliteDatabase,
  cacheSize = 500,
): { dialect: SqliteDialect; executeNow: SynchronousQuery } {
  const cache = new Map<string, SqliteStatement>();
  const prepare = (source: string): SqliteStatement => {
    let statement = cache.get(source);
    if (statement === undefined) {
      statement = adapt(sqlite.prepare(source));
      if (cache.size >= cacheSize) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(source, statement);
    }
    return statement;
  };
  const dialect = new SqliteDialect({ database: { close: () => sqlite.close(), prepare } });
  // A read-only connection runs no transactions: a statement needs none of the driver's queueing.
  const executeNow: SynchronousQuery = (query) => {
    const statement = prepare(query.sql);
    if (statement.reader) return { rows: statement.all(query.parameters) as unknown[] };
    throw new Error("the SQLite reader runs reads only");
  };
  return { dialect, executeNow };
}

/** Runs one compiled query to its end before returning (better-sqlite3 is synchronous). */
export type SynchronousQuery = (query: CompiledQuery) => QueryResult<unknown>;

/** The connection a SQLite transaction runs on, when it can run a statement synchronously. */
export function synchronousConnection(connection: DatabaseConnection): SynchronousQuery | undefined {
  return connection instanceof WriterConnection ? (query) => connection.executeNow(query) : undefined;
}

function adapt(statement: Statement): SqliteStatement {
  return {
    reader: statement.reader,
    all: (parameters) => statement.all(...parameters),
    run: (parameters) => statement.run(...parameters),
    iterate: (parameters) => statement.iterate(...parameters),
  };
}
