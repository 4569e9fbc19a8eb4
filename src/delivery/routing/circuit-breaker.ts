import type { DeliveryLogger } from "../provider.js";

export type BreakerState = "closed" | "open" | "half-open";

/** Leave to try one send: an ordinary one while closed, or the single probe of a half-open breaker. */
export type BreakerPermit = "closed" | "probe";

export interface CircuitBreakerOptions {
  /** The provider's configured name, for the log. */
  provider: string;
  /** Consecutive retryable failures that open it. */
  failures: number;
  /** How long it stays open before one probe is let through. */
  cooldownMs: number;
  now: () => number;
  logger: DeliveryLogger;
}

/**
 * One provider's circuit breaker. Closed, it counts consecutive retryable failures and opens at the
 * threshold; open, it refuses until the cooldown has passed; then (half-open) it lets exactly one probe
 * through at a time, whose success closes it and whose failure opens it again. A provider's own
 * "leave me alone this long" (429 Retry-After) opens it at least that long, whatever the count.
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  /** While open (or half-open once passed): when a probe may go. Null while closed. */
  private openUntil: number | null = null;
  private probing = false;

  constructor(private readonly options: CircuitBreakerOptions) {}

  state(): BreakerState {
    if (this.openUntil === null) return "closed";
    return this.options.now() < this.openUntil ? "open" : "half-open";
  }

  /** When an open breaker lets its next probe through; null when closed. */
  reopensAt(): number | null {
    return this.openUntil;
  }

  /** Leave to send now, or null: open, or half-open with its one probe already under way. */
  admit(): BreakerPermit | null {
    switch (this.state()) {
      case "closed":
        return "closed";
      case "open":
        return null;
      case "half-open":
        if (this.probing) return null;
        this.probing = true;
        this.options.logger.info(
          { provider: this.options.provider },
          "sms provider circuit half-open: probing",
        );
        return "probe";
    }
  }

  /** The provider answered (accepted, or refused the message itself): it works. */
  answered(permit: BreakerPermit): void {
    if (permit === "probe") this.probing = false;
    this.consecutiveFailures = 0;
    if (this.openUntil !== null && permit === "probe") {
      this.openUntil = null;
      this.options.logger.info({ provider: this.options.provider }, "sms provider circuit closed");
    }
  }

  /** The provider failed in a way a retry could help (down, timeout, throttled). */
  failed(permit: BreakerPermit, retryAfterMs?: number): void {
    if (permit === "probe") this.probing = false;
    this.consecutiveFailures += 1;
    const now = this.options.now();
    let until: number | null = null;
    if (permit === "probe" || this.consecutiveFailures >= this.options.failures) {
      until = now + this.options.cooldownMs;
    }
    if (retryAfterMs !== undefined && retryAfterMs > 0) until = Math.max(until ?? 0, now + retryAfterMs);
    if (until === null) return;
    // A closed-permit failure that ends after the breaker opened (sends overlapped) only lengthens it.
    this.openUntil = Math.max(this.openUntil ?? 0, until);
    this.options.logger.warn(
      {
        provider: this.options.provider,
        consecutiveFailures: this.consecutiveFailures,
        openForMs: this.openUntil - now,
      },
      "sms provider circuit open: sends skip it until the cooldown ends",
    );
  }

  /** A permit not used after all (the rate limit turned the send away): a probe slot is given back. */
  release(permit: BreakerPermit): void {
    if (permit === "probe") this.probing = false;
  }
}
