import {
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  SqliteDialect,
  SqliteDriver,
  type TransactionSettings,
} from "kysely";
import type { GroupCommitDatabase } from "./sqlite-group-commit.js";

/**
 * Kysely's SQLite dialect over the group-commit database: a query or transaction that wrote does not
 * return until the batch holding its writes is on disk. The wait starts after the single connection is
 * released, so that other requests' transactions join the same batch meanwhile: that is what makes
 * one fsync serve many commits.
 */
export class GroupCommitSqliteDialect extends SqliteDialect {
  readonly #database: GroupCommitDatabase;

  constructor(database: GroupCommitDatabase) {
    super({ database });
    this.#database = database;
  }

  override createDriver(): Driver {
    return new DurableAfterReleaseDriver(new SqliteDriver({ database: this.#database }), this.#database);
  }
}

class DurableAfterReleaseDriver implements Driver {
  readonly #inner: SqliteDriver;
  readonly #database: GroupCommitDatabase;

  constructor(inner: SqliteDriver, database: GroupCommitDatabase) {
    this.#inner = inner;
    this.#database = database;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    return this.#inner.acquireConnection();
  }

  beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    // SQLite has no isolation levels to set: every transaction is serializable.
    return this.#inner.beginTransaction(connection);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection);
  }

  savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ): Promise<void> {
    return this.#inner.savepoint(connection, name, compile);
  }

  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ): Promise<void> {
    return this.#inner.rollbackToSavepoint(connection, name, compile);
  }

  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ): Promise<void> {
    return this.#inner.releaseSavepoint(connection, name, compile);
  }

  async releaseConnection(_connection: DatabaseConnection): Promise<void> {
    const wrote = this.#database.takeWroteFlag();
    await this.#inner.releaseConnection();
    if (wrote) await this.#database.durable();
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}
