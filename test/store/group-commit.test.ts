import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { toHandsetError } from "../../src/http/request-errors.js";
import { openStore, type Store, sqliteWriterOf } from "../../src/store/database.js";
import type { Executor } from "../../src/store/executor.js";

/**
 * Fault injection for SQLite's group commit: whatever fails (a deferred constraint at COMMIT, a full
 * disk mid-batch, a COMMIT that fails while a unit held the connection across a timer), every unit of
 * work answered ok has its rows on disk after a reopen, and every unit answered with an error has none.
 */

interface Probe {
  /** Rows each unit of work meant to write, by unit. */
  rowsOf: Map<string, string[]>;
  outcomes: Map<string, PromiseSettledResult<unknown>>;
}

let dir: string;
let store: Store;

async function open(): Promise<Store> {
  store = openStore({ url: join(dir, "handset.sqlite") });
  await sql`create table if not exists probe (id text primary key, unit text not null, payload blob)`.execute(
    store.db,
  );
  await sql`create table if not exists parent (id text primary key)`.execute(store.db);
  await sql`create table if not exists child (id text primary key, parent_id text references parent (id) deferrable initially deferred)`.execute(
    store.db,
  );
  return store;
}

function writerOf(s: Store) {
  const writer = sqliteWriterOf.get(s);
  if (!writer) throw new Error("not a SQLite store");
  return writer;
}

async function insertProbe(trx: Executor, unit: string, id: string, bytes = 16): Promise<void> {
  await sql`insert into probe (id, unit, payload) values (${id}, ${unit}, ${Buffer.alloc(bytes, 1)})`.execute(
    trx,
  );
}

/** Reopens the database from disk and says, for each unit, whether all of its rows or none are there. */
async function checkAgainstDisk(probe: Probe): Promise<{ okWithRows: number; errorWithoutRows: number }> {
  await store.close();
  const reopened = await open();
  const present = new Set(
    (await sql<{ id: string }>`select id from probe`.execute(reopened.db)).rows.map((r) => r.id),
  );
  let okWithRows = 0;
  let errorWithoutRows = 0;
  for (const [unit, outcome] of probe.outcomes) {
    const rows = probe.rowsOf.get(unit) ?? [];
    const kept = rows.filter((id) => present.has(id)).length;
    if (outcome.status === "fulfilled") {
      expect(kept, `${unit} was answered ok`).toBe(rows.length);
      okWithRows += 1;
    } else {
      expect(kept, `${unit} was answered with an error: ${String(outcome.reason)}`).toBe(0);
      errorWithoutRows += 1;
    }
  }
  return { okWithRows, errorWithoutRows };
}

async function settleAll(
  units: Record<string, () => Promise<unknown>>,
): Promise<Map<string, PromiseSettledResult<unknown>>> {
  const names = Object.keys(units);
  // Started in one event-loop turn, so that they share one batch.
  const settled = await Promise.allSettled(names.map((name) => units[name]?.()));
  return new Map(names.map((name, i) => [name, settled[i] as PromiseSettledResult<unknown>]));
}

