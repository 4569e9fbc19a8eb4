import type { Clock } from "../domain/clock.js";
import { type CredentialUse, recordCredentialUses } from "../store/credential-usage.js";
import type { UnitOfWork } from "../store/unit-of-work.js";

/** A credential's use is written at most this often by one process. */
export const USAGE_WRITE_INTERVAL_MS = 60_000;
/** Credentials whose last write this process remembers (older ones are simply written again). */
const REMEMBERED_LIMIT = 10_000;

export interface CredentialUsage {
  /** Notes a use in memory: no statement, no wait (authentication calls it on every request). */
  note(credentialId: string): void;
  /** The latest use noted here and not written yet, if any. */
  pendingFor(credentialId: string): number | undefined;
  /**
   * Writes the uses that are due (a credential not written by this process in the last minute), or
   * every pending use with `all` (at close). Returns how many credentials it wrote.
   */
  flush(options?: { all?: boolean }): Promise<number>;
}

/**
 * Last-used times, kept off the request path: a request only notes its credential's use in a map; a
 * flusher (src/app/core.ts) writes the due ones in one upsert into `credential_usage`, a table no
 * trigger watches, so the access version and every process's credential cache are left alone. The
 * price is precision: a last use is known within about a minute, and a process killed with -9 loses
 * its last minute of notes.
 */
export function createCredentialUsage(uow: UnitOfWork, clock: Clock): CredentialUsage {
  const pending = new Map<string, number>();
  const writtenAt = new Map<string, number>();

  function remember(credentialId: string, at: number): void {
    writtenAt.delete(credentialId);
    if (writtenAt.size >= REMEMBERED_LIMIT) {
      const oldest = writtenAt.keys().next().value;
      if (oldest !== undefined) writtenAt.delete(oldest);
    }
    writtenAt.set(credentialId, at);
  }

  return {
    note(credentialId) {
      pending.set(credentialId, clock.now());
    },

    pendingFor(credentialId) {
      return pending.get(credentialId);
    },

    async flush(options = {}) {
      const now = clock.now();
      const due: CredentialUse[] = [];
      for (const [credentialId, at] of pending) {
        const last = writtenAt.get(credentialId);
        if (options.all || last === undefined || now - last >= USAGE_WRITE_INTERVAL_MS) {
          due.push({ credentialId, at });
        }
      }
      if (due.length === 0) return 0;
      for (const use of due) {
        pending.delete(use.credentialId);
        remember(use.credentialId, now);
      }
      try {
        await uow.transaction((trx) => recordCredentialUses(trx, due));
      } catch (error) {
        // Put the uses back (unless a newer one was noted meanwhile), for the next flush to retry.
        for (const use of due) {
          if (!pending.has(use.credentialId)) pending.set(use.credentialId, use.at);
          writtenAt.delete(use.credentialId);
        }
        throw error;
      }
      return due.length;
    },
  };
}
