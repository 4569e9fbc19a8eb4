import SqliteDatabase from "better-sqlite3";
import { Kysely, sql } from "kysely";
import { type OnLooseFileMode, preparePrivateSqliteFile } from "./file-modes.js";
import { openPostgres } from "./postgres.js";
import type { Database } from "./schema.js";
import { SqliteWriterDialect, sqliteReaderDialect } from "./sqlite-dialect.js";
import { SqliteWriter } from "./sqlite-writer.js";
import { createUnitOfWork, type UnitOfWork } from "./unit-of-work.js";

export type DialectName = "sqlite" | "postgres";

export interface Store {
  /** Transactions and reads for the use cases: one use case, one transaction. */
  uow: UnitOfWork;
  /**
   * A direct handle for migrations and start-up. On SQLite it is the writer: a statement outside a
   * transaction runs only after the open batch is durable, and is durable itself when it returns.
   */
  db: Kysely<Database>;
  dialect: DialectName;
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** `postgres://...` for PostgreSQL; otherwise the path of the SQLite file. */
  url: string;
  /** Largest number of PostgreSQL connections this process holds. */
  poolSize?: number;
  /** PostgreSQL: run parameterised statements as named prepared statements (default true). */
  preparedStatements?: boolean;
  /**
   * PostgreSQL: how long to wait for a connection, new or from the pool, before failing. This is
   * what turns "the database is gone" into a fast error instead of a hung request.
   */
  connectTimeoutMs?: number;
  /** PostgreSQL: the server cancels any statement running longer (0: no limit). */
  statementTimeoutMs?: number;
  /** Told about connection errors that happen outside any query (an idle connection dropped). */
  onConnectionError?: (error: Error) => void;
  /** Told about an after-commit hook that threw (the transaction is committed either way). */
  onHookError?: (error: unknown) => void;
  /** SQLite: told about a database file that others could read, found at start and tightened to 0600. */
  onLooseFileMode?: OnLooseFileMode;
}

export { POSTGRES_DEFAULTS } from "./postgres.js";

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function openStore(options: StoreOptions): Store {
  return isPostgresUrl(options.url)
    ? openPostgres(options)
    : openSqlite(options.url, options.onHookError, options.onLooseFileMode);
}

/** The SQLite writer's raw connection, for fault-injection tests. */
export const sqliteWriterOf = new WeakMap<Store, SqliteWriter>();

function openSqlite(
  file: string,
  onHookError?: (error: unknown) => void,
  onLooseFileMode?: OnLooseFileMode,
): Store {
  const inMemory = file === ":memory:";
  if (!inMemory) preparePrivateSqliteFile(file, onLooseFileMode);
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma("journal_mode = WAL");
  // FULL keeps every commit durable across power loss, as DESIGN.md promises; no trading fsync for speed.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Commits stay synced, but one fsync serves every transaction of an event-loop turn (group commit).
  const writer = new SqliteWriter(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteWriterDialect(writer) });
  // Reads outside a transaction go to a read-only connection: under WAL it sees committed, so durable,
  // data only, never the writer's open batch that a failed commit could still take back.
  const reader = inMemory ? db : openSqliteReader(file);
  const store: Store = {
    uow: createUnitOfWork({ writer: db, reader, onHookError }),
    db,
    dialect: "sqlite",
    ping: async () => {
      await sql`select 1`.execute(reader);
    },
    close: async () => {
      if (reader !== db) await reader.destroy();
      await db.destroy();
    },
  };
  sqliteWriterOf.set(store, writer);
  return store;
}

function openSqliteReader(file: string): Kysely<Database> {
  const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: sqliteReaderDialect(sqlite) });
}
