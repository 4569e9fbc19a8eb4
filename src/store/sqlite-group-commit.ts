import type { Database as BetterSqliteDatabase, Statement } from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/**
 * better-sqlite3 as Kysely's SqliteDialect sees it, with two changes that keep every commit synced
 * (WAL, synchronous=FULL) but stop paying one fsync per transaction:
 *
 * - Group commit. Kysely's `begin`/`commit`/`rollback` become SAVEPOINT / RELEASE / ROLLBACK TO inside
 *   one outer `BEGIN IMMEDIATE`, and writes outside a transaction join it too. The outer transaction
 *   commits (one fsync) on the next turn of the event loop, after every request that arrived in this
 *   turn has run its transaction. A failed transaction still rolls back alone (its savepoint).
 *   A query or transaction that wrote returns only once its batch is on disk (`sqlite-dialect.ts`
 *   waits for `durable()` after releasing the connection), so no answer, SMS or printout reports a
 *   change that a failed commit could still undo; close() commits what is open.
 * - A statement cache. Kysely's SQLite driver calls `prepare` on every query; compiling the SQL again
 *   each time cost as much as running it.
 */
export interface GroupCommitDatabase extends SqliteDatabase {
  /** Resolves once everything executed so far is on disk; rejects if that commit failed. */
  durable(): Promise<void>;
  /** True when a write ran since the last call: the caller must wait for `durable()` before answering. */
  takeWroteFlag(): boolean;
}

/** The exact statements Kysely's SqliteDriver sends to begin, commit and roll back a transaction. */
type Control = "begin" | "commit" | "rollback";

interface Batch {
  done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody may be waiting on this batch; a failed commit must not become an unhandled rejection.
  done.catch(() => undefined);
  return { done, resolve, reject };
}

const NO_ROWS = { changes: 0, lastInsertRowid: 0 } as const;

export function groupCommitDatabase(
  sqlite: BetterSqliteDatabase,
  options: { statementCacheSize?: number } = {},
): GroupCommitDatabase {
  const cacheSize = options.statementCacheSize ?? 500;
  const cache = new Map<string, SqliteStatement>();
  const outer = {
    begin: sqlite.prepare("BEGIN IMMEDIATE"),
    commit: sqlite.prepare("COMMIT"),
    rollback: sqlite.prepare("ROLLBACK"),
    savepoint: sqlite.prepare("SAVEPOINT handset_tx"),
    release: sqlite.prepare("RELEASE handset_tx"),
    rollbackTo: sqlite.prepare("ROLLBACK TO handset_tx"),
  };
  let batch: Batch | null = null;
  let wrote = false;
  let inTransaction = false;
  let commitWhenTransactionEnds = false;

  function joinBatch(): void {
    wrote = true;
    if (batch) return;
    outer.begin.run();
    batch = newBatch();
    setImmediate(commitBatch);
  }

  function commitBatch(): void {
    if (!batch) return;
    // A Kysely transaction that awaited real I/O is still open: commit right after it ends.
    if (inTransaction) {
      commitWhenTransactionEnds = true;
      return;
    }
    const committing = batch;
    batch = null;
    try {
      outer.commit.run();
      committing.resolve();
    } catch (error) {
      if (sqlite.inTransaction) outer.rollback.run();
      committing.reject(error);
    }
  }

  function endTransaction(): void {
    inTransaction = false;
    if (commitWhenTransactionEnds) {
      commitWhenTransactionEnds = false;
      commitBatch();
    }
  }

  const control = (run: () => void): SqliteStatement => ({
    reader: false,
    run: () => {
      run();
      return NO_ROWS;
    },
    all: () => {
      run();
      return [];
    },
    iterate: () => {
      throw new Error("transaction control statements return no rows");
    },
  });
  const controls: Record<Control, SqliteStatement> = {
    begin: control(() => {
      joinBatch();
      outer.savepoint.run();
      inTransaction = true;
    }),
    commit: control(() => {
      outer.release.run();
      endTransaction();
    }),
    rollback: control(() => {
      outer.rollbackTo.run();
      outer.release.run();
      endTransaction();
    }),
  };

  /** A writing statement run outside a transaction joins the open batch instead of syncing alone. */
  function joiningWrites(statement: Statement): SqliteStatement {
    return {
      reader: statement.reader,
      all: (parameters) => {
        joinBatch();
        return statement.all(...parameters);
      },
      run: (parameters) => {
        joinBatch();
        return statement.run(...parameters);
      },
      iterate: (parameters) => {
        joinBatch();
        return statement.iterate(...parameters);
      },
    };
  }

  return {
    prepare(source: string): SqliteStatement {
      if (source === "begin" || source === "commit" || source === "rollback") return controls[source];
      let statement = cache.get(source);
      if (statement === undefined) {
        const prepared = sqlite.prepare(source);
        statement = prepared.readonly ? adapt(prepared) : joiningWrites(prepared);
        if (cache.size >= cacheSize) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
        cache.set(source, statement);
      }
      return statement;
    },
    close(): void {
      commitBatch();
      sqlite.close();
    },
    durable(): Promise<void> {
      return batch ? batch.done : Promise.resolve();
    },
    takeWroteFlag(): boolean {
      const result = wrote;
      wrote = false;
      return result;
    },
  };
}

/** Kysely passes parameters as one array; better-sqlite3 binds them spread. */
function adapt(statement: Statement): SqliteStatement {
  return {
    reader: statement.reader,
    all: (parameters) => statement.all(...parameters),
    run: (parameters) => statement.run(...parameters),
    iterate: (parameters) => statement.iterate(...parameters),
  };
}
