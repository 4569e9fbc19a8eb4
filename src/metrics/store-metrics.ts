import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { Clock } from "../domain/clock.js";
import type { PoolStats, Store } from "../store/database.js";
import { type OutboxBacklog, readOutboxBacklog } from "../store/outbox.js";

/** Commit latency buckets (seconds): SQLite's group fsync takes milliseconds, a busy disk tens of them. */
const COMMIT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** A scrape waits this long for the outbox query, then answers without its gauges. */
export const OUTBOX_QUERY_TIMEOUT_MS = 1_000;

/** `handset_db_commit_duration_seconds`, fed by the store's `onCommit` (built before the store opens). */
export function createCommitMetrics(registry: Registry): (seconds: number) => void {
  const commits = new Histogram({
    name: "handset_db_commit_duration_seconds",
    help: "How long a transaction's commit took to be durable.",
    buckets: COMMIT_BUCKETS,
    registers: [registry],
  });
  return (seconds) => commits.observe(seconds);
}

/**
 * Gauges read at scrape time: the outbox backlog (one indexed query, bounded by a timeout so a slow
 * database cannot hang the scrape; a miss keeps the last values and is counted) and, on PostgreSQL, the connection pool (read from memory).
 */
export function registerStoreGauges(registry: Registry, store: Store, clock: Clock): void {
  const { poolStats } = store;
  // First, so that each scrape reads the pool before its own outbox query takes a connection.
  if (poolStats) {
    const pool = (name: string, help: string, read: (stats: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read(poolStats.call(store)));
        },
      });
    pool("handset_db_pool_connections", "PostgreSQL connections this process holds open.", (s) => s.total);
    pool("handset_db_pool_idle_connections", "PostgreSQL connections open and idle.", (s) => s.idle);
    pool(
      "handset_db_pool_waiting_requests",
      "Requests waiting for a PostgreSQL connection.",
      (s) => s.waiting,
    );
  }

  const missed = new Counter({
    name: "handset_outbox_scrape_misses_total",
    help: "Scrapes whose outbox query failed or took too long: the outbox gauges kept their last values.",
    registers: [registry],
  });
  // Both gauges come from one query: prom-client collects them at once, and they share its answer.
  let inFlight: Promise<OutboxBacklog | undefined> | undefined;
  const backlog = () => {
    inFlight ??= outboxBacklog(store, clock)
      .then((found) => {
        if (!found) missed.inc();
        return found;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  new Gauge({
    name: "handset_outbox_depth",
    help: "SMS in the outbox not yet handed to a provider (pending or being sent).",
    registers: [registry],
    async collect() {
      const found = await backlog();
      if (found) this.set(found.depth);
    },
  });
  new Gauge({
    name: "handset_outbox_oldest_due_age_seconds",
    help: "How long the oldest pending SMS has been due (0 when none is waiting).",
    registers: [registry],
    async collect() {
      const found = await backlog();
      if (!found) return;
      if (found.oldestDueAt === null) this.set(0);
      else this.set(Math.max(0, clock.now() - found.oldestDueAt) / 1000);
    },
  });
}

/** The backlog, or undefined when the database does not answer in time (the scrape goes on). */
async function outboxBacklog(store: Store, clock: Clock): Promise<OutboxBacklog | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), OUTBOX_QUERY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      store.uow.read((db) => readOutboxBacklog(db, clock.now())).catch(() => undefined),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
