import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/**
 * Copies the WAL back into the database file on a worker thread with its own connection, because a
 * checkpoint syncs both files and the writer's thread must never wait for a disk. The writer runs
 * with `wal_autocheckpoint = 0` and asks for a checkpoint here once its WAL has grown.
 *
 * The worker's code is a string rather than a file so that it runs the same from the sources (tests)
 * and from the bundle; it loads the same better-sqlite3 the main thread resolved.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
// The checkpoint's own syncs (the WAL before copying, the database file after) are what let the
// writer reuse the WAL safely.
db.pragma("synchronous = FULL");
db.pragma("busy_timeout = 5000");
parentPort.on("message", (message) => {
  if (message === "close") {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [row] = db.pragma("wal_checkpoint(PASSIVE)");
    parentPort.postMessage({ ok: true, busy: row.busy, log: row.log, checkpointed: row.checkpointed });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error && error.message ? error.message : String(error) });
  }
});
`;

export interface CheckpointResult {
  /** True when a writer or reader kept part of the WAL from being copied this time. */
  busy: boolean;
  /** Frames in the WAL, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
}

type WorkerReply =
  | { ok: true; busy: number; log: number; checkpointed: number }
  | { ok: false; message: string };

export class SqliteCheckpointer {
  readonly #file: string;
  readonly #onError: (error: Error) => void;
  #worker: Worker | null = null;
  #pending: { resolve(r: CheckpointResult): void; reject(e: Error): void } | null = null;
  #running: Promise<CheckpointResult> | null = null;
  #cycle: Promise<void> | null = null;
  #closed = false;
  /** Checkpoints that finished, asked for or scheduled. */
  completed = 0;

  constructor(file: string, onError: (error: Error) => void) {
    this.#file = file;
    this.#onError = onError;
  }

  /** Runs a passive checkpoint, or joins the one under way. Starts the worker on first use. */
  checkpoint(): Promise<CheckpointResult> {
    if (this.#closed) return Promise.reject(new Error("the WAL checkpointer is closed"));
    this.#running ??= this.#run().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /**
   * Asks for a checkpoint cycle and reports, rather than throws, a failure: the writer goes on either
   * way. A passive checkpoint alone never lets a busy WAL start over, since the writer adds frames
   * while it runs; so the cycle copies most frames while writes go on, then the few left with the
   * writer paused (`exclusive`), after which the writer's next commit starts the WAL over.
   */
  request(exclusive: <T>(work: () => Promise<T>) => Promise<T>): void {
    // Once the store is closing, its last commits must not start a worker nobody would stop.
    if (this.#cycle || this.#closed) return;
    this.#cycle = (async () => {
      await this.checkpoint();
      if (!this.#closed) await exclusive(() => this.checkpoint());
    })()
      .catch((error: unknown) => this.#onError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        this.#cycle = null;
      });
  }

  /** Resolves when the cycle under way, if any, has ended. */
  async settled(): Promise<void> {
    await this.#cycle;
  }

  async close(): Promise<void> {
    this.#closed = true;
    // The worker is unref'd so that it never keeps a process alive by itself; but a close waits for
    // its answer, and with nothing else left on the event loop (a CLI command whose migration crossed
    // the checkpoint threshold) Node would exit mid-close with code 13.
    this.#worker?.ref();
    await this.#cycle;
    await this.#running?.catch(() => undefined);
    const worker = this.#worker;
    this.#worker = null;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.postMessage("close");
    await exited;
  }

  #run(): Promise<CheckpointResult> {
    const worker = this.#start();
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      worker.postMessage("checkpoint");
    });
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, file: this.#file },
      // It runs one pragma at a time: a small heap keeps the process's memory where it was.
      resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
    });
    // An idle checkpointer must not keep the process alive.
    worker.unref();
    worker.on("message", (reply: WorkerReply) => {
      const pending = this.#pending;
      this.#pending = null;
      if (!pending) return;
      if (reply.ok) {
        this.completed += 1;
        pending.resolve({ busy: reply.busy === 1, log: reply.log, checkpointed: reply.checkpointed });
      } else pending.reject(new Error(`the WAL checkpoint failed: ${reply.message}`));
    });
    worker.on("error", (error) => {
      this.#worker = null;
      this.#pending?.reject(error);
      this.#pending = null;
    });
    worker.on("exit", () => {
      if (this.#worker === worker) this.#worker = null;
      this.#pending?.reject(new Error("the WAL checkpointer stopped"));
      this.#pending = null;
    });
    this.#worker = worker;
    return worker;
  }
}
