import SqliteDatabase from "better-sqlite3";
import { Kysely, sql } from "kysely";
import { type OnLooseFileMode, preparePrivateSqliteFile } from "./file-modes.js";
import { openPostgres } from "./postgres.js";
import { runsSynchronously } from "./prepared.js";
import type { Database } from "./schema.js";
import { SqliteCheckpointer } from "./sqlite-checkpointer.js";
import { SqliteWriterDialect, sqliteReaderDialect } from "./sqlite-dialect.js";
import { type SyncWal, WalSync } from "./sqlite-wal-sync.js";
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
  /** PostgreSQL: the pool's connections right now (read from the pool, no query); absent on SQLite. */
  poolStats?(): PoolStats;
  close(): Promise<void>;
}

export interface PoolStats {
  /** Connections open, busy or idle. */
  total: number;
  idle: number;
  /** Requests queued for a connection. */
  waiting: number;
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
  /** SQLite: told about a WAL checkpoint that failed (the next one tries again; nothing is lost). */
  onCheckpointError?: (error: Error) => void;
  /** Told how long each transaction's commit took, in seconds (see `UnitOfWorkOptions.onCommit`). */
  onCommit?: (seconds: number) => void;
  /** SQLite: how the WAL reaches the disk (default fdatasync); tests hold or fail it here. */
  syncWal?: SyncWal;
}

export { POSTGRES_DEFAULTS } from "./postgres.js";

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function openStore(options: StoreOptions): Store {
  return isPostgresUrl(options.url) ? openPostgres(options) : openSqlite(options.url, options);
}

/** The SQLite writer's raw connection, for fault-injection tests. */
export const sqliteWriterOf = new WeakMap<Store, SqliteWriter>();
/** The SQLite store's checkpointer, for tests. */
export const sqliteCheckpointerOf = new WeakMap<Store, SqliteCheckpointer>();

/**
 * Commits between two WAL checkpoints. A commit of a group writes a few dozen pages, so this keeps
 * the WAL near SQLite's own default of 1000 pages, and each checkpoint lets the WAL start over.
 */
const CHECKPOINT_EVERY_COMMITS = 64;

function openSqlite(file: string, options: StoreOptions): Store {
  const { onHookError, onLooseFileMode, onCheckpointError, onCommit } = options;
  const inMemory = file === ":memory:";
  if (!inMemory) preparePrivateSqliteFile(file, onLooseFileMode);
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma("journal_mode = WAL");
  // Every commit is durable across power loss before anyone hears of it, as DESIGN.md promises, with
  // the guarantee of synchronous=FULL: COMMIT writes the WAL (NORMAL: no sync of its own) and
  // `WalSync` then fdatasyncs the WAL off the main thread before the commit counts. NORMAL still syncs
  // the WAL header each time the WAL starts over, which SQLite's recovery needs.
  sqlite.pragma("synchronous = NORMAL");
  // Checkpoints sync the database file: they run on the checkpointer's thread, never on this one.
  sqlite.pragma("wal_autocheckpoint = 0");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const checkpointer = inMemory
    ? undefined
    : new SqliteCheckpointer(file, (error) => onCheckpointError?.(error));
  let commitsSinceCheckpoint = 0;
  const durability = inMemory
    ? undefined
    : new WalSync({
        file,
        sync: options.syncWal,
        onSynced: (commits) => {
          commitsSinceCheckpoint += commits;
          if (commitsSinceCheckpoint < CHECKPOINT_EVERY_COMMITS) return;
          commitsSinceCheckpoint = 0;
          checkpointer?.request((work) => writerDialect.exclusive(work));
        },
      });
  // One fsync serves every transaction of an event-loop turn and every one committed while it ran.
  const writer = new SqliteWriter(sqlite, { durability });
  const writerDialect = new SqliteWriterDialect(writer);
  const db = new Kysely<Database>({ dialect: writerDialect });
  // Reads outside a transaction go to a read-only connection: under WAL it sees committed data only,
  // never the writer's open batch that a failed commit could still take back, and its answers wait
  // for the sync of whatever it saw.
  const reader = inMemory ? db : openSqliteReader(file);
  const durable = () => writer.durable();
  const store: Store = {
    uow: createUnitOfWork({ writer: db, reader, durable, onHookError, onCommit }),
    db,
    dialect: "sqlite",
    ping: async () => {
      await sql`select 1`.execute(reader);
      await durable();
    },
    close: async () => {
      await checkpointer?.close();
      if (reader !== db) await reader.destroy();
      await db.destroy();
    },
  };
  sqliteWriterOf.set(store, writer);
  if (checkpointer) sqliteCheckpointerOf.set(store, checkpointer);
  return store;
}

function openSqliteReader(file: string): Kysely<Database> {
  const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  const { dialect, executeNow } = sqliteReaderDialect(sqlite);
  const reader = new Kysely<Database>({ dialect });
  runsSynchronously(reader, executeNow);
  return reader;
}
