/**
 * A token bucket of `ratePerSecond` tokens a second, holding at most max(1, rate) (the burst). Each
 * send reserves a token: at once when one is there, else the bucket goes into debt and the send is
 * told how long to wait for its turn, so concurrent sends queue in order without polling. A send whose
 * wait would exceed `maxWaitMs` reserves nothing and is told so. Exact within one process only.
 */
export class TokenBucket {
  private readonly perMs: number;
  private readonly burst: number;
  private tokens: number;
  private refilledAt: number;

  constructor(
    ratePerSecond: number,
    private readonly maxWaitMs: number,
    private readonly now: () => number,
  ) {
    this.perMs = ratePerSecond / 1000;
    this.burst = Math.max(1, ratePerSecond);
    this.tokens = this.burst;
    this.refilledAt = now();
  }

  /** Milliseconds to wait before sending (0: now), or null when the wait would exceed the bound. */
  reserve(): number | null {
    this.refill();
    const waitMs = this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.perMs);
    if (waitMs > this.maxWaitMs) return null;
    this.tokens -= 1;
    return waitMs;
  }

  /** Gives back a token `reserve` took for a send that did not happen after all. */
  refund(): void {
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }

  private refill(): void {
    const now = this.now();
    // A clock set back refills nothing rather than draining the bucket.
    const elapsed = Math.max(0, now - this.refilledAt);
    this.refilledAt = Math.max(this.refilledAt, now);
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.perMs);
  }
}
