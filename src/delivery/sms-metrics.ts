/** A message's final outcome as the metrics count it: at hand-off, or from the provider's receipt. */
export type SmsOutcome = "sent" | "failed" | "delivered" | "undelivered";

/**
 * What delivery tells the metrics (`handset_sms_total`, `handset_sms_send_duration_seconds`). A port,
 * so that the dispatcher and the receipt sink count without knowing of Prometheus.
 */
export interface SmsMetrics {
  /** `to` is the destination in E.164: the metrics keep its region only, never the number. */
  outcome(provider: string, to: string, outcome: SmsOutcome): void;
  /** How long a provider took to accept (or refuse) one message. */
  sendDuration(provider: string, seconds: number): void;
}

export const NO_SMS_METRICS: SmsMetrics = { outcome() {}, sendDuration() {} };
