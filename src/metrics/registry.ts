import { Counter, collectDefaultMetrics, Registry } from "prom-client";
import type { SmsMetrics } from "../delivery/sms-metrics.js";
import type { Clock } from "../domain/clock.js";
import type { CodeMetrics } from "../services/code-metrics.js";
import type { GuardMetrics } from "../services/guards/guard-refusal.js";
import type { Store } from "../store/database.js";
import { createHttpMetrics, type HttpMetrics } from "./http-metrics.js";
import { createCommitMetrics, registerStoreGauges } from "./store-metrics.js";
import { createCodeMetrics, createSmsMetrics } from "./use-case-metrics.js";

/**
 * Handset's Prometheus metrics, one registry per core (not prom-client's global one), so that several
 * cores in one process (tests, the CLI beside a server) count apart. The use cases, delivery and the
 * store see only the small ports below, never prom-client.
 */
export interface HandsetMetrics {
  registry: Registry;
  guards: GuardMetrics;
  codes: CodeMetrics;
  sms: SmsMetrics;
  http: HttpMetrics;
  /** Given to the store as it opens: each commit's duration in seconds. */
  commit: (seconds: number) => void;
  /** Adds the gauges read at scrape time (outbox backlog, PostgreSQL pool), once the store is open. */
  observeStore(store: Store, clock: Clock): void;
}

export interface MetricsOptions {
  /** prom-client's process metrics (CPU, memory, event-loop lag), as `handset_process_*` and friends. */
  processMetrics?: boolean;
}

export function createMetrics(options: MetricsOptions = {}): HandsetMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: "handset_" });
  const refusals = new Counter({
    name: "handset_guard_refusals_total",
    help: "Requests refused by a budget or guard, by which one refused.",
    labelNames: ["limit", "tenant"] as const,
    registers: [registry],
  });
  const pauses = new Counter({
    name: "handset_guard_pauses_total",
    help: "Destinations paused by the conversion guard.",
    labelNames: ["scope", "tenant"] as const,
    registers: [registry],
  });
  return {
    registry,
    guards: {
      refused: (limit, tenant) => refusals.inc({ limit, tenant }),
      paused: (scope, tenant) => pauses.inc({ scope, tenant }),
    },
    codes: createCodeMetrics(registry),
    sms: createSmsMetrics(registry),
    http: createHttpMetrics(registry),
    commit: createCommitMetrics(registry),
    observeStore: (store, clock) => registerStoreGauges(registry, store, clock),
  };
}
