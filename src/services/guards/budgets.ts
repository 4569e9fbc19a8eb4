import type { ServiceBudgets, TenantBudgets } from "../../domain/budgets.js";
import type { SmsPrices } from "../../domain/sms-prices.js";
import { addToBudgets, budgetSpend, type LedgerEntry } from "../../store/budget-ledger.js";
import type { Executor } from "../../store/executor.js";
import type { Caller } from "../caller.js";
import { type PlannedSpend, planNumberAdded, planSmsSpend } from "./budget-plan.js";
import { budgetMessage, budgetRetryAt } from "./budget-refusal.js";
import { type GuardMetrics, GuardRefusal } from "./guard-refusal.js";
import type { SendGuard } from "./send-guard.js";

export interface BudgetGuardDeps {
  /** The tenant's budgets: the service's defaults with the tenant's own figures over them. */
  budgetsFor(trx: Executor, tenantId: string): Promise<TenantBudgets>;
  service: ServiceBudgets;
  prices: SmsPrices;
  metrics: GuardMetrics;
}

/**
 * The budgets (per user, client IP, tenant, service, country, number range and prefix): every SMS
 * and every number added spends from its budgets in one conditional upsert, at the end of its
 * transaction, and a budget that would pass its cap refuses the whole action (`BUDGET_EXCEEDED`,
 * Retry-After at the end of the budget's window) with an event and a metric.
 */
export function createBudgetGuard(deps: BudgetGuardDeps): SendGuard {
  /** Spends `planned` in a statement of its own (an add), refusing if one does not fit. */
  async function spendOrRefuse(
    trx: Executor,
    caller: Caller,
    planned: readonly PlannedSpend[],
    payload: Record<string, unknown>,
    now: number,
  ): Promise<void> {
    if (planned.length === 0) return;
    const refused = await addToBudgets(
      trx,
      planned.map((p) => p.entry),
    );
    refuseIfAny(caller, planned, refused, payload, now);
  }

  function refuseIfAny(
    caller: Caller,
    planned: readonly PlannedSpend[],
    refusedEntries: readonly LedgerEntry[],
    payload: Record<string, unknown>,
    now: number,
  ): void {
    const refused = new Set(refusedEntries);
    if (refused.size === 0) return;
    // The plan lists the budgets nearest the caller first: the refusal names the most specific one.
    const first = planned.find((p) => refused.has(p.entry));
    if (!first) throw new Error("a refused budget is not in the plan");
    throw new GuardRefusal(
      "BUDGET_EXCEEDED",
      budgetMessage(first),
      { limit: first.name, retryAt: budgetRetryAt(first) },
      {
        caller,
        type: "guard.budget_exceeded",
        payload: { ...payload, budget: first.name, subject: first.subject, cap: first.entry.cap },
        at: now,
      },
      deps.metrics,
    );
  }

  return {
    // A send's spend goes out with the send's own write (see `SendCheck`).
    async sendCheck(trx, { caller, phone, verificationId, now }) {
      const budgets = await deps.budgetsFor(trx, caller.tenantId);
      const planned = planSmsSpend(
        {
          tenantId: caller.tenantId,
          userId: phone.user_id,
          e164: phone.e164,
          region: phone.region,
          clientIp: caller.clientIp ?? null,
          // The text is rendered at delivery; a code's SMS is one segment in every built-in template.
          segments: 1,
          now,
        },
        budgets,
        deps.service,
        deps.prices,
      );
      if (planned.length === 0) return undefined;
      const spend = budgetSpend(
        trx,
        planned.map((p) => p.entry),
      );
      const payload = {
        userId: phone.user_id,
        phoneNumberId: phone.id,
        verificationId,
        region: phone.region,
      };
      return {
        step: spend.step,
        settle: async (rows) => refuseIfAny(caller, planned, spend.refusedOf(rows), payload, now),
      };
    },

    async beforeAdd(trx, { caller, userId, region, verified, now }) {
      // An admin adding a number it vouches for causes no SMS: nothing to defend.
      if (verified) return;
      const budgets = await deps.budgetsFor(trx, caller.tenantId);
      await spendOrRefuse(
        trx,
        caller,
        planNumberAdded(caller.tenantId, userId, budgets, now),
        { userId, region },
        now,
      );
    },

    async afterAddRefused(trx, { caller, userId, now }) {
      const budgets = await deps.budgetsFor(trx, caller.tenantId);
      // Spent whether or not it fits: a full budget stays full and refuses the next add.
      await addToBudgets(
        trx,
        planNumberAdded(caller.tenantId, userId, budgets, now).map((p) => p.entry),
      );
    },
  };
}
