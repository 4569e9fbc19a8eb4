import type { Clock } from "../domain/clock.js";
import type { Store } from "../store/database.js";
import type { Executor } from "../store/executor.js";
import { markFailed, markRetry, markSent, type SentMessage } from "../store/outbox.js";
import type { OutboxRow } from "../store/schema.js";
import { type DeliveryLogger, SmsDeliveryError } from "./provider.js";
import { NO_SMS_METRICS, type SmsMetrics } from "./sms-metrics.js";

/** Backoff between tries: 2 s, 4 s, 8 s ... up to 10 minutes. */
export function retryDelayMs(deliveryAttempts: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, deliveryAttempts - 1), 10 * 60_000);
}

/** `outbox.provider_message_id` is `varchar(200)`. */
const MAX_PROVIDER_MESSAGE_ID = 200;

/** How a delivery's outcome is written: each a single conditional statement, lease-guarded. */
export interface OutcomeRecorder {
  sent(row: OutboxRow, leasedUntil: number, sent: SentMessage): Promise<boolean>;
  /** Gives a message up for good, unless its lease was taken over meanwhile. */
  failed(row: OutboxRow, leasedUntil: number, reason: string): Promise<boolean>;
  /**
   * A provider's refusal: due again later while attempts remain and a retry can help (after the
   * backoff, or as long as the provider asked, whichever is longer), else given up.
   */
  refused(row: OutboxRow, leasedUntil: number, error: unknown): Promise<void>;
}

export interface OutcomeOptions {
  store: Store;
  clock: Clock;
  logger: DeliveryLogger;
  /** Deliveries tried before a message is given up as failed. */
  maxAttempts: number;
  /** The provider (or router) messages go to: a failure names it when the row names none. */
  provider: { name: string };
  metrics?: SmsMetrics;
}

export function createOutcomeRecorder(options: OutcomeOptions): OutcomeRecorder {
  const { logger, clock } = options;
  const metrics = options.metrics ?? NO_SMS_METRICS;
  /** A delivery's result is one conditional update: it commits by itself (no BEGIN/COMMIT round trips). */
  const update = <T>(work: (db: Executor) => Promise<T>) => options.store.uow.statement(work);

  /**
   * Records what became of a delivery, durably, only while the row still carries the lease this
   * delivery holds (see `markSent`). A delivery that outlived its lease may have been taken over by
   * another dispatcher, which may have recorded its own outcome already: the late write is dropped
   * (said as a warning), never retried and never taken for a provider failure.
   */
  async function record(
    row: OutboxRow,
    leasedUntil: number,
    outcome: "sent" | "retry" | "failed",
    reason: string | null,
    apply: (db: Executor) => Promise<boolean>,
  ): Promise<boolean> {
    const applied = await update(apply);
    if (!applied) {
      logger.warn(
        { messageId: row.id, attempt: row.delivery_attempts, leasedUntil, outcome, reason },
        "sms delivery outcome dropped: the message's lease is no longer this delivery's",
      );
    }
    return applied;
  }

  async function failed(row: OutboxRow, leasedUntil: number, reason: string): Promise<boolean> {
    const applied = await record(row, leasedUntil, "failed", reason, (db) =>
      markFailed(db, row.id, leasedUntil, reason, clock.now()),
    );
    // Counted once it is the message's recorded outcome: a late write dropped after a takeover is not.
    if (applied) metrics.outcome(row.provider ?? options.provider.name, row.to_e164, "failed");
    return applied;
  }

  return {
    async sent(row, leasedUntil, sent) {
      // The column holds 200 characters: a longer id would make PostgreSQL refuse the record, leaving the
      // message leased, to be sent again when the lease lapses. Its receipts then match by outbox id only.
      let kept = sent;
      if (sent.providerMessageId !== null && sent.providerMessageId.length > MAX_PROVIDER_MESSAGE_ID) {
        logger.warn(
          { messageId: row.id, provider: sent.provider, length: sent.providerMessageId.length },
          "sms provider message id too long to keep; recorded without it",
        );
        kept = { ...sent, providerMessageId: null };
      }
      const applied = await record(row, leasedUntil, "sent", null, (db) =>
        markSent(db, row.id, leasedUntil, kept, clock.now()),
      );
      if (applied) metrics.outcome(sent.provider, row.to_e164, "sent");
      return applied;
    },
    failed,
    async refused(row, leasedUntil, error) {
      const reason = error instanceof Error ? error.message : String(error);
      const retryable = !(error instanceof SmsDeliveryError) || error.retryable;
      // Only a claim counts an attempt, and it writes a new lease: while the lease is still this
      // delivery's, the row's count is the one this delivery read.
      if (retryable && row.delivery_attempts < options.maxAttempts) {
        const askedFor = error instanceof SmsDeliveryError ? (error.retryAfterMs ?? 0) : 0;
        const at = clock.now() + Math.max(retryDelayMs(row.delivery_attempts), askedFor);
        const applied = await record(row, leasedUntil, "retry", reason, (db) =>
          markRetry(db, row.id, leasedUntil, reason, at),
        );
        if (applied) {
          logger.warn(
            { messageId: row.id, attempt: row.delivery_attempts, reason },
            "sms delivery will be retried",
          );
        }
      } else if (await failed(row, leasedUntil, reason)) {
        logger.error({ messageId: row.id, attempt: row.delivery_attempts, reason }, "sms delivery failed");
      }
    },
  };
}
