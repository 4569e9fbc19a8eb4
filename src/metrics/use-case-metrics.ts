import { Counter, Histogram, type Registry } from "prom-client";
import type { SmsMetrics } from "../delivery/sms-metrics.js";
import { regionOfE164 } from "../domain/phone.js";
import type { CodeMetrics } from "../services/code-metrics.js";

/** `handset_codes_total{event,tenant}`: codes sent, verified, refused, expired, given up. */
export function createCodeMetrics(registry: Registry): CodeMetrics {
  const codes = new Counter({
    name: "handset_codes_total",
    help: "One-time codes by what became of them: sent (an SMS queued), verified, failed (a wrong code), expired, attempts_exhausted.",
    labelNames: ["event", "tenant"] as const,
    registers: [registry],
  });
  return { counted: (event, tenant) => codes.inc({ event, tenant }) };
}

/** Provider latency buckets (seconds): a local gateway answers in milliseconds, an HTTP API in tenths. */
const SEND_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** `handset_sms_total{provider,country,status}` and the providers' send latency. */
export function createSmsMetrics(registry: Registry): SmsMetrics {
  const outcomes = new Counter({
    name: "handset_sms_total",
    help: "SMS by provider, destination region (ISO 3166-1) and final status: sent or failed at hand-off, delivered or undelivered from receipts.",
    labelNames: ["provider", "country", "status"] as const,
    registers: [registry],
  });
  const sendDuration = new Histogram({
    name: "handset_sms_send_duration_seconds",
    help: "How long a provider took to accept or refuse one message.",
    labelNames: ["provider"] as const,
    buckets: SEND_BUCKETS,
    registers: [registry],
  });
  return {
    outcome: (provider, to, status) =>
      outcomes.inc({ provider, country: regionOfE164(to) ?? "unknown", status }),
    sendDuration: (provider, seconds) => sendDuration.observe({ provider }, seconds),
  };
}
