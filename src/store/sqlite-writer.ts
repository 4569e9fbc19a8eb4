import type { Database as BetterSqliteDatabase, Statement } from "better-sqlite3";
import type { PendingCommit, WalSync } from "./sqlite-wal-sync.js";

/**
 * The one SQLite connection that writes, with group commit: every commit is made durable before
 * anyone hears of it, but one fsync serves every unit of work that ran since the last one, and that
 * fsync runs off the main thread ({@link WalSync}): COMMIT itself only writes the WAL.
 *
 * How it stays honest:
 * - Units of work run one at a time on this connection (the driver's mutex), each inside a SAVEPOINT
 *   of one outer `BEGIN IMMEDIATE`: the **batch**. A unit that fails rolls back to its savepoint alone.
 * - The batch commits once the connection is idle after the event-loop turn it opened in (or as soon
 *   as a unit that held the connection across a timer or I/O ends).
 * - Every unit that ran in a batch, whether it committed or failed, waits for that batch before its
 *   caller hears anything: what it read or wrote may belong to another unit of the batch, and is only
 *   true once the batch is on disk, that is once a WAL sync that started after its COMMIT returned.
 * - When the batch is lost (its COMMIT fails, or a statement error makes SQLite roll the whole
 *   transaction back, as SQLITE_FULL and SQLITE_IOERR may), every unit of it is told with a
 *   {@link BatchFailedError}. None of its rows exist, so the unit-of-work layer runs each one again
 *   alone ({@link SqliteWriter.beginUnit} with `alone`), where its own outcome decides its answer:
 *   an innocent neighbour of a failing unit succeeds, the culprit fails, and under a full disk each
 *   gets the real error.
 * - A statement outside any unit (migrations, start-up) first makes the open batch durable, then runs
 *   in autocommit, so it can never see or answer with data that is not on disk.
 */
export class BatchFailedError extends Error {
  constructor(override readonly cause: unknown) {
    super(`the group commit this transaction joined failed: ${describe(cause)}`, { cause });
    this.name = "BatchFailedError";
  }
}

