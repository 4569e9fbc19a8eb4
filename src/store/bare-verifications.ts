import type { Executor } from "./executor.js";
import { hotChanges, hotQuery, hotRow } from "./prepared.js";
import type { VerificationRow, VerificationStrategy, VerificationTable } from "./schema.js";
import { insertVerificationValues, VERIFICATION_SELECT } from "./verifications.js";

/**
 * Verifications of a bare number (migration 015, docs/verifications.md): no user, no number id until
 * attached. There is no user's lock to order them, so every write here is one conditional statement
 * whose condition is the state it was decided from, and at most one is open per number and tenant
 * (per verify service, migration 018: the partial unique index `verifications_one_pending_bare`, whose predicate each query repeats
 * literally). The row's other writes (a resend, a wrong guess) are the ones of src/store/verifications.ts.
 */

/**
 * A new bare verification, unless one is open for the number already (a concurrent start won):
 * then nothing is written and the caller answers as a resend would.
 */
export const INSERT_BARE_VERIFICATION = hotQuery(`
  insert into verifications (tenant_id, id, user_id, phone_number_id, e164, key_id, code_length, status,
    attempts_used, max_attempts, sends_used, last_sent_at, expires_at, created_at, updated_at, service_id,
    sealed_code)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
  on conflict (tenant_id, service_id, e164) where status = 'pending' and phone_number_id is null do nothing`);

/** The values of `INSERT_BARE_VERIFICATION`: a user's number's, the verify service and a chosen code. */
export function insertBareVerificationValues(row: VerificationTable): unknown[] {
  return [...insertVerificationValues(row), row.service_id, row.sealed_code];
}

const FIND_PENDING_BARE = hotQuery(`
  select ${VERIFICATION_SELECT} from verifications
  where tenant_id = $1 and service_id = $3 and e164 = $2 and status = 'pending' and phone_number_id is null`);

/** The number's open bare verification in a verify service ('' the tenant's default), if any. */
export async function findPendingBareVerification(
  db: Executor,
  tenantId: string,
  e164: string,
  serviceId: string,
): Promise<VerificationRow | undefined> {
  return hotRow<VerificationRow>(db, FIND_PENDING_BARE, [tenantId, e164, serviceId]);
}

const FIND_LATEST_BARE = hotQuery(`
  select ${VERIFICATION_SELECT} from verifications
  where tenant_id = $1 and e164 = $2 and service_id = $3 and user_id is null
  order by created_at desc, id desc limit 1`);

/** The number's latest bare verification in a verify service not attached to a user, of any status. */
export async function findLatestBareVerification(
  db: Executor,
  tenantId: string,
  e164: string,
  serviceId: string,
): Promise<VerificationRow | undefined> {
  return hotRow<VerificationRow>(db, FIND_LATEST_BARE, [tenantId, e164, serviceId]);
}

/**
 * Approves an open bare verification (a right code, or an admin's word), once: in time, with guesses
 * left. Under any concurrency exactly one caller changes the row.
 */
export const APPROVE_BARE_VERIFICATION = hotQuery(`
  update verifications set status = 'verified', verified_at = $3, verified_strategy = $4, updated_at = $3
  where tenant_id = $1 and id = $2 and status = 'pending' and phone_number_id is null and expires_at > $3
    and attempts_used < max_attempts`);

export async function approveBareVerification(
  db: Executor,
  tenantId: string,
  id: string,
  strategy: VerificationStrategy,
  now: number,
): Promise<boolean> {
  return (await hotChanges(db, APPROVE_BARE_VERIFICATION, [tenantId, id, now, strategy])) === 1;
}

const CANCEL_BARE_VERIFICATION = hotQuery(`
  update verifications set status = 'canceled', updated_at = $3
  where tenant_id = $1 and id = $2 and status = 'pending' and phone_number_id is null and expires_at > $3`);

/** Cancels an open bare verification; false when it was not open (any more). */
export async function cancelBareVerification(
  db: Executor,
  tenantId: string,
  id: string,
  now: number,
): Promise<boolean> {
  return (await hotChanges(db, CANCEL_BARE_VERIFICATION, [tenantId, id, now])) === 1;
}

const ATTACH_BARE_VERIFICATION = hotQuery(`
  update verifications set user_id = $3, phone_number_id = $4, updated_at = $5
  where tenant_id = $1 and id = $2 and status = 'verified' and phone_number_id is null and user_id is null
    and verified_at > $6`);

/**
 * Gives an approved bare verification to the user's number it proved, once: it must still be
 * unattached and approved after `freshSince`. False when another request attached it first.
 */
export async function attachBareVerification(
  db: Executor,
  row: { tenantId: string; id: string; userId: string; phoneNumberId: string },
  now: number,
  freshSince: number,
): Promise<boolean> {
  const values = [row.tenantId, row.id, row.userId, row.phoneNumberId, now, freshSince];
  return (await hotChanges(db, ATTACH_BARE_VERIFICATION, values)) === 1;
}
