import { type FileHandle, open } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Makes SQLite's commits durable without blocking the event loop. The writer connection commits with
 * `synchronous = NORMAL`, so a COMMIT only writes the WAL frames into the OS page cache; this then
 * runs `fdatasync` on the WAL file on libuv's thread pool, one at a time, and each one covers every
 * commit made before it started. A commit counts as durable, and its callers hear of it, only when
 * such a sync returns: the same guarantee as `synchronous = FULL`, paid off the main thread and
 * shared by every commit that piles up while a sync runs.
 *
 * A sync that fails leaves the fate of the pages it covered unknown (the kernel may have dropped
 * them), so, as PostgreSQL does, the store then refuses everything until it is restarted and SQLite's
 * recovery has read what really is on disk: every waiting commit and every later one gets
 * {@link WalSyncFailedError}, which says "unavailable" (503), never a success it cannot keep.
 */
export class WalSyncFailedError extends Error {
  /** Read by `isDatabaseUnavailableError` like any SQLite I/O error. */
  readonly code = "SQLITE_IOERR_FSYNC";

  constructor(override readonly cause: unknown) {
    super(
      `the database could not make its log durable (${cause instanceof Error ? cause.message : String(cause)}); restart Handset`,
      { cause },
    );
    this.name = "WalSyncFailedError";
  }
}

/** Something committed that waits for durability. */
export interface PendingCommit {
  resolve(): void;
  reject(error: Error): void;
  readonly done: Promise<void>;
}

/** How the WAL reaches the disk; a test replaces it to hold or fail a sync. */
export type SyncWal = (wal: FileHandle) => Promise<void>;

const fdatasync: SyncWal = (wal) => wal.datasync();

export interface WalSyncOptions {
  /** The SQLite file; its WAL is `<file>-wal`. */
  file: string;
  sync?: SyncWal;
  /** Told after each sync how many commits it covered, for the checkpoint schedule. */
  onSynced?: (commits: number, wal: FileHandle) => void;
}

export class WalSync {
  readonly #walPath: string;
  readonly #directory: string;
  readonly #sync: SyncWal;
  readonly #onSynced: WalSyncOptions["onSynced"];
  #wal: Promise<FileHandle> | null = null;
  #directorySynced = false;
  /** Committed, waiting for the next sync to start. */
  #queued: PendingCommit[] = [];
  /** The newest commit not yet known durable. */
  #newest: PendingCommit | null = null;
  #running: Promise<void> | null = null;
  #failure: WalSyncFailedError | null = null;

  constructor(options: WalSyncOptions) {
    this.#walPath = `${options.file}-wal`;
    this.#directory = dirname(options.file);
    this.#sync = options.sync ?? fdatasync;
    this.#onSynced = options.onSynced;
  }

  /** The error every operation gets once a sync failed; null while the store is healthy. */
  get failure(): WalSyncFailedError | null {
    return this.#failure;
  }

  /** Says that `commit` is in the WAL; it settles once a sync that started after it returns. */
  add(commit: PendingCommit): void {
    if (this.#failure) {
      commit.reject(this.#failure);
      return;
    }
    this.#queued.push(commit);
    this.#newest = commit;
    this.#running ??= this.#drain();
  }

  /** Resolves once everything committed so far is durable (at once when it already is). */
  durable(): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    return this.#newest?.done ?? Promise.resolve();
  }

  /** Waits for the syncs under way and lets go of the WAL file. */
  async close(): Promise<void> {
    await this.#running;
    if (this.#wal) await (await this.#wal.catch(() => null))?.close();
    this.#wal = null;
  }

  async #drain(): Promise<void> {
    while (this.#queued.length > 0) {
      const group = this.#queued;
      this.#queued = [];
      try {
        const wal = await this.#openWal();
        await this.#sync(wal);
        if (!this.#directorySynced) await this.#syncDirectory();
        if (this.#newest === group[group.length - 1]) this.#newest = null;
        for (const commit of group) commit.resolve();
        this.#onSynced?.(group.length, wal);
      } catch (error) {
        this.#failure = new WalSyncFailedError(error);
        this.#newest = null;
        for (const commit of [...group, ...this.#queued]) commit.reject(this.#failure);
        this.#queued = [];
      }
    }
    this.#running = null;
  }

  #openWal(): Promise<FileHandle> {
    this.#wal ??= open(this.#walPath, "r+");
    return this.#wal;
  }

  /** The WAL's directory entry must survive a power loss too: synced once, after the WAL exists. */
  async #syncDirectory(): Promise<void> {
    const directory = await open(this.#directory, "r");
    try {
      await directory.sync();
    } catch (error) {
      // Some platforms cannot sync a directory (Windows says EISDIR / EPERM); there the file system
      // keeps directory entries itself.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EISDIR" && code !== "EPERM" && code !== "EINVAL") throw error;
    } finally {
      await directory.close();
    }
    this.#directorySynced = true;
  }
}
