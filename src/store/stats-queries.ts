import { sql } from "kysely";
import type { Executor } from "./executor.js";
import type { OutboxStatus } from "./schema.js";

/** A tenant's time window, [since, until), in epoch milliseconds. */
export interface StatsWindow {
  tenantId: string;
  since: number;
  until: number;
}

export interface BucketCount {
  /** The bucket's number: its start is `bucket * bucketMs`. */
  bucket: number;
  count: number;
}

export interface VerificationBucket {
  bucket: number;
  started: number;
  verified: number;
}

/**
 * `created_at / bucketMs` as a literal integer: both dialects divide two integers to an integer
 * (SQLite's INTEGER, PostgreSQL's bigint), which floors for the non-negative times stored here.
 */
const bucketOf = (bucketMs: number) => {
  if (!Number.isSafeInteger(bucketMs) || bucketMs <= 0) throw new RangeError("bucketMs: a positive integer");
  return sql<number>`created_at / ${sql.lit(bucketMs)}`;
};

/** Messages queued per bucket. */
export async function countSendsByBucket(
  db: Executor,
  window: StatsWindow,
  bucketMs: number,
): Promise<BucketCount[]> {
  const bucket = bucketOf(bucketMs);
  const rows = await db
    .selectFrom("outbox")
    .select([bucket.as("bucket"), (eb) => eb.fn.countAll<number>().as("count")])
    .where("tenant_id", "=", window.tenantId)
    .where("created_at", ">=", window.since)
    .where("created_at", "<", window.until)
    .groupBy(bucket)
    .orderBy(bucket)
    .execute();
  return rows.map((r) => ({ bucket: Number(r.bucket), count: Number(r.count) }));
}

const verifiedCount = sql<number>`sum(case when status = 'verified' then 1 else 0 end)`;

/** Verifications started per bucket, and how many of those were verified. */
export async function countVerificationsByBucket(
  db: Executor,
  window: StatsWindow,
  bucketMs: number,
): Promise<VerificationBucket[]> {
  const bucket = bucketOf(bucketMs);
  const rows = await db
    .selectFrom("verifications")
    .select([
      bucket.as("bucket"),
      (eb) => eb.fn.countAll<number>().as("started"),
      verifiedCount.as("verified"),
    ])
    .where("tenant_id", "=", window.tenantId)
    .where("created_at", ">=", window.since)
    .where("created_at", "<", window.until)
    .groupBy(bucket)
    .orderBy(bucket)
    .execute();
  return rows.map((r) => ({
    bucket: Number(r.bucket),
    started: Number(r.started),
    verified: Number(r.verified),
  }));
}

/**
 * Messages per destination number in the window. Grouped by number, not country, because the country
 * comes from the numbering plan (libphonenumber), which SQL does not have; the caller maps and sums.
 */
export async function countSendsByNumber(
  db: Executor,
  window: StatsWindow,
): Promise<{ e164: string; count: number }[]> {
  const rows = await db
    .selectFrom("outbox")
    .select(["to_e164 as e164", (eb) => eb.fn.countAll<number>().as("count")])
    .where("tenant_id", "=", window.tenantId)
    .where("created_at", ">=", window.since)
    .where("created_at", "<", window.until)
    .groupBy("to_e164")
    .execute();
  return rows.map((r) => ({ e164: r.e164, count: Number(r.count) }));
}

/** Verifications started and verified per number in the window. */
export async function countVerificationsByNumber(
  db: Executor,
  window: StatsWindow,
): Promise<{ e164: string; started: number; verified: number }[]> {
  const rows = await db
    .selectFrom("verifications")
    .select(["e164", (eb) => eb.fn.countAll<number>().as("started"), verifiedCount.as("verified")])
    .where("tenant_id", "=", window.tenantId)
    .where("created_at", ">=", window.since)
    .where("created_at", "<", window.until)
    .groupBy("e164")
    .execute();
  return rows.map((r) => ({ e164: r.e164, started: Number(r.started), verified: Number(r.verified) }));
}

export interface ProviderOutcomeCount {
  provider: string | null;
  status: OutboxStatus;
  receiptStatus: string | null;
  count: number;
}

/** Messages of the window by provider, dispatch status and receipt. */
export async function countOutcomesByProvider(
  db: Executor,
  window: StatsWindow,
): Promise<ProviderOutcomeCount[]> {
  const rows = await db
    .selectFrom("outbox")
    .select(["provider", "status", "receipt_status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("tenant_id", "=", window.tenantId)
    .where("created_at", ">=", window.since)
    .where("created_at", "<", window.until)
    .groupBy(["provider", "status", "receipt_status"])
    .execute();
  return rows.map((r) => ({
    provider: r.provider,
    status: r.status,
    receiptStatus: r.receipt_status,
    count: Number(r.count),
  }));
}
