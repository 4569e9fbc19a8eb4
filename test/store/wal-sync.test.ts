import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toHandsetError } from "../../src/http/request-errors.js";
import { openStore, type Store, sqliteCheckpointerOf, sqliteWriterOf } from "../../src/store/database.js";
import type { SyncWal } from "../../src/store/sqlite-wal-sync.js";

/**
 * The synced part of a SQLite commit runs off the main thread: COMMIT writes the WAL, and an
 * fdatasync on libuv's thread pool makes it durable. These tests hold and fail that sync to show
 * that nobody hears of a commit before it is durable, and that the event loop runs meanwhile.
 */

let dir: string;
let store: Store;
/** What the next WAL syncs do; each test steers it. */
let syncWal: SyncWal;
let syncs: number;

const realSync: SyncWal = (wal) => wal.datasync();

/** A sync that waits until the test lets it go. */
function heldSync(): { sync: SyncWal; release(): void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    sync: async (wal) => {
      await gate;
      await wal.datasync();
    },
    release,
  };
}

async function open(): Promise<Store> {
  store = openStore({
    url: join(dir, "handset.sqlite"),
    syncWal: (wal) => {
      syncs += 1;
      return syncWal(wal);
    },
  });
  await sql`create table if not exists probe (id text primary key, payload blob)`.execute(store.db);
  return store;
}

const insert = (id: string, bytes = 16) =>
  store.uow.transaction(async (trx) => {
    await sql`insert into probe (id, payload) values (${id}, ${Buffer.alloc(bytes, 1)})`.execute(trx);
    return id;
  });

const countRows = () =>
  store.uow.read(
    async (db) => (await sql<{ n: number }>`select count(*) as n from probe`.execute(db)).rows[0]?.n,
  );

/** Settles or not within `turns` event-loop turns, counting the turns the loop really ran. */
async function stateAfter(
  promise: Promise<unknown>,
  turns: number,
): Promise<{ settled: boolean; ran: number }> {
  let settled = false;
  void promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  let ran = 0;
  for (let i = 0; i < turns; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    ran += 1;
  }
  return { settled, ran };
}

