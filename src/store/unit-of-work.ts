import { AsyncLocalStorage } from "node:async_hooks";
import type { Kysely } from "kysely";
import type { Executor } from "./executor.js";
import type { Database } from "./schema.js";
import { runAlone } from "./sqlite-dialect.js";
import { isBatchFailure } from "./sqlite-writer.js";

/**
 * One use case, one transaction. A service operation runs its work with `transaction`; a service
 * operation it calls joins the same transaction instead of committing on its own, so whatever a
 * client asks in one call commits whole or not at all. Effects that must follow durability (waking
 * the SMS dispatcher, webhooks) are registered with `afterCommit` and run once the outermost
 * transaction is on disk; a rolled-back one drops them.
 *
 * The current transaction travels with the async context (AsyncLocalStorage), the one way every
 * service finds it: a service never holds a transaction of its own in a variable across calls.
 */
export interface UnitOfWork {
  /** Runs `work` in the current transaction, or in a new one that commits when `work` resolves. */
  transaction<T>(work: (trx: Executor) => Promise<T>): Promise<T>;
  /**
   * Runs `work`, which issues exactly one statement, so that it commits by itself: inside a
   * transaction it joins it; outside, on PostgreSQL it runs without BEGIN and COMMIT (one round trip
   * instead of two), and on SQLite as a transaction of its own in the next group commit. Either way
   * it is durable when it returns.
   */
  statement<T>(work: (db: Executor) => Promise<T>): Promise<T>;
  /** Reads: inside a transaction, through it; outside, from committed (durable) data only. */
  read<T>(work: (db: Executor) => Promise<T>): Promise<T>;
  /** Runs `hook` after the outermost transaction commits (at once when there is none). */
  afterCommit(hook: () => void): void;
  /** True inside a transaction. */
  readonly inTransaction: boolean;
}

interface Unit {
  trx: Executor;
  hooks: (() => void)[];
}

export interface UnitOfWorkOptions {
  /** Where transactions run. */
  writer: Kysely<Database>;
  /**
   * Where a single statement outside a transaction runs in autocommit (PostgreSQL's pool); without
   * it such a statement runs as a transaction of its own.
   */
  autocommit?: Kysely<Database>;
  /** Where reads outside a transaction go: a read-only connection or the pool. */
  reader: Kysely<Database>;
  /**
   * Resolves once every commit made so far is durable. A read outside a transaction may see a commit
   * whose sync is still running (SQLite); its answer waits for that sync, so that nobody is ever told
   * of data that a power loss could take back.
   */
  durable?: () => Promise<void>;
  /** Told about an after-commit hook that threw: the transaction is committed either way. */
  onHookError?: (error: unknown) => void;
}

export function createUnitOfWork(options: UnitOfWorkOptions): UnitOfWork {
  const current = new AsyncLocalStorage<Unit>();

  async function attempt<T>(work: (trx: Executor) => Promise<T>): Promise<{ result: T; unit: Unit }> {
    let unit: Unit | undefined;
    const result = await options.writer.transaction().execute((trx) => {
      unit = { trx, hooks: [] };
      return current.run(unit, () => work(trx));
    });
    if (!unit) throw new Error("the transaction ran no work");
    return { result, unit };
  }

  async function outermost<T>(work: (trx: Executor) => Promise<T>): Promise<T> {
    let done: { result: T; unit: Unit };
    try {
      done = await attempt(work);
    } catch (error) {
      // The SQLite batch this transaction joined was lost (a neighbour failed at COMMIT, or the disk
      // filled): none of its rows exist and nothing was answered yet, so it is run again alone, where
      // only its own outcome counts.
      if (!isBatchFailure(error)) throw error;
      try {
        done = await runAlone(() => attempt(work));
      } catch (again) {
        throw isBatchFailure(again) ? again.cause : again;
      }
    }
    for (const hook of done.unit.hooks) {
      try {
        hook();
      } catch (error) {
        options.onHookError?.(error);
      }
    }
    return done.result;
  }

  return {
    transaction(work) {
      const unit = current.getStore();
      return unit ? work(unit.trx) : outermost(work);
    },
    statement(work) {
      const unit = current.getStore();
      if (unit) return work(unit.trx);
      return options.autocommit ? work(options.autocommit) : outermost(work);
    },
    read(work) {
      const unit = current.getStore();
      if (unit) return work(unit.trx);
      const { durable } = options;
      if (!durable) return work(options.reader);
      return work(options.reader).then(async (result) => {
        await durable();
        return result;
      });
    },
    afterCommit(hook) {
      const unit = current.getStore();
      if (unit) unit.hooks.push(hook);
      else hook();
    },
    get inTransaction() {
      return current.getStore() !== undefined;
    },
  };
}
