import { newId } from "../domain/ids.js";
import {
  appendUserEvent,
  appendUserEventWith,
  type NewUserEvent,
  type UserEventWithWrites,
} from "../store/events.js";
import type { Executor } from "../store/executor.js";
import type { PipelineStep } from "../store/prepared.js";
import { actorOf, type Caller } from "./caller.js";
import type { Change } from "./views.js";

/**
 * Records a change to a user or one of its numbers, inside the caller's transaction: the user's
 * sequence moves on by one and the event is written with it, in one statement.
 */
export async function recordUserChange(
  trx: Executor,
  caller: Caller,
  userId: string,
  type: string,
  payload: Record<string, unknown>,
  at: number,
): Promise<Change> {
  const sequence = await appendUserEvent(trx, newUserEvent(caller, userId, type, payload, at));
  return { tenantId: caller.tenantId, sequence, at };
}

/**
 * Records a change together with the writes that make it (see `userEventWith`): on PostgreSQL one
 * statement for all of them. Returns the change, the rows each write changed and the row a write
 * returned (when it names columns to return), for the caller to check; a caller that finds a write
 * did not apply throws, and the transaction undoes them all.
 */
export async function recordUserChangeWith(
  trx: Executor,
  caller: Caller,
  userId: string,
  writes: { composed: UserEventWithWrites; values: readonly (readonly unknown[])[] },
  type: string,
  payload: Record<string, unknown>,
  at: number,
  alongside: readonly PipelineStep[] = [],
): Promise<{
  change: Change;
  changes: number[];
  returned: (Record<string, unknown> | undefined)[];
  alongside: (readonly unknown[])[];
}> {
  const outcome = await appendUserEventWith(
    trx,
    writes.composed,
    writes.values,
    newUserEvent(caller, userId, type, payload, at),
    alongside,
  );
  const { sequence, changes, returned } = outcome;
  return {
    change: { tenantId: caller.tenantId, sequence, at },
    changes,
    returned,
    alongside: outcome.alongside,
  };
}

function newUserEvent(
  caller: Caller,
  userId: string,
  type: string,
  payload: Record<string, unknown>,
  at: number,
): NewUserEvent {
  return {
    id: newId("evt", at),
    tenantId: caller.tenantId,
    userId,
    type,
    actor: actorOf(caller),
    payload,
    at,
  };
}
