import type { Stats } from "../../services/stats.js";

const iso = (ms: number) => new Date(ms).toISOString();

/** The stats as `/console/api/stats` answers and the overview embeds them: snake_case, ISO times. */
export function presentStats(stats: Stats) {
  return {
    range: stats.range,
    since: iso(stats.since),
    until: iso(stats.until),
    bucket_seconds: stats.bucketMs / 1000,
    over_time: stats.overTime.map((p) => ({
      start: iso(p.start),
      sends: p.sends,
      verifications_started: p.verificationsStarted,
      verified: p.verified,
      conversion: p.conversion,
    })),
    by_country: stats.byCountry.map((c) => ({
      region: c.region,
      sends: c.sends,
      verifications_started: c.verificationsStarted,
      verified: c.verified,
      conversion: c.conversion,
    })),
    by_provider: stats.byProvider.map((p) => ({
      provider: p.provider,
      total: p.total,
      delivered: p.delivered,
      sent: p.sent,
      queued: p.queued,
      failed: p.failed,
      success_rate: p.successRate,
    })),
  };
}

export type StatsJson = ReturnType<typeof presentStats>;

/**
 * JSON inside a `<script type="application/json">`: `<` is escaped so no `</script>` (or comment
 * opener) in the data can end the element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
