import { AsyncLocalStorage } from "node:async_hooks";
import { performance } from "node:perf_hooks";
import type { CompiledQuery, Kysely } from "kysely";
import {
  AccessChanged,
  type AccessCheck,
  type CommitGuard,
  guardsCommits,
  type RequestAccess,
} from "./access.js";
import { readAccessVersion } from "./credentials.js";
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
  /**
   * Runs `next` (the rest of a request) in a request scope, where authentication may leave a check
   * of its credential pending instead of reading the database (`deferAccessCheck`).
   */
  inRequestScope<T>(next: () => T): T;
  /**
   * Leaves `check` pending in the current request scope, to ride with the next commit (PostgreSQL
   * sends a guard statement with COMMIT) or to be settled before the answer (`settleAccess`). False,
   * and nothing is left pending, outside a request scope, where commits cannot carry a guard
   * (SQLite), or once the request was refused: the caller then checks at once.
   */
  deferAccessCheck(check: AccessCheck): boolean;
  /**
   * Proves the request's pending check now (one read of the access version; the full lookup only if
   * it moved). Throws the refusal when the credential no longer holds, then and on every later call
   * in the request. Does nothing outside a request scope or with nothing pending.
   */
  settleAccess(): Promise<void>;
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
  /**
   * The statement that fails unless `access_version` reads `version`, sent with COMMIT while a
   * request's access check is pending (PostgreSQL). Without it, checks are never deferred.
   */
  accessGuard?: (version: number) => CompiledQuery;
  /**
   * Told how long each commit took, in seconds: from the end of the transaction's work to its commit
   * being durable (SQLite: its group's fsync; PostgreSQL: COMMIT's answer). Timed here, no query added.
   */
  onCommit?: (seconds: number) => void;
}

/**
 * An error that wants something written although the transaction it ended rolled back: a refusal's
 * event, or the budget a refused probe spends. The writes run in a transaction of their own.
 */
export interface RecordsAfterRollback {
  recordAfterRollback(trx: Executor): Promise<void>;
}

function recordsAfterRollback(error: unknown): error is RecordsAfterRollback {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as Partial<RecordsAfterRollback>).recordAfterRollback === "function"
  );
}

/** Refusals already recorded: an error rethrown through two units is recorded once. */
const recorded = new WeakSet<object>();

/** A transaction is tried this many times when the access version moves under it. */
const ACCESS_ATTEMPTS = 3;

