/**
 * What became of one-time codes, for the metrics (`handset_codes_total`). A port, so that the use
 * cases count without knowing of Prometheus; the composition root passes the registry's counters.
 */
export type CodeEvent = "sent" | "verified" | "failed" | "expired" | "attempts_exhausted";

export interface CodeMetrics {
  /** Called once the transaction that decided it has committed: a rolled-back use case counts nothing. */
  counted(event: CodeEvent, tenantId: string): void;
}

export const NO_CODE_METRICS: CodeMetrics = { counted() {} };
