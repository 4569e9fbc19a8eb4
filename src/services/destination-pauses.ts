import { conversionRate, isDestinationScope } from "../domain/conversion.js";
import { HandsetError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import { type DestinationPause, liftPause, listPauses } from "../store/conversion-ledger.js";
import { appendTenantEvent } from "../store/events.js";
import { actorOf, type Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";

/** A running pause as the API shows it. */
export interface DestinationPauseView {
  scope: string;
  pausedAt: number;
  pausedUntil: number;
  sent: number;
  verified: number;
  rate: number;
  reason: string;
}

function toView(p: DestinationPause): DestinationPauseView {
  return {
    scope: p.scope,
    pausedAt: p.paused_at,
    pausedUntil: p.paused_until,
    sent: p.sent,
    verified: p.verified,
    rate: conversionRate(p),
    reason: p.reason,
  };
}

/** The conversion guard's pauses, for admin keys: the tenant's running ones, and lifting one early. */
export function createDestinationPauseService(deps: ServiceDeps) {
  const { uow } = deps.store;

  function assertAdmin(caller: Caller): void {
    // The pauses are about the whole tenant's traffic: no user token sees or lifts them.
    if (caller.userId !== null) {
      throw new HandsetError("INSUFFICIENT_SCOPE", "Destination pauses need an admin API key.");
    }
  }

  return {
    async list(caller: Caller): Promise<DestinationPauseView[]> {
      assertAdmin(caller);
      const now = deps.clock.now();
      const rows = await uow.read((db) => listPauses(db, caller.tenantId, now));
      return rows.map(toView);
    },

    /** Ends a running pause now, with an event; the destination's figures start again from the next window. */
    async lift(caller: Caller, scope: string): Promise<DestinationPauseView> {
      assertAdmin(caller);
      // A malformed scope names no pause: the same answer as one that is not running.
      if (!isDestinationScope(scope)) {
        throw new HandsetError("DESTINATION_PAUSE_NOT_FOUND", "No running pause for that destination.");
      }
      return uow.transaction(async (trx) => {
        const now = deps.clock.now();
        const lifted = await liftPause(trx, caller.tenantId, scope, now);
        if (!lifted) throw new HandsetError("DESTINATION_PAUSE_NOT_FOUND", `No running pause for ${scope}.`);
        await appendTenantEvent(trx, {
          id: newId("evt", now),
          tenantId: caller.tenantId,
          type: "guard.destination_pause_lifted",
          actor: actorOf(caller),
          payload: {
            scope,
            pausedAt: lifted.paused_at,
            liftedAt: now,
            sent: lifted.sent,
            verified: lifted.verified,
          },
          at: now,
        });
        return toView(lifted);
      });
    },
  };
}
