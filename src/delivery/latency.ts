/** Upper bounds (ms) of the latency buckets: from a fast local gateway to a message that waited out a lease. */
export const LATENCY_BUCKETS_MS: readonly number[] = [
  5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000,
];

export interface LatencySnapshot {
  /** Cumulative counts, Prometheus style: `count` observations took at most `le` ms. */
  buckets: { le: number; count: number }[];
  /** Every observation (the `+Inf` bucket). */
  count: number;
  sumMs: number;
  maxMs: number;
}

/**
 * A fixed-bucket histogram of latencies, cheap enough to observe on every message. It is kept in
 * memory for a /metrics endpoint to read (`snapshot()`); it does not depend on a metrics library.
 */
export class LatencyHistogram {
  readonly #bounds: readonly number[];
  readonly #counts: number[];
  #count = 0;
  #sum = 0;
  #max = 0;

  constructor(bounds: readonly number[] = LATENCY_BUCKETS_MS) {
    this.#bounds = bounds;
    this.#counts = bounds.map(() => 0);
  }

  observe(ms: number): void {
    const value = Math.max(0, ms);
    const index = this.#bounds.findIndex((le) => value <= le);
    if (index >= 0) this.#counts[index] = (this.#counts[index] ?? 0) + 1;
    this.#count += 1;
    this.#sum += value;
    if (value > this.#max) this.#max = value;
  }

  snapshot(): LatencySnapshot {
    let running = 0;
    const buckets = this.#bounds.map((le, i) => {
      running += this.#counts[i] ?? 0;
      return { le, count: running };
    });
    return { buckets, count: this.#count, sumMs: this.#sum, maxMs: this.#max };
  }
}
