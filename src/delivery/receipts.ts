import type { Clock } from "../domain/clock.js";
import type { Store } from "../store/database.js";
import { recordReceiptTo } from "../store/outbox.js";
import type { DeliveryLogger, ReceiptSink } from "./provider.js";
import { NO_SMS_METRICS, type SmsMetrics } from "./sms-metrics.js";

/** Digit runs (numbers, codes) blanked, and length bounded: a receipt's error text is the provider's. */
function cleanError(error: string | null): string | null {
  if (error === null) return null;
  return error.replace(/\+?\d{6,}/g, "[digits]").slice(0, 200);
}

/**
 * Where one provider's receipts go: a conditional update of the message (by the outbox id the receipt
 * carries, else by the provider's id), which writes its event by trigger (migration 006), committed
 * and durable before `report` resolves, so the provider hears 2xx only for a receipt that is kept. A
 * receipt that matches nothing (an unknown id, another provider's message, a second final receipt) is
 * logged and dropped.
 */
export function createReceiptSink(
  store: Store,
  provider: string,
  clock: Clock,
  logger: DeliveryLogger,
  metrics: SmsMetrics = NO_SMS_METRICS,
): ReceiptSink {
  return {
    async report(report) {
      const at = report.at !== null && Number.isFinite(report.at) ? report.at : clock.now();
      const matched = await store.uow.statement((db) =>
        recordReceiptTo(db, {
          provider,
          messageId: report.messageId,
          providerMessageId: report.providerMessageId,
          status: report.status,
          error: cleanError(report.error),
          at,
        }),
      );
      const where = {
        provider,
        messageId: report.messageId,
        providerMessageId: report.providerMessageId,
        status: report.status,
      };
      if (matched) {
        logger.info(where, "sms receipt recorded");
        // A failed receipt is counted as undelivered: `failed` is Handset's own give-up at hand-off.
        metrics.outcome(provider, matched.to, report.status === "delivered" ? "delivered" : "undelivered");
      } else logger.warn(where, "sms receipt dropped: no message of this provider awaits one with that id");
      return matched !== undefined;
    },
  };
}
