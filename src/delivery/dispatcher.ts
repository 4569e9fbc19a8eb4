import type { Clock } from "../domain/clock.js";
import { type CodeKeyring, expectedCode } from "../domain/code.js";
import type { Store } from "../store/database.js";
import type { Executor } from "../store/executor.js";
import { claimDueMessages, markFailed, markRetry, markSent } from "../store/outbox.js";
import type { OutboxRow } from "../store/schema.js";
import { findVerification } from "../store/verifications.js";
import { SmsDeliveryError, type SmsProvider } from "./provider.js";
import { renderVerificationSms } from "./render.js";

export interface DispatcherLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface DispatcherOptions {
  store: Store;
  provider: SmsProvider;
  clock: Clock;
  keyring: CodeKeyring;
  ttlMs: number;
  senderName: string;
  logger: DispatcherLogger;
  /** How often to look for due messages when nothing wakes the dispatcher. */
  intervalMs: number;
  /** Deliveries tried before a message is given up as failed. */
  maxAttempts: number;
  /** How long a claim holds before another dispatcher may take the message over. */
  leaseMs?: number;
  batchSize?: number;
}

export interface Dispatcher {
  /** Starts the poll loop; delivery also starts at once whenever `wake` is called. */
  start(): void;
  stop(): Promise<void>;
  /** Says that a transaction committed new messages. */
  wake(): void;
  /** Delivers what is due now; returns how many messages it handled. For tests and the CLI. */
  runOnce(): Promise<number>;
}

/** Backoff between tries: 2 s, 4 s, 8 s ... up to 10 minutes. */
export function retryDelayMs(deliveryAttempts: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, deliveryAttempts - 1), 10 * 60_000);
}

/**
 * Delivers committed outbox messages. Messages are leased, not deleted, so a process that dies while
 * sending leaves its messages to the next claim after the lease; the outbox id goes to the provider
 * as the idempotency key, so a provider that honours it sends once even then.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 32;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let wakeAgain = false;
  let stopped = true;

  async function deliver(row: OutboxRow): Promise<void> {
    const { uow } = options.store;
    const write = (work: (trx: Executor) => Promise<void>) => uow.transaction(work);
    const now = options.clock.now();
    const verification = await uow.read((db) => findVerification(db, row.tenant_id, row.verification_id));
    if (verification?.status !== "pending" || verification.expires_at <= now) {
      // The code can no longer be used: sending it would only cost money and confuse.
      await write((trx) => markFailed(trx, row.id, "verification closed before delivery"));
      return;
    }
    // The code has the length and key the verification was issued with, whatever the settings say now.
    const code = expectedCode(verification, { keyring: options.keyring });
    if (code === undefined) {
      await write((trx) =>
        markFailed(trx, row.id, `code key ${verification.key_id} is no longer configured`),
      );
      return;
    }
    const ttlLeft = verification.expires_at - now;
    try {
      const receipt = await options.provider.send({
        id: row.id,
        tenantId: row.tenant_id,
        to: row.to_e164,
        body: renderVerificationSms(options.senderName, code, Math.max(ttlLeft, 60_000)),
        code,
        verificationId: verification.id,
        createdAt: row.created_at,
      });
      await write((trx) =>
        markSent(trx, row.id, options.provider.name, receipt.providerMessageId, options.clock.now()),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const retryable = !(error instanceof SmsDeliveryError) || error.retryable;
      if (retryable && row.delivery_attempts < options.maxAttempts) {
        const at = options.clock.now() + retryDelayMs(row.delivery_attempts);
        await write((trx) => markRetry(trx, row.id, reason, at));
        options.logger.warn(
          { messageId: row.id, attempt: row.delivery_attempts, reason },
          "sms delivery will be retried",
        );
      } else {
        await write((trx) => markFailed(trx, row.id, reason));
        options.logger.error(
          { messageId: row.id, attempt: row.delivery_attempts, reason },
          "sms delivery failed",
        );
      }
    }
  }

  async function drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const now = options.clock.now();
      const claimed = await options.store.uow.transaction((trx) =>
        claimDueMessages(trx, options.store.dialect, now, now + leaseMs, batchSize),
      );
      await Promise.all(claimed.map(deliver));
      handled += claimed.length;
      if (claimed.length < batchSize) return handled;
    }
  }

  function runOnce(): Promise<number> {
    if (running) {
      wakeAgain = true;
      return running;
    }
    running = drain()
      .catch((error: unknown) => {
        options.logger.error({ err: error }, "sms dispatch pass failed");
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (wakeAgain && !stopped) {
          wakeAgain = false;
          void runOnce();
        }
      });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce().finally(schedule);
    }, options.intervalMs);
    timer.unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      void runOnce();
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    wake() {
      if (!stopped) void runOnce();
    },
    runOnce,
  };
}
