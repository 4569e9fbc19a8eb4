/** The part of `proper-lockfile` (4.x, which ships no types) that the secrets rotation uses. */
declare module "proper-lockfile" {
  export interface LockOptions {
    /** A lock older than this (ms) is stale and may be taken over; at least 5000. */
    stale?: number;
    /** How often (ms) the holder refreshes the lock's mtime; at most stale/2. */
    update?: number;
    retries?: number | { retries?: number; factor?: number; minTimeout?: number; maxTimeout?: number };
    /** Resolve symlinks first (then the file must exist). */
    realpath?: boolean;
    lockfilePath?: string;
    onCompromised?: (error: Error) => void;
  }
  /** Resolves with the function that releases the lock. */
  export function lock(file: string, options?: LockOptions): Promise<() => Promise<void>>;
}
