import { type ErrorCode, type ErrorDetails, HandsetError } from "../../domain/errors.js";
import { newId } from "../../domain/ids.js";
import { appendTenantEvent } from "../../store/events.js";
import type { Executor } from "../../store/executor.js";
import type { RecordsAfterRollback } from "../../store/unit-of-work.js";
import { actorOf, type Caller } from "../caller.js";

/** Counts refusals for the metrics (`handset_guard_refusals_total`); a no-op where none are kept. */
export interface GuardMetrics {
  refused(limit: string, tenantId: string): void;
  /** A destination was paused by the conversion guard. */
  paused?(scope: string, tenantId: string): void;
}

export const NO_GUARD_METRICS: GuardMetrics = { refused() {} };

export interface RefusalRecord {
  caller: Caller;
  /** The event type, e.g. `guard.budget_exceeded`. */
  type: string;
  payload: Record<string, unknown>;
  at: number;
  /** Writes that must happen although the use case rolls back (a probe spends its budget). */
  also?: (trx: Executor) => Promise<void>;
}

/**
 * A refusal by a guard: a catalogue error that the surfaces answer as any other, which also writes
 * its tenant event (and `also`) in a transaction of its own once the use case has rolled back, and
 * counts itself in the metrics.
 */
export class GuardRefusal extends HandsetError implements RecordsAfterRollback {
  constructor(
    code: ErrorCode,
    message: string,
    details: ErrorDetails & { limit: string },
    private readonly record: RefusalRecord,
    private readonly metrics: GuardMetrics,
  ) {
    super(code, message, details);
  }

  /** The record's transaction may run again (a credential changed at its commit): count once. */
  private counted = false;

  async recordAfterRollback(trx: Executor): Promise<void> {
    const { caller, type, payload, at, also } = this.record;
    if (!this.counted) {
      this.counted = true;
      this.metrics.refused(this.details.limit ?? "unknown", caller.tenantId);
    }
    await also?.(trx);
    await appendTenantEvent(trx, {
      id: newId("evt", at),
      tenantId: caller.tenantId,
      type,
      actor: actorOf(caller),
      payload: { ...payload, code: this.code, limit: this.details.limit },
      at,
    });
  }
}
