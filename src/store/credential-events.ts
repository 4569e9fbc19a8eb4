import { insertEvent, type NewEvent } from "./events.js";
import type { Executor } from "./executor.js";

export type NewCredentialEvent = Omit<NewEvent, "aggregateType" | "aggregateId" | "sequence"> & {
  credentialId: string;
};

/**
 * An event of a credential, in its tenant's log, with the credential's own sequence. Not the tenant's:
 * moving the tenant's sequence updates its row, which moves the access version (migration 004) and
 * would make every process drop its credential cache each time a key or token is issued, and would
 * queue every issuer of a tenant on one row. A credential's events are written by its issuing and by
 * the one revocation that changes its row, so their sequences never collide.
 */
export async function appendCredentialEvent(db: Executor, event: NewCredentialEvent): Promise<number> {
  const last = await db
    .selectFrom("events")
    .select((eb) => eb.fn.max("sequence").as("sequence"))
    .where("tenant_id", "=", event.tenantId)
    .where("aggregate_type", "=", "credential")
    .where("aggregate_id", "=", event.credentialId)
    .executeTakeFirst();
  const sequence = Number(last?.sequence ?? 0) + 1;
  const { credentialId, ...rest } = event;
  await insertEvent(db, { ...rest, aggregateType: "credential", aggregateId: credentialId, sequence });
  return sequence;
}
