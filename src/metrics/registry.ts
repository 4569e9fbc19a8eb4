import { Counter, Registry } from "prom-client";
import type { GuardMetrics } from "../services/guards/guard-refusal.js";

/**
 * Handset's Prometheus metrics, one registry per core (not prom-client's global one), so that several
 * cores in one process (tests, the CLI beside a server) count apart.
 */
export interface HandsetMetrics {
  registry: Registry;
  guards: GuardMetrics;
}

export function createMetrics(): HandsetMetrics {
  const registry = new Registry();
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
  };
}
