/** What the bind remembers of one submitted part, to match its receipt to the outbox message. */
export interface SubmittedPart {
  /** The outbox id. */
  messageId: string;
  /** The first part's SMSC id: the message's `providerMessageId`, which receipts are reported under. */
  providerMessageId: string;
}

/**
 * The SMSC's message ids of recent submits, mapped to their outbox message: filled the moment a
 * `submit_sm_resp` is read, so a receipt matches even before the send's outcome is recorded. Bounded in
 * size (the oldest go first) and age (a receipt later than `ttlMs` is matched by `providerMessageId` alone).
 */
export class SubmittedMessageIds {
  private readonly entries = new Map<string, SubmittedPart & { expiresAt: number }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 72 * 60 * 60_000,
    private readonly maxEntries = 100_000,
  ) {}

  remember(smscId: string, part: SubmittedPart): void {
    this.entries.delete(smscId);
    this.entries.set(smscId, { ...part, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  lookup(smscId: string): SubmittedPart | null {
    const entry = this.entries.get(smscId);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(smscId);
      return null;
    }
    return { messageId: entry.messageId, providerMessageId: entry.providerMessageId };
  }

  get size(): number {
    return this.entries.size;
  }
}
