import type { DispatcherLogger } from "../delivery/dispatcher.js";
import type { Clock } from "../domain/clock.js";
import { CONSOLE_IDLE_MS } from "../services/console-sessions.js";
import { purgeBudgetUsage } from "../store/budget-ledger.js";
import { purgeConsoleSessions } from "../store/console-sessions.js";
import { purgeConversionCounts } from "../store/conversion-ledger.js";
import type { Store } from "../store/database.js";
import { purgeIdempotencyKeys } from "../store/idempotency.js";
import { purgeWebhookLog } from "../store/webhook-deliveries.js";

/** How long the webhook delivery log keeps settled deliveries (docs/webhooks.md). */
export const WEBHOOK_LOG_DAYS = 30;

export interface Housekeeping {
  /** One pass now (tests, and the first pass at start). */
  runOnce(): Promise<void>;
  start(): void;
  stop(): void;
}

/** Often enough that the budget ledger holds about a day of windows, rarely enough to cost nothing. */
const EVERY_MS = 15 * 60 * 1000;

/**
 * Deletes what has expired: the budget ledger's and the conversion guard's past windows, console
 * sessions past their idle or absolute end, idempotency keys past their 24 hours, and webhook deliveries
 * settled over 30 days ago. Every process runs it; the deletes are
 * idempotent, so several processes on one database need no coordination.
 */
export function createHousekeeping(store: Store, clock: Clock, log: DispatcherLogger): Housekeeping {
  let timer: NodeJS.Timeout | undefined;
  const runOnce = async () => {
    const now = clock.now();
    const budgets = await purgeBudgetUsage(store.db, now);
    const conversion = await purgeConversionCounts(store.db, now);
    const consoleSessions = await purgeConsoleSessions(store.db, now, CONSOLE_IDLE_MS);
    const idempotencyKeys = await purgeIdempotencyKeys(store.db, now);
    const webhookDeliveries = await purgeWebhookLog(store.db, now - WEBHOOK_LOG_DAYS * 86_400_000);
    if (budgets + conversion + consoleSessions + idempotencyKeys + webhookDeliveries > 0) {
      log.info(
        { budgets, conversion, consoleSessions, idempotencyKeys, webhookDeliveries },
        "purged expired counting windows, console sessions, idempotency keys and webhook deliveries",
      );
    }
  };
  return {
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        runOnce().catch((error: unknown) =>
          log.warn({ err: error }, "housekeeping failed; it runs again later"),
        );
      }, EVERY_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