export function isBatchFailure(error: unknown): error is BatchFailedError {
  return error instanceof BatchFailedError;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A group of units of work committed by one COMMIT. */
export interface Batch {
  /** Resolves once the batch is on disk; rejects with a BatchFailedError when it is not. */
  readonly done: Promise<void>;
}

interface OpenBatch extends Batch, PendingCommit {
  /** A unit run alone commits as soon as it ends. */
  alone: boolean;
  settled: boolean;
}

function openBatch(alone: boolean): OpenBatch {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody may be waiting on this batch; a failed commit must not become an unhandled rejection.
  done.catch(() => undefined);
  const batch: OpenBatch = {
    done,
    alone,
    settled: false,
    resolve: () => {
      batch.settled = true;
      resolve();
    },
    reject: (error) => {
      batch.settled = true;
      reject(error);
    },
  };
  return batch;
}

export interface StatementResult {
  rows: unknown[];
  changes?: number;
  lastInsertRowid?: number | bigint;
}

/** Test seam: lets a fault-injection test fail the next COMMIT as the disk would. */
export interface WriterFaults {
  beforeCommit?: () => void;
  /** Runs where a failed COMMIT's ROLLBACK would; throwing stands for a ROLLBACK that fails. */
  beforeRollback?: () => void;
}

export interface SqliteWriterOptions {
  statementCacheSize?: number;
  /** Makes each COMMIT durable off the main thread; without it (`:memory:`) a COMMIT is the end. */
  durability?: WalSync;
}

export class SqliteWriter {
  readonly #sqlite: BetterSqliteDatabase;
  readonly #durability: WalSync | undefined;
  readonly #statements = new Map<string, Statement>();
  readonly #cacheSize: number;
  readonly #control: Record<
    "begin" | "commit" | "rollback" | "savepoint" | "release" | "rollbackTo",
    Statement
  >;
  #batch: OpenBatch | null = null;
  /** The batch the unit holding the connection runs in; null between units. */
  #unitBatch: OpenBatch | null = null;
  #commitWhenUnitEnds = false;
  faults: WriterFaults = {};

  constructor(sqlite: BetterSqliteDatabase, options: SqliteWriterOptions = {}) {
    this.#sqlite = sqlite;
    this.#durability = options.durability;
    this.#cacheSize = options.statementCacheSize ?? 500;
    this.#control = {
      begin: sqlite.prepare("BEGIN IMMEDIATE"),
      commit: sqlite.prepare("COMMIT"),
      rollback: sqlite.prepare("ROLLBACK"),
      savepoint: sqlite.prepare("SAVEPOINT handset_unit"),
      release: sqlite.prepare("RELEASE handset_unit"),
      rollbackTo: sqlite.prepare("ROLLBACK TO handset_unit"),
    };
  }

  /**
   * Starts a unit of work: joins the open batch (opening one if none), or with `alone` makes the open
   * batch durable first and runs in a batch of its own. Returns the batch to wait for.
   */
  beginUnit(alone = false): Batch {
    this.#refuseAfterLostSync();
    this.#noticeLostBatch();
    if (this.#batch && (alone || this.#batch.alone)) this.#commit();
    if (!this.#batch) {
      // What a lost batch left open (its ROLLBACK failed) goes before a new batch begins.
      if (this.#sqlite.inTransaction) this.#control.rollback.run();
      this.#control.begin.run();
      const batch = openBatch(alone);
      this.#batch = batch;
      if (!alone) setImmediate(() => this.#commitWhenIdle(batch));
    }
    this.#control.savepoint.run();
    this.#unitBatch = this.#batch;
    return this.#batch;
  }

  /** The unit's work is kept in its batch; a unit run alone commits now. */
  commitUnit(): void {
    const batch = this.#requireUnit();
    this.#control.release.run();
    this.#endUnit(batch);
  }

  /** The unit's work is undone; its neighbours in the batch are not touched. */
  rollbackUnit(): void {
    const batch = this.#requireUnit();
    if (!batch.settled && this.#sqlite.inTransaction) {
      this.#control.rollbackTo.run();
      this.#control.release.run();
    }
    this.#endUnit(batch);
  }

  /** Runs one statement: inside the current unit, or alone in autocommit after the batch is durable. */
  execute(source: string, parameters: readonly unknown[]): StatementResult {
    const batch = this.#unitBatch;
    if (batch === null) {
      this.#refuseAfterLostSync();
      this.#noticeLostBatch();
      if (this.#batch) this.#commit();
      const result = this.#run(source, parameters);
      // An autocommit write is durable once the next sync returns; the driver waits for `durable()`.
      if (result.changes !== undefined) this.#committed(openBatch(true));
      return result;
    }
    // After SQLite rolled the whole batch back, a statement would run in autocommit: never let it.
    if (batch.settled || !this.#sqlite.inTransaction) {
      const cause = new Error("the transaction was rolled back by an earlier error");
      this.#lose(batch, cause);
      throw new BatchFailedError(cause);
    }
    try {
      return this.#run(source, parameters);
    } catch (error) {
      // SQLITE_FULL, SQLITE_IOERR and others may roll back the whole outer transaction: every unit of
      // the batch lost its rows.
      if (!this.#sqlite.inTransaction) this.#lose(batch, error);
      throw error;
    }
  }

  /** Runs a PRAGMA on the writer's connection (settings and fault-injection tests). */
  pragma(source: string): unknown {
    return this.#sqlite.pragma(source);
  }

  /** Commits the open batch now, if there is one and no unit of work is running in it. */
  commitOpenBatch(): void {
    if (this.#unitBatch !== null) return;
    this.#noticeLostBatch();
    if (this.#batch) this.#commit();
  }

  /** Resolves once everything committed so far is durable; rejects once a sync has failed. */
  durable(): Promise<void> {
    return this.#durability?.durable() ?? Promise.resolve();
  }

  /** Makes everything written so far durable and closes the connection. */
  async close(): Promise<void> {
    this.#noticeLostBatch();
    if (this.#batch) this.#commit();
    await this.durable().catch(() => undefined);
    this.#sqlite.close();
    await this.#durability?.close();
  }

  #run(source: string, parameters: readonly unknown[]): StatementResult {
    const statement = this.#prepare(source);
    if (statement.reader) return { rows: statement.all(...parameters) };
    const { changes, lastInsertRowid } = statement.run(...parameters);
    return { rows: [], changes, lastInsertRowid };
  }

  #prepare(source: string): Statement {
    let statement = this.#statements.get(source);
    if (statement === undefined) {
      statement = this.#sqlite.prepare(source);
      if (this.#statements.size >= this.#cacheSize) {
        const oldest = this.#statements.keys().next().value;
        if (oldest !== undefined) this.#statements.delete(oldest);
      }
      this.#statements.set(source, statement);
    }
    return statement;
  }

  #requireUnit(): OpenBatch {
    const batch = this.#unitBatch;
    if (batch === null) throw new Error("no unit of work is running on the SQLite writer");
    return batch;
  }

  #endUnit(batch: OpenBatch): void {
    this.#unitBatch = null;
    if (batch !== this.#batch) return;
    if (batch.alone || this.#commitWhenUnitEnds) {
      this.#commitWhenUnitEnds = false;
      this.#commit();
    }
  }

  #commitWhenIdle(batch: OpenBatch): void {
    if (batch !== this.#batch) return;
    // A unit that awaited a timer or I/O still holds the connection: commit right after it ends.
    if (this.#unitBatch !== null) {
      this.#commitWhenUnitEnds = true;
      return;
    }
    this.#commit();
  }

  #commit(): void {
    const batch = this.#batch;
    if (batch === null) return;
    this.#batch = null;
    this.#commitWhenUnitEnds = false;
    try {
      this.faults.beforeCommit?.();
      this.#control.commit.run();
      this.#committed(batch);
    } catch (error) {
      // A failed COMMIT (a deferred constraint, a full disk) may leave the transaction open. A ROLLBACK
      // that fails too must not keep the batch's units waiting for ever: they hear of the lost batch,
      // and the next unit rolls the leftover transaction back before it begins (`beginUnit`).
      try {
        this.faults.beforeRollback?.();
        if (this.#sqlite.inTransaction) this.#control.rollback.run();
      } catch {
        // Left for `beginUnit`; the batch is lost either way, and its units are told so below.
      }
      batch.reject(new BatchFailedError(error));
    }
  }

  #committed(batch: OpenBatch): void {
    if (this.#durability) this.#durability.add(batch);
    else batch.resolve();
  }

  /** After a failed sync nothing more is written or answered: what is on disk is unknown until a restart. */
  #refuseAfterLostSync(): void {
    const failure = this.#durability?.failure;
    if (failure) throw failure;
  }

  /** SQLite rolled the outer transaction back on its own: the open batch is gone. */
  #noticeLostBatch(): void {
    const batch = this.#batch;
    if (batch && !this.#sqlite.inTransaction)
      this.#lose(batch, new Error("SQLite rolled back the transaction"));
  }

  #lose(batch: OpenBatch, cause: unknown): void {
    if (this.#batch === batch) this.#batch = null;
    if (!batch.settled) batch.reject(new BatchFailedError(cause));
  }
}