export function createUnitOfWork(options: UnitOfWorkOptions): UnitOfWork {
  const current = new AsyncLocalStorage<Unit>();
  /** The request's access record: one per request scope, per store (two stores never share one). */
  const access = new AsyncLocalStorage<RequestAccess>();
  const { accessGuard } = options;

  /**
   * The pending check is proven: it is lifted. Refused: the refusal is kept for the rest of the
   * request, which commits nothing more, and thrown.
   */
  async function prove(record: RequestAccess, check: AccessCheck): Promise<void> {
    const refusal = await check.revalidate();
    if (refusal !== undefined) {
      record.refusal ??= refusal;
      if (record.pending === check) record.pending = undefined;
      throw record.refusal;
    }
    if (record.pending === check) record.pending = undefined;
  }

  async function attempt<T>(
    work: (trx: Executor) => Promise<T>,
    record: RequestAccess | undefined,
  ): Promise<{ result: T; unit: Unit }> {
    let unit: Unit | undefined;
    let workDone: number | undefined;
    const check = accessGuard ? record?.pending : undefined;
    const guard: CommitGuard | undefined =
      check && accessGuard ? { query: accessGuard(check.version), passed: false } : undefined;
    const result = await options.writer.transaction().execute(async (trx) => {
      unit = { trx, hooks: [] };
      const value = await current.run(unit, () => work(trx));
      if (guard) {
        await trx.getExecutor().provideConnection(async (connection) => {
          if (guardsCommits(connection)) connection.guardCommit(guard);
          else {
            // A connection that cannot send it with COMMIT runs it before.
            await connection.executeQuery(guard.query);
            guard.passed = true;
          }
        });
      }
      workDone = performance.now();
      return value;
    });
    if (workDone !== undefined) options.onCommit?.((performance.now() - workDone) / 1000);
    if (!unit) throw new Error("the transaction ran no work");
    // Committed with the guard: the credential held at commit, for the rest of the request too.
    if (record && guard?.passed && record.pending === check) record.pending = undefined;
    return { result, unit };
  }

  /**
   * A refusal that wants a record although its use case rolled back (the event that says a budget
   * refused, a probe counted against a budget) gets it in a transaction of its own, before the
   * refusal is answered.
   */
  async function outermost<T>(work: (trx: Executor) => Promise<T>): Promise<T> {
    try {
      return await outermostOnce(work);
    } catch (error) {
      if (recordsAfterRollback(error) && !recorded.has(error)) {
        recorded.add(error);
        try {
          await outermostOnce((trx) => error.recordAfterRollback(trx));
        } catch (failure) {
          options.onHookError?.(failure);
        }
      }
      throw error;
    }
  }

  async function outermostOnce<T>(work: (trx: Executor) => Promise<T>): Promise<T> {
    const record = access.getStore();
    if (record?.refusal !== undefined) throw record.refusal;
    let done: { result: T; unit: Unit } | undefined;
    for (let tries = 1; done === undefined; tries += 1) {
      try {
        done = await attempt(work, record);
      } catch (error) {
        if (error instanceof AccessChanged && record) {
          // Rolled back at COMMIT: a credential or tenant changed since this request's credential was
          // cached. Nothing was written, nothing answered, and the failed attempt's hooks are dropped
          // with it. Still valid (another credential changed): the work runs again.
          const check = record.pending;
          if (check === undefined || tries >= ACCESS_ATTEMPTS) throw error;
          await prove(record, check);
          continue;
        }
        // The SQLite batch this transaction joined was lost (a neighbour failed at COMMIT, or the disk
        // filled): none of its rows exist and nothing was answered yet, so it is run again alone, where
        // only its own outcome counts.
        if (!isBatchFailure(error)) throw error;
        try {
          done = await runAlone(() => attempt(work, record));
        } catch (again) {
          throw isBatchFailure(again) ? again.cause : again;
        }
      }
    }
    // Hooks start work that outlives the request (waking the dispatcher): not in its scope.
    access.exit(() => {
      for (const hook of done.unit.hooks) {
        try {
          hook();
        } catch (error) {
          options.onHookError?.(error);
        }
      }
    });
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
      // A statement that commits by itself cannot carry a guard: with a check pending, it runs as a
      // transaction of its own whose COMMIT does.
      const record = access.getStore();
      const guarded = record !== undefined && (record.pending !== undefined || record.refusal !== undefined);
      return options.autocommit && !guarded ? work(options.autocommit) : outermost(work);
    },
    read(work) {
      const unit = current.getStore();
      if (unit) return work(unit.trx);
      const { durable } = options;
      if (!durable) return work(options.reader);
      // A refusal decided from what the read saw ("not found") waits for that sync too.
      return work(options.reader).then(
        async (result) => {
          await durable();
          return result;
        },
        async (error: unknown) => {
          await durable();
          throw error;
        },
      );
    },
    afterCommit(hook) {
      const unit = current.getStore();
      if (unit) unit.hooks.push(hook);
      else access.exit(hook);
    },
    get inTransaction() {
      return current.getStore() !== undefined;
    },
    inRequestScope(next) {
      return access.run({ pending: undefined, refusal: undefined }, next);
    },
    deferAccessCheck(check) {
      const record = access.getStore();
      if (!accessGuard || !record || record.refusal !== undefined) return false;
      const pending = record.pending;
      if (pending === undefined) {
        record.pending = check;
        return true;
      }
      // One guard checks one version: a second credential cached at the same version shares it.
      if (pending.version !== check.version) return false;
      record.pending = {
        version: check.version,
        revalidate: async () => (await pending.revalidate()) ?? (await check.revalidate()),
      };
      return true;
    },
    async settleAccess() {
      const record = access.getStore();
      if (!record) return;
      if (record.refusal !== undefined) throw record.refusal;
      const check = record.pending;
      if (check === undefined) return;
      if ((await readAccessVersion(options.reader)) === check.version) {
        if (record.pending === check) record.pending = undefined;
        return;
      }
      await prove(record, check);
    },
  };
}
