import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * The data directory holds phone numbers and the code secrets: only the service's own user may read
 * it (DESIGN.md: `./data` 0700, files 0600). Modes are set explicitly, not left to the process umask.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** A path found readable or writable by others at start, and the mode it had before it was tightened. */
export interface LooseFileMode {
  path: string;
  /** Octal, as `chmod` takes it: "0644". */
  mode: string;
}

export type OnLooseFileMode = (found: LooseFileMode) => void;

const octal = (mode: number) => `0${(mode & 0o777).toString(8).padStart(3, "0")}`;

/** Sets `path` to exactly `wanted` if it exists; tells `onLoose` when it allowed more than that. */
function tighten(path: string, wanted: number, onLoose?: OnLooseFileMode): void {
  if (!existsSync(path)) return;
  const mode = statSync(path).mode & 0o777;
  if (mode === wanted) return;
  chmodSync(path, wanted);
  if ((mode & ~wanted) !== 0) onLoose?.({ path, mode: octal(mode) });
}

/** Creates `dir` 0700 (and any missing parents), whatever the umask. An existing directory is left as it is. */
function createPrivateDir(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** The service's data directory: created 0700, or tightened to 0700 when others can enter it. */
export function ensurePrivateDir(dir: string, onLoose?: OnLooseFileMode): void {
  createPrivateDir(dir);
  // A shared directory such as /tmp (sticky bit) is not Handset's to close; its files are still 0600.
  if ((statSync(dir).mode & 0o1000) !== 0) return;
  tighten(dir, PRIVATE_DIR_MODE, onLoose);
}

/** A file of the data directory: 0600 when it exists (a looser one is tightened and reported). */
export function ensurePrivateFile(path: string, onLoose?: OnLooseFileMode): void {
  tighten(path, PRIVATE_FILE_MODE, onLoose);
}

/**
 * Before SQLite opens `file`: its directory exists (0700 when created here), the file exists with
 * mode 0600, and a WAL or shared-memory file left by an earlier process is 0600. SQLite itself creates
 * a new database 0644, but it creates `-wal` and `-shm` with the mode of the database file (unix VFS,
 * checked with better-sqlite3), so creating the database file first is what keeps them private too.
 * The directory is not tightened here: it may be one the operator chose for DATABASE_URL.
 */
export function preparePrivateSqliteFile(file: string, onLoose?: OnLooseFileMode): void {
  createPrivateDir(dirname(file));
  try {
    writeFileSync(file, "", { mode: PRIVATE_FILE_MODE, flag: "wx" });
  } catch (error) {
    // It exists already (an earlier start, or another process at the same moment): check its mode.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  for (const path of [file, `${file}-wal`, `${file}-shm`]) ensurePrivateFile(path, onLoose);
}
