import {
  type ConversionSettings,
  conversionRate,
  type DestinationScope,
  destinationsOf,
  type Figures,
  recentFigures,
  recentWindows,
  shouldPause,
} from "../../domain/conversion.js";
import { newId } from "../../domain/ids.js";
import {
  countSendStep,
  countVerifiedStep,
  type DestinationStanding,
  standingsOf,
  startPause,
} from "../../store/conversion-ledger.js";
import { appendTenantEvent } from "../../store/events.js";
import type { Executor } from "../../store/executor.js";
import { actorOf, type Caller } from "../caller.js";
import { type GuardMetrics, GuardRefusal } from "./guard-refusal.js";
import type { SendGuard } from "./send-guard.js";

export interface ConversionGuardDeps {
  settings: ConversionSettings;
  /** Test numbers send nothing and skip the send hook: their verifications are not counted either. */
  testNumbers: ReadonlyMap<string, string>;
  metrics: GuardMetrics;
}

/** Counting windows are kept a day past the recent window, for whoever looks at them. */
const KEEP_MS = 86_400_000;

/** The `limit` a refusal names (catalogue details, metrics). */
export const CONVERSION_LIMIT = "conversion_guard";

/**
 * The conversion guard (docs/fraud-guard.md, "Conversion guard"): counts every SMS and every successful
 * verification per tenant and destination (country and prefix), and pauses a destination whose
 * recent conversion falls below the threshold with enough volume.
 *
 * A send costs one statement: the upsert that counts it also reads the destination's figures and
 * its latest pause. The send that trips the rule writes the pause in its own transaction and still
 * goes (it is one SMS, and the pause is then exact: the sends queued behind it on the counter row
 * see the pause, or trip the rule themselves and find it when they try to start one); the next sends
 * are refused with `DESTINATION_PAUSED` until the cool-off ends.
 */
export function createConversionGuard(deps: ConversionGuardDeps): SendGuard {
  const { settings } = deps;

  function refuse(caller: Caller, scope: string, pausedUntil: number, now: number): GuardRefusal {
    return new GuardRefusal(
      "DESTINATION_PAUSED",
      "Codes to this destination are paused for now because too few of them are being used: try again later.",
      { limit: CONVERSION_LIMIT, retryAt: pausedUntil },
      { caller, type: "guard.destination_refused", payload: { scope, pausedUntil }, at: now },
      deps.metrics,
    );
  }

  async function pause(
    trx: Executor,
    caller: Caller,
    standing: DestinationStanding,
    figures: Figures,
    now: number,
  ): Promise<boolean> {
    const pausedUntil = now + settings.coolOffMs;
    const rate = conversionRate(figures);
    const reason = `${figures.verified} of ${figures.sent} codes verified (${(rate * 100).toFixed(1)}%, below ${(settings.minRate * 100).toFixed(1)}%)`;
    const started = await startPause(
      trx,
      {
        tenant_id: caller.tenantId,
        scope: standing.scope,
        paused_at: now,
        paused_until: pausedUntil,
        sent: figures.sent,
        verified: figures.verified,
        reason,
      },
      now,
    );
    if (!started) return false;
    await appendTenantEvent(trx, {
      id: newId("evt", now),
      tenantId: caller.tenantId,
      type: "guard.destination_paused",
      actor: actorOf(caller),
      payload: {
        scope: standing.scope,
        sent: figures.sent,
        verified: figures.verified,
        rate,
        minSends: settings.minSends,
        minRate: settings.minRate,
        pausedAt: now,
        pausedUntil,
        reason,
      },
      at: now,
    });
    deps.metrics.paused?.(standing.scope, caller.tenantId);
    return true;
  }

  async function settle(
    trx: Executor,
    caller: Caller,
    standings: readonly DestinationStanding[],
    current: number,
    previous: number,
    now: number,
  ): Promise<void> {
    // A running pause refuses the send (and the rollback undoes its count).
    const running = standings.filter((s) => s.pausedUntil !== null && s.pausedUntil > now);
    const until = Math.max(...running.map((s) => s.pausedUntil ?? 0));
    const first = running[0];
    if (first) throw refuse(caller, first.scope, until, now);
    for (const standing of standings) {
      const figures = recentFigures(
        [
          { windowStart: current, sent: standing.sent, verified: standing.verified },
          { windowStart: previous, sent: standing.previousSent, verified: standing.previousVerified },
        ],
        standing.pausedAt,
      );
      if (!shouldPause(figures, settings)) continue;
      // Another process's send paused it while this statement waited for the counter row (its
      // snapshot could not see that pause): this send comes after the pause, so it is refused.
      if (!(await pause(trx, caller, standing, figures, now))) {
        throw refuse(caller, standing.scope, now + settings.coolOffMs, now);
      }
    }
  }

  return {
    // The count goes out with the send's own write (see `SendCheck`).
    async sendCheck(trx, { caller, phone, now }) {
      const scopes = destinationsOf(phone.e164, phone.region);
      const { current, previous } = recentWindows(now, settings);
      const step = countSendStep(trx, {
        tenantId: caller.tenantId,
        scopes,
        windowStart: current,
        previousWindowStart: previous,
        expiresAt: current + 2 * settings.windowMs + KEEP_MS,
      });
      if (step === null) return undefined;
      return { step, settle: (rows) => settle(trx, caller, standingsOf(rows), current, previous, now) };
    },

    // A success is counted with the check's own write (see `SendCheck`).
    async guessCheck(trx, { caller, phone, now }, outcome) {
      if (outcome !== "verified" || deps.testNumbers.has(phone.e164)) return undefined;
      const scopes: DestinationScope[] = destinationsOf(phone.e164, phone.region);
      const { current } = recentWindows(now, settings);
      const step = countVerifiedStep(trx, {
        tenantId: caller.tenantId,
        scopes,
        windowStart: current,
        expiresAt: current + 2 * settings.windowMs + KEEP_MS,
      });
      return step === null ? undefined : { step, settle: async () => {} };
    },
  };
}