describe("SQLite commits made durable off the main thread", () => {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "handset-walsync-"));
    syncWal = realSync;
    syncs = 0;
    await open();
  });

  afterEach(async () => {
    await store.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers neither the writer nor a reader of a commit before its sync returns, and the event loop runs meanwhile", async () => {
    const held = heldSync();
    syncWal = held.sync;
    const write = insert("a");
    const before = await stateAfter(write, 20);
    expect(before).toEqual({ settled: false, ran: 20 });
    // The row is committed, so the read-only connection sees it, but must not tell of it yet.
    const read = countRows();
    expect((await stateAfter(read, 5)).settled).toBe(false);
    held.release();
    await expect(write).resolves.toBe("a");
    await expect(read).resolves.toBe(1);
  });

  it("does not answer a read's error, decided from a commit whose sync still runs, before that sync returns", async () => {
    await insert("gone-soon");
    const held = heldSync();
    syncWal = held.sync;
    const removal = store.uow.transaction((trx) =>
      sql`delete from probe where id = 'gone-soon'`.execute(trx),
    );
    await stateAfter(removal, 2);
    // The read sees the row gone and refuses: "not found" is an answer about the removal, which a power
    // loss could still take back.
    const read = store.uow.read(async (db) => {
      const { rows } = await sql`select id from probe where id = 'gone-soon'`.execute(db);
      if (rows.length === 0) throw new Error("not found");
      return rows;
    });
    expect((await stateAfter(read, 10)).settled).toBe(false);
    held.release();
    await expect(read).rejects.toThrow("not found");
    await removal;
  });

  it("starts no checkpoint once the store is closing", async () => {
    const checkpointer = sqliteCheckpointerOf.get(store);
    if (!checkpointer) throw new Error("not a SQLite store");
    // One commit short of a checkpoint cycle, then a unit whose commit, made by close, would start one.
    // (The table was made by one commit already.)
    for (let i = 0; i < 62; i++) await insert(`row-${i}`);
    await checkpointer.settled();
    const before = checkpointer.completed;
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const last = store.uow.transaction(async (trx) => {
      await sql`insert into probe (id) values ('last')`.execute(trx);
      await held;
    });
    await stateAfter(last, 2);
    const closing = store.close();
    release();
    await Promise.allSettled([last, closing]);
    await checkpointer.settled();
    expect(checkpointer.completed).toBe(before);
    // The last connection closed cleanly: SQLite folded the WAL back and removed it.
    expect(existsSync(join(dir, "handset.sqlite-wal"))).toBe(false);
    await open();
    expect(await countRows()).toBe(63);
  });

  it("covers with one sync every commit made while the previous sync ran", async () => {
    await insert("warm-up");
    const held = heldSync();
    syncWal = held.sync;
    const first = insert("first");
    await stateAfter(first, 2);
    const started = syncs;
    syncWal = realSync;
    // Three more groups commit, one per event-loop turn, while the first sync is held.
    const later = [];
    for (const id of ["b", "c", "d"]) {
      later.push(insert(id));
      await stateAfter(later[later.length - 1] as Promise<string>, 2);
    }
    expect(syncs).toBe(started);
    held.release();
    await expect(Promise.all([first, ...later])).resolves.toEqual(["first", "b", "c", "d"]);
    expect(syncs).toBe(started + 1);
  });

  it("answers 503 to every commit a failed sync covered, and to everything after it until a restart", async () => {
    syncWal = () => Promise.reject(Object.assign(new Error("EIO: i/o error, fdatasync"), { code: "EIO" }));
    const lost = await Promise.allSettled([insert("x"), insert("y")]);
    for (const outcome of lost) {
      expect(outcome.status).toBe("rejected");
      if (outcome.status === "rejected")
        expect(toHandsetError(outcome.reason).code).toBe("SERVICE_UNAVAILABLE");
    }
    syncWal = realSync;
    // The disk may work again, but what the failed sync covered is unknown: nothing is answered.
    const after = await Promise.allSettled([insert("z"), countRows(), store.ping()]);
    for (const outcome of after) {
      expect(outcome.status).toBe("rejected");
      if (outcome.status === "rejected")
        expect(toHandsetError(outcome.reason).code).toBe("SERVICE_UNAVAILABLE");
    }
    // A restart reads what is on disk and serves again.
    await store.close();
    await open();
    await expect(insert("after-restart")).resolves.toBe("after-restart");
    expect(await countRows()).toBeGreaterThanOrEqual(1);
  });

  it("leaves checkpoints to its own thread, and they let a busy WAL start over", async () => {
    const writer = sqliteWriterOf.get(store);
    const checkpointer = sqliteCheckpointerOf.get(store);
    if (!writer || !checkpointer) throw new Error("not a SQLite store");
    expect(writer.pragma("wal_autocheckpoint")).toEqual([{ wal_autocheckpoint: 0 }]);
    const walRestarts = () => readFileSync(join(dir, "handset.sqlite-wal")).readUInt32BE(12);
    expect(walRestarts()).toBe(0);
    // Enough separate commits, written back to back, to ask for a checkpoint cycle on the way.
    for (let i = 0; i < 100; i++) await insert(`row-${i}`, 4_000);
    await checkpointer.settled();
    expect(checkpointer.completed).toBe(2);
    // The next commit starts the WAL over: its header counts the restarts. (It may have started over
    // once already mid-cycle, when the first checkpoint caught up while the loop awaited a sync.)
    await insert("after-cycle");
    expect(walRestarts()).toBeGreaterThanOrEqual(1);
    await store.close();
    await open();
    expect(await countRows()).toBe(101);
  });
});
