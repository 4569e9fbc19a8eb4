import { HandsetError } from "../domain/errors.js";
import { regionOfE164 } from "../domain/phone.js";
import type { Executor } from "../store/executor.js";
import {
  countOutcomesByProvider,
  countSendsByBucket,
  countSendsByNumber,
  countVerificationsByBucket,
  countVerificationsByNumber,
  type StatsWindow,
} from "../store/stats-queries.js";
import type { Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";

/** What the overview shows: the last 24 hours by the hour, or the last 30 days by the day. */
export const STATS_RANGES = {
  "24h": { spanMs: 24 * 3_600_000, bucketMs: 3_600_000 },
  "30d": { spanMs: 30 * 86_400_000, bucketMs: 86_400_000 },
} as const;
export type StatsRange = keyof typeof STATS_RANGES;

export function isStatsRange(value: unknown): value is StatsRange {
  return typeof value === "string" && Object.hasOwn(STATS_RANGES, value);
}

export interface TimePoint {
  /** The bucket's start, epoch ms (UTC hours or days). */
  start: number;
  sends: number;
  verificationsStarted: number;
  verified: number;
  /** verified / started, or null for a bucket with none started. */
  conversion: number | null;
}

export interface CountryRow {
  /** ISO region, or "??" when the number's country cannot be told. */
  region: string;
  sends: number;
  verificationsStarted: number;
  verified: number;
  conversion: number | null;
}

export interface ProviderRow {
  /** null: messages not yet handed to any provider. */
  provider: string | null;
  total: number;
  delivered: number;
  /** Accepted by the provider, no receipt (yet). */
  sent: number;
  failed: number;
  queued: number;
  /** (delivered + sent) / total. */
  successRate: number | null;
}

export interface Stats {
  range: StatsRange;
  since: number;
  until: number;
  bucketMs: number;
  overTime: TimePoint[];
  byCountry: CountryRow[];
  byProvider: ProviderRow[];
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Every bucket of the window, zeros included, so a chart's axis has no holes. */
async function overTime(db: Executor, window: StatsWindow, bucketMs: number): Promise<TimePoint[]> {
  const sends = new Map((await countSendsByBucket(db, window, bucketMs)).map((b) => [b.bucket, b.count]));
  const verifications = new Map(
    (await countVerificationsByBucket(db, window, bucketMs)).map((b) => [b.bucket, b]),
  );
  const points: TimePoint[] = [];
  const first = Math.floor(window.since / bucketMs);
  const last = Math.floor((window.until - 1) / bucketMs);
  for (let bucket = first; bucket <= last; bucket += 1) {
    const v = verifications.get(bucket);
    const started = v?.started ?? 0;
    const verified = v?.verified ?? 0;
    points.push({
      start: bucket * bucketMs,
      sends: sends.get(bucket) ?? 0,
      verificationsStarted: started,
      verified,
      conversion: ratio(verified, started),
    });
  }
  return points;
}

/**
 * By destination country: numbers are grouped in SQL, then mapped to their country here (the
 * numbering plan lives in libphonenumber). A window holds at most its distinct numbers, which the
 * send budgets bound. Sorted by sends, most first: the SMS-pumping view.
 */
async function byCountry(db: Executor, window: StatsWindow): Promise<CountryRow[]> {
  const rows = new Map<string, CountryRow>();
  const rowOf = (e164: string) => {
    const region = regionOfE164(e164) ?? "??";
    let row = rows.get(region);
    if (!row) {
      row = { region, sends: 0, verificationsStarted: 0, verified: 0, conversion: null };
      rows.set(region, row);
    }
    return row;
  };
  for (const n of await countSendsByNumber(db, window)) rowOf(n.e164).sends += n.count;
  for (const n of await countVerificationsByNumber(db, window)) {
    const row = rowOf(n.e164);
    row.verificationsStarted += n.started;
    row.verified += n.verified;
  }
  for (const row of rows.values()) row.conversion = ratio(row.verified, row.verificationsStarted);
  return [...rows.values()].sort((a, b) => b.sends - a.sends || a.region.localeCompare(b.region));
}

async function byProvider(db: Executor, window: StatsWindow): Promise<ProviderRow[]> {
  const rows = new Map<string | null, ProviderRow>();
  for (const c of await countOutcomesByProvider(db, window)) {
    let row = rows.get(c.provider);
    if (!row) {
      row = {
        provider: c.provider,
        total: 0,
        delivered: 0,
        sent: 0,
        failed: 0,
        queued: 0,
        successRate: null,
      };
      rows.set(c.provider, row);
    }
    row.total += c.count;
    if (c.receiptStatus === "delivered") row.delivered += c.count;
    else if (c.receiptStatus !== null || c.status === "failed") row.failed += c.count;
    else if (c.status === "sent") row.sent += c.count;
    else row.queued += c.count;
  }
  for (const row of rows.values()) row.successRate = ratio(row.delivered + row.sent, row.total);
  return [...rows.values()].sort((a, b) => b.total - a.total);
}

/** Figures for the console's charts, over a tenant's outbox and verifications. */
export function createStatsService(deps: ServiceDeps) {
  const { uow } = deps.store;
  return {
    async overview(caller: Caller, range: StatsRange): Promise<Stats> {
      if (caller.userId !== null) {
        throw new HandsetError("INSUFFICIENT_SCOPE", "A tenant's statistics need an admin API key.");
      }
      const { spanMs, bucketMs } = STATS_RANGES[range];
      // The window ends with the current bucket, so its last point is the hour (or day) in progress.
      const until = (Math.floor(deps.clock.now() / bucketMs) + 1) * bucketMs;
      const window: StatsWindow = { tenantId: caller.tenantId, since: until - spanMs, until };
      return uow.read(async (db) => ({
        range,
        since: window.since,
        until,
        bucketMs,
        overTime: await overTime(db, window, bucketMs),
        byCountry: await byCountry(db, window),
        byProvider: await byProvider(db, window),
      }));
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
