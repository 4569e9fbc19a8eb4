import { newId } from "../domain/ids.js";
import { appendTenantEvent } from "../store/events.js";
import type { Executor } from "../store/executor.js";
import { type PipelineStep, pipeline } from "../store/prepared.js";
import { actorOf, type Caller } from "./caller.js";
import { type CodeEvent, NO_CODE_METRICS } from "./code-metrics.js";
import type { ServiceDeps } from "./deps.js";
import { type CodeTarget, NO_GUARDS, type SendCheck, settleSendChecks } from "./guards/send-guard.js";

/** What the bare verification use cases share: the counters, the event, the guards' settling. */
export function bareVerificationSteps(deps: ServiceDeps) {
  const { uow } = deps.store;
  const policy = deps.otp;
  const guards = deps.guards ?? NO_GUARDS;
  const metrics = deps.codeMetrics ?? NO_CODE_METRICS;
  const count = (event: CodeEvent, tenantId: string) =>
    uow.afterCommit(() => metrics.counted(event, tenantId));

  const targetOf = (tenantId: string, e164: string, region: string | null): CodeTarget => ({
    tenant_id: tenantId,
    e164,
    region,
    id: null,
    user_id: null,
  });

  async function recordEvent(
    trx: Executor,
    caller: Caller,
    type: string,
    payload: Record<string, unknown>,
    now: number,
  ): Promise<void> {
    await appendTenantEvent(trx, {
      id: newId("evt", now),
      tenantId: caller.tenantId,
      type,
      actor: actorOf(caller),
      payload,
      at: now,
    });
  }

  /** Runs the guards' statements after the use case's own write and reads their answers. */
  async function settleGuards(trx: Executor, checks: readonly SendCheck[]): Promise<void> {
    const steps = checks.flatMap((c) => (c.step === null ? [] : [c.step as PipelineStep]));
    const results = steps.length === 0 ? [] : await pipeline(trx, steps);
    await settleSendChecks(
      checks,
      results.map((r) => r.rows),
    );
  }

  return { uow, policy, guards, count, targetOf, recordEvent, settleGuards };
}

export type BareVerificationSteps = ReturnType<typeof bareVerificationSteps>;
