import type { Config } from "../config.js";
import { tenantBudgets } from "../domain/budgets.js";
import type { Clock } from "../domain/clock.js";
import { createBudgetGuard } from "../services/guards/budgets.js";
import type { GuardMetrics } from "../services/guards/guard-refusal.js";
import { createGuessLockGuard } from "../services/guards/guess-lock.js";
import { composeGuards, type SendGuard } from "../services/guards/send-guard.js";
import type { Store } from "../store/database.js";

export interface GuardDeps {
  config: Config;
  store: Store;
  clock: Clock;
  metrics: GuardMetrics;
}

/** The wallet defence, in the order its guards are asked: the first refusal wins. */
export function createGuards(deps: GuardDeps): Required<SendGuard> {
  const { config, metrics } = deps;
  const guards: SendGuard[] = [
    // First: a locked number is refused before any budget is spent on it (docs/fraud-guard/guess-lock.md).
    createGuessLockGuard({ policy: config.guessLock, metrics }),
    createBudgetGuard({
      budgetsFor: async () => tenantBudgets(config.budgets.tenant, undefined),
      service: config.budgets.service,
      prices: config.budgets.prices,
      metrics,
    }),
  ];
  return composeGuards(guards);
}