describe("SQLite group commit under faults", () => {
  afterEach(async () => {
    await store.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it("fails only the unit whose deferred constraint fails at COMMIT; its neighbours are kept", async () => {
    dir = mkdtempSync(join(tmpdir(), "handset-gc-"));
    await open();
    const rowsOf = new Map<string, string[]>();
    const units: Record<string, () => Promise<unknown>> = {};
    for (const name of ["a", "b", "c", "d"]) {
      rowsOf.set(name, [`${name}-1`, `${name}-2`]);
      units[name] = () =>
        store.uow.transaction(async (trx) => {
          await insertProbe(trx, name, `${name}-1`);
          await insertProbe(trx, name, `${name}-2`);
        });
    }
    rowsOf.set("culprit", ["culprit-1"]);
    units.culprit = () =>
      store.uow.transaction(async (trx) => {
        await insertProbe(trx, "culprit", "culprit-1");
        // A child of no parent: the deferred foreign key fails only at COMMIT.
        await sql`insert into child (id, parent_id) values ('orphan', 'nobody')`.execute(trx);
      });
    const outcomes = await settleAll(units);
    expect([...outcomes].filter(([, o]) => o.status === "rejected").map(([n]) => n)).toEqual(["culprit"]);
    const culprit = outcomes.get("culprit");
    expect(culprit?.status === "rejected" && String(culprit.reason)).toMatch(/FOREIGN KEY constraint failed/);
    const result = await checkAgainstDisk({ rowsOf, outcomes });
    expect(result).toEqual({ okWithRows: 4, errorWithoutRows: 1 });
    expect((await sql<{ n: number }>`select count(*) as n from child`.execute(store.db)).rows[0]?.n).toBe(0);
  });

  it("under a full disk answers each unit truthfully and reports 503, never a row kept but reported lost", async () => {
    dir = mkdtempSync(join(tmpdir(), "handset-gc-"));
    await open();
    const writer = writerOf(store);
    const pages =
      (await sql<{ page_count: number }>`pragma page_count`.execute(store.db)).rows[0]?.page_count ?? 0;
    // Room for a few rows, not for all: some units fill the disk mid-batch.
    writer.pragma(`max_page_count = ${pages + 12}`);
    const rowsOf = new Map<string, string[]>();
    const units: Record<string, () => Promise<unknown>> = {};
    for (let i = 0; i < 24; i++) {
      const name = `u${String(i).padStart(2, "0")}`;
      rowsOf.set(name, [`${name}-1`, `${name}-2`]);
      units[name] = () =>
        store.uow.transaction(async (trx) => {
          await insertProbe(trx, name, `${name}-1`, 2_000);
          await insertProbe(trx, name, `${name}-2`, 2_000);
        });
    }
    const outcomes = await settleAll(units);
    const failures = [...outcomes.values()].filter((o) => o.status === "rejected");
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.length).toBeLessThan(24);
    for (const failure of failures) {
      expect(failure.status === "rejected" && toHandsetError(failure.reason).code).toBe(
        "SERVICE_UNAVAILABLE",
      );
    }
    // The store goes on working once the disk has room again.
    writer.pragma("max_page_count = 1073741823");
    await store.uow.transaction((trx) => insertProbe(trx, "after", "after-1"));
    rowsOf.set("after", ["after-1"]);
    outcomes.set("after", { status: "fulfilled", value: undefined });
    const result = await checkAgainstDisk({ rowsOf, outcomes });
    console.log(
      `[full disk] ${result.okWithRows} units answered ok, all with their rows; ` +
        `${result.errorWithoutRows} answered 503, none with a row`,
    );
    expect(result.okWithRows + result.errorWithoutRows).toBe(25);
    expect(result.errorWithoutRows).toBe(failures.length);
  });

  it("does not answer a unit that held the connection across a timer before its batch is on disk", async () => {
    dir = mkdtempSync(join(tmpdir(), "handset-gc-"));
    await open();
    const writer = writerOf(store);
    let failNextCommit = true;
    writer.faults.beforeCommit = () => {
      if (failNextCommit) {
        failNextCommit = false;
        throw Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR" });
      }
    };
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let slowRuns = 0;
    const slow = store.uow.transaction(async (trx) => {
      slowRuns += 1;
      await insertProbe(trx, "slow", "slow-1");
      // Real I/O in the middle of a transaction: the batch cannot commit until it ends.
      if (slowRuns === 1) await gate;
      await insertProbe(trx, "slow", "slow-2");
      return "slow done";
    });
    const queued = ["q1", "q2"].map((name) =>
      store.uow.transaction((trx) => insertProbe(trx, name, `${name}-1`)),
    );
    let slowAnswered = false;
    void slow.then(() => {
      slowAnswered = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(slowAnswered).toBe(false);
    release();
    await expect(slow).resolves.toBe("slow done");
    await Promise.all(queued);
    // Its first run was lost with the failed COMMIT; the answer came from the run that reached disk.
    expect(slowRuns).toBe(2);
    const result = await checkAgainstDisk({
      rowsOf: new Map([
        ["slow", ["slow-1", "slow-2"]],
        ["q1", ["q1-1"]],
        ["q2", ["q2-1"]],
      ]),
      outcomes: new Map([
        ["slow", { status: "fulfilled", value: "slow done" }],
        ["q1", { status: "fulfilled", value: undefined }],
        ["q2", { status: "fulfilled", value: undefined }],
      ]),
    });
    expect(result).toEqual({ okWithRows: 3, errorWithoutRows: 0 });
  });

  it("answers the units of a batch whose COMMIT and then ROLLBACK failed, and goes on working", async () => {
    dir = mkdtempSync(join(tmpdir(), "handset-gc-"));
    await open();
    const writer = writerOf(store);
    let failCommit = true;
    let failRollback = true;
    writer.faults.beforeCommit = () => {
      if (failCommit) {
        failCommit = false;
        throw Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR" });
      }
    };
    writer.faults.beforeRollback = () => {
      if (failRollback) {
        failRollback = false;
        throw Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR" });
      }
    };
    const outcomes = await settleAll({
      a: () => store.uow.transaction((trx) => insertProbe(trx, "a", "a-1")),
      b: () => store.uow.transaction((trx) => insertProbe(trx, "b", "b-1")),
    });
    expect([...outcomes.values()].map((o) => o.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(failRollback).toBe(false);
    const result = await checkAgainstDisk({
      rowsOf: new Map([
        ["a", ["a-1"]],
        ["b", ["b-1"]],
      ]),
      outcomes,
    });
    expect(result).toEqual({ okWithRows: 2, errorWithoutRows: 0 });
  });

  it("never lets a read answer with a write that a failing commit takes back", async () => {
    dir = mkdtempSync(join(tmpdir(), "handset-gc-"));
    await open();
    const writer = writerOf(store);
    let commits = 0;
    // Every batch fails at COMMIT: no write ever reaches the disk.
    writer.faults.beforeCommit = () => {
      commits += 1;
      throw Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR" });
    };
    const write = store.uow.transaction((trx) => insertProbe(trx, "w", "w-1"));
    const find = (db: Executor) => sql<{ id: string }>`select id from probe where id = 'w-1'`.execute(db);
    // A read outside a transaction in the same turn, and one inside a transaction of the same batch.
    const outside = store.uow.read(find);
    const inside = store.uow.transaction(find);
    await expect(write).rejects.toMatchObject({ code: "SQLITE_IOERR" });
    expect((await outside).rows).toEqual([]);
    // The transaction that saw the doomed row was not answered with it: it ran again, alone.
    await expect(inside).rejects.toMatchObject({ code: "SQLITE_IOERR" });
    expect(commits).toBeGreaterThanOrEqual(3);
    writer.faults.beforeCommit = undefined;
    const result = await checkAgainstDisk({
      rowsOf: new Map([["w", ["w-1"]]]),
      outcomes: new Map([["w", { status: "rejected", reason: "SQLITE_IOERR" }]]),
    });
    expect(result).toEqual({ okWithRows: 0, errorWithoutRows: 1 });
  });

  it("runs the after-commit hooks of a transaction once, after it is durable, and drops them on rollback", async () => {
    dir = mkdtempSync(join(tmpdir(), "handset-gc-"));
    await open();
    const seen: string[] = [];
    await store.uow.transaction(async (trx) => {
      store.uow.afterCommit(() => seen.push("outer hook"));
      await store.uow.transaction(async (nested) => {
        expect(nested).toBe(trx);
        store.uow.afterCommit(() => seen.push("nested hook"));
        await insertProbe(nested, "n", "n-1");
      });
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(["outer hook", "nested hook"]);
    await expect(
      store.uow.transaction(async (trx) => {
        store.uow.afterCommit(() => seen.push("never"));
        await insertProbe(trx, "r", "r-1");
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(seen).toEqual(["outer hook", "nested hook"]);
    expect((await store.uow.read((db) => sql`select id from probe`.execute(db))).rows).toEqual([
      { id: "n-1" },
    ]);
  });
});
