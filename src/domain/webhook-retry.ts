/**
 * When a failed webhook attempt is tried again: the schedule Standard Webhooks and Svix publish —
 * at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h — eight attempts over about 27 hours,
 * long enough to ride out a deploy or an outage of a night.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/** Attempts of one delivery before it is given up (each may be replayed by hand). */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** The wait after the `attempt`-th attempt failed (1-based), or null when it was the last. */
export function retryDelayAfter(attempt: number): number | null {
  return RETRY_DELAYS_MS[attempt - 1] ?? null;
}

/**
 * An endpoint is disabled once every attempt to it has failed for this long (Svix: five days): one
 * dead receiver stops costing work, and the app hears of it (`webhook_endpoint.disabled`).
 */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3_600_000;
