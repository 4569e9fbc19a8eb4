import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { lock } from "proper-lockfile";
import type { Clock } from "../domain/clock.js";
import { type CodeKeySchedule, type Rotation, rotateSchedule } from "../domain/code-key-schedule.js";
import { replaceFileAtomically } from "./atomic-write.js";
import {
  ensureSecretsFile,
  formatSecrets,
  readSecrets,
  SecretsFileError,
  secretsPath,
} from "./secrets-file.js";

/**
 * Runs `task` holding the exclusive lock on `path` (a `<path>.lock` directory, as `proper-lockfile`
 * makes it: atomic on every local and network file system, and taken over when its holder died and
 * left it more than 10 s stale). A second rotation waits for the first instead of overwriting it.
 */
export async function withSecretsLock<T>(path: string, task: () => Promise<T> | T): Promise<T> {
  const release = await lock(path, {
    realpath: false,
    lockfilePath: `${path}.lock`,
    stale: 10_000,
    retries: { retries: 60, factor: 1.3, minTimeout: 20, maxTimeout: 500 },
  });
  try {
    return await task();
  } finally {
    await release();
  }
}

export interface RotateOptions {
  dataDir: string;
  /**
   * Read once the lock is held: a rotation that waited behind another must schedule after it, or it
   * would take the other's pending key for one it overtakes and prune it.
   */
  clock: Clock;
  /** When the new key takes over, from now. */
  activateInMs: number;
  /** How long a superseded key stays after the new one takes over (code lifetime plus margin). */
  keepRetiredMs: number;
}

/**
 * `handset secrets rotate`: under the lock, reads secrets.json (creating it if missing), adds a new
 * random key scheduled to take over later, drops keys past their retire time, and replaces the file
 * atomically. Processes pick the change up on their next reload.
 */
export async function rotateSecretsFile(options: RotateOptions): Promise<Rotation> {
  const path = ensureSecretsFile(options.dataDir, options.clock.now());
  return withSecretsLock(path, () => {
    const rotation = rotateSchedule(readSecrets(path), {
      secret: randomBytes(32),
      now: options.clock.now(),
      activateInMs: options.activateInMs,
      keepRetiredMs: options.keepRetiredMs,
    });
    replaceFileAtomically(path, formatSecrets(rotation.schedule));
    return rotation;
  });
}

/** `handset secrets list`: the schedule as the file holds it; a listing creates nothing. */
export function readSecretsSchedule(dataDir: string): CodeKeySchedule {
  const path = secretsPath(dataDir);
  if (!existsSync(path)) {
    throw new SecretsFileError(
      `${path} does not exist yet: the first \`handset serve\` or \`handset secrets rotate\` creates it`,
    );
  }
  return readSecrets(path);
}
