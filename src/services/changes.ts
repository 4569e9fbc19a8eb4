import { newId } from "../domain/ids.js";
import { appendUserEvent } from "../store/events.js";
import type { Executor } from "../store/executor.js";
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
  const sequence = await appendUserEvent(trx, {
    id: newId("evt", at),
    tenantId: caller.tenantId,
    userId,
    type,
    actor: actorOf(caller),
    payload,
    at,
  });
  return { tenantId: caller.tenantId, sequence, at };
}
