import { sql } from "kysely";
import type { Executor } from "./executor.js";
import { isPostgres } from "./prepared.js";

export interface CredentialUse {
  credentialId: string;
  at: number;
}

/**
 * Records the latest use of each credential in one statement. A time never moves back: two
 * processes flushing out of order keep the later one. No trigger watches this table, so writing it
 * leaves the access version (and every process's credential cache) alone.
 */
export async function recordCredentialUses(db: Executor, uses: readonly CredentialUse[]): Promise<void> {
  if (uses.length === 0) return;
  const later = isPostgres(db)
    ? sql<number>`greatest(credential_usage.last_used_at, excluded.last_used_at)`
    : sql<number>`max(credential_usage.last_used_at, excluded.last_used_at)`;
  await db
    .insertInto("credential_usage")
    .values(uses.map((use) => ({ credential_id: use.credentialId, last_used_at: use.at })))
    .onConflict((oc) => oc.column("credential_id").doUpdateSet({ last_used_at: later }))
    .execute();
}
