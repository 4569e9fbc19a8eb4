import { type Stats, statSync } from "node:fs";
import type { Clock } from "../domain/clock.js";
import type { CodeKeyring } from "../domain/code.js";
import { type CodeKeySchedule, scheduledKeyring } from "../domain/code-key-schedule.js";
import type { OnLooseFileMode } from "../store/file-modes.js";
import { ensureSecretsFile, readSecrets } from "./secrets-file.js";

/** Where the reloader reports; the server's logger fits. */
export interface ReloadLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Calls `run` every `intervalMs` until the returned function is called; tests pass a manual one. */
export type Repeat = (intervalMs: number, run: () => void) => () => void;

const realRepeat: Repeat = (intervalMs, run) => {
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
};

export interface ReloadingKeyring {
  /** Always the latest good schedule, with the active key chosen by the clock at each use. */
  keyring: CodeKeyring;
  /** Reads the file again if it changed since the last look; true when a new schedule was taken. */
  reloadNow(): boolean;
  start(): void;
  stop(): void;
}

export interface ReloadingKeyringOptions {
  dataDir: string;
  clock: Clock;
  intervalMs: number;
  log: ReloadLogger;
  onLoose?: OnLooseFileMode;
  repeat?: Repeat;
}

/** What tells a changed file: a rename or a symlink swap (a Kubernetes secret) gives another inode. */
const signatureOf = (stats: Stats) => `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;

/**
 * The code keyring of a running process, kept in step with secrets.json: the file is created if
 * missing and read at once (a bad file stops the start), then looked at every `intervalMs` with a
 * stat and read again when it changed. A polled stat follows symlinks, so it sees a mounted secret
 * being swapped, which fs.watch misses. A file that fails to read or parse is logged and ignored:
 * the process keeps its last good keyring until a good file appears.
 */
export function createReloadingKeyring(options: ReloadingKeyringOptions): ReloadingKeyring {
  const path = ensureSecretsFile(options.dataDir, options.clock.now(), options.onLoose);
  let seen = signatureOf(statSync(path));
  let schedule: CodeKeySchedule = readSecrets(path);
  let stopRepeating: (() => void) | undefined;

  const reloadNow = (): boolean => {
    let signature: string;
    try {
      signature = signatureOf(statSync(path));
    } catch (error) {
      if (seen !== "missing")
        options.log.error({ err: error, path }, "cannot read the code secrets file; keeping the keys in use");
      seen = "missing";
      return false;
    }
    if (signature === seen) return false;
    seen = signature;
    try {
      schedule = readSecrets(path);
    } catch (error) {
      options.log.error({ err: error, path }, "the code secrets file is invalid; keeping the keys in use");
      return false;
    }
    options.log.info({ path, keys: schedule.keys.map((k) => k.id) }, "reloaded the code secrets");
    return true;
  };

  return {
    keyring: scheduledKeyring(
      () => schedule,
      () => options.clock.now(),
    ),
    reloadNow,
    start() {
      stopRepeating ??= (options.repeat ?? realRepeat)(options.intervalMs, () => {
        reloadNow();
      });
    },
    stop() {
      stopRepeating?.();
      stopRepeating = undefined;
    },
  };
}
