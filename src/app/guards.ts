import type { Config } from "../config.js";
import { tenantBudgets } from "../domain/budgets.js";
import type { Clock } from "../domain/clock.js";
import { tenantSettingsOf } from "../services/access.js";
import { createBudgetGuard } from "../services/guards/budgets.js";
import { createConversionGuard } from "../services/guards/conversion.js";
import type { GuardMetrics } from "../services/guards/guard-refusal.js";
import { createGuessLockGuard } from "../services/guards/guess-lock.js";
import { type ComposedGuards, composeGuards, type SendGuard } from "../services/guards/send-guard.js";
import type { Store } from "../store/database.js";

export interface GuardDeps {
  config: Config;
  store: Store;
  clock: Clock;
  metrics: GuardMetrics;
}

/** The wallet defence, in the order its guards are asked: the first refusal wins. */
export function createGuards(deps: GuardDeps): ComposedGuards {
  const { config, metrics } = deps;
  const guards: SendGuard[] = [
    // First: a locked number is refused before any budget is spent on it (docs/fraud-guard.md, "Lifetime guess cap").
    createGuessLockGuard({ policy: config.guessLock, metrics }),
    createBudgetGuard({
      // The tenant's settings came with the user's lock (no statement of their own), or are read once.
      budgetsFor: async (trx, tenantId) =>
        tenantBudgets(config.budgets.tenant, (await tenantSettingsOf(trx, tenantId)).budgets),
      service: config.budgets.service,
      prices: config.budgets.prices,
      metrics,
    }),
  ];
  // Last: a send the budgets refuse is not counted, and a pause it starts is not undone by a later guard.
  if (config.conversion) {
    guards.push(
      createConversionGuard({ settings: config.conversion, testNumbers: config.testNumbers, metrics }),
    );
  }
  return composeGuards(guards);
}
