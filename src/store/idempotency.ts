import type { Executor } from "./executor.js";
import type { IdempotencyKeyRow } from "./schema.js";

/** Which key: a tenant's, of one owner (`admin`, or `user:<id>`). */
export interface KeyAddress {
  tenantId: string;
  owner: string;
  key: string;
}

export interface NewClaim {
  fingerprint: string;
  claimToken: string;
  now: number;
  leaseUntil: number;
  expiresAt: number;
}

export interface StoredAnswer {
  state: "done" | "withheld";
  status: number;
  /** JSON of the headers that matter. */
  headers: string;
  body: string;
}

const at = (db: Executor, address: KeyAddress) =>
  db
    .updateTable("idempotency_keys")
    .where("tenant_id", "=", address.tenantId)
    .where("owner", "=", address.owner)
    .where("key", "=", address.key);

/** Claims a key nobody holds: true when this insert made the row, false when a row was there. */
export async function insertKeyClaim(db: Executor, address: KeyAddress, claim: NewClaim): Promise<boolean> {
  const result = await db
    .insertInto("idempotency_keys")
    .values({
      tenant_id: address.tenantId,
      owner: address.owner,
      key: address.key,
      fingerprint: claim.fingerprint,
      claim_token: claim.claimToken,
      state: "running",
      lease_until: claim.leaseUntil,
      created_at: claim.now,
      expires_at: claim.expiresAt,
      status: null,
      headers: null,
      body: null,
    })
    .onConflict((oc) => oc.columns(["tenant_id", "owner", "key"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findKey(db: Executor, address: KeyAddress): Promise<IdempotencyKeyRow | undefined> {
  const row = await db
    .selectFrom("idempotency_keys")
    .selectAll()
    .where("tenant_id", "=", address.tenantId)
    .where("owner", "=", address.owner)
    .where("key", "=", address.key)
    .executeTakeFirst();
  // PostgreSQL answers bigint columns as strings.
  return (
    row && {
      ...row,
      lease_until: Number(row.lease_until),
      created_at: Number(row.created_at),
      expires_at: Number(row.expires_at),
    }
  );
}

/**
 * Takes over a key whose holder is `previousToken` (expired, or its request's lease ran out) as a
 * fresh claim: true when this request now holds it, false when another request took it first.
 */
export async function takeOverKey(
  db: Executor,
  address: KeyAddress,
  previousToken: string,
  claim: NewClaim,
): Promise<boolean> {
  const result = await at(db, address)
    .where("claim_token", "=", previousToken)
    .set({
      fingerprint: claim.fingerprint,
      claim_token: claim.claimToken,
      state: "running",
      lease_until: claim.leaseUntil,
      created_at: claim.now,
      expires_at: claim.expiresAt,
      status: null,
      headers: null,
      body: null,
    })
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores the answer of the request that holds the key; false when it no longer holds it. */
export async function completeKey(
  db: Executor,
  address: KeyAddress,
  claimToken: string,
  answer: StoredAnswer,
): Promise<boolean> {
  const result = await at(db, address)
    .where("claim_token", "=", claimToken)
    .where("state", "=", "running")
    .set({ state: answer.state, status: answer.status, headers: answer.headers, body: answer.body })
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Lets the key go (an answer not kept): the next request with it runs. */
export async function releaseKey(db: Executor, address: KeyAddress, claimToken: string): Promise<void> {
  await db
    .deleteFrom("idempotency_keys")
    .where("tenant_id", "=", address.tenantId)
    .where("owner", "=", address.owner)
    .where("key", "=", address.key)
    .where("claim_token", "=", claimToken)
    .where("state", "=", "running")
    .execute();
}

/** Deletes the keys past their window; answers how many. */
export async function purgeIdempotencyKeys(db: Executor, now: number): Promise<number> {
  const result = await db.deleteFrom("idempotency_keys").where("expires_at", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
