import type { Executor } from "./executor.js";
import { hotQuery, hotRow, isPostgres, runHot } from "./prepared.js";
import type { PhoneNumberRow, TenantRow, VerificationRow } from "./schema.js";

/**
 * Makes every change to one user (its numbers, their verifications, its event sequence) run one after
 * another until the calling transaction ends, by locking the user's row. Every transaction that
 * changes a user takes this lock before anything else, so they queue in one order and never deadlock;
 * reads do not wait for it. Without it two transactions on PostgreSQL decide from the same stale list:
 * both make their number the first and primary one, both start "the" open verification of a number,
 * or both pass a rule that only one of them may.
 *
 * SQLite runs one write transaction at a time already, so there the lock only checks that the user
 * exists, and the user's state is read in the same statement.
 *
 * What a transaction learnt under the lock is kept with the transaction, so that a use case composed
 * of others (each of which locks the same user) reads it once: the lock itself, the tenant's region
 * lists (read with the lock, in the same statement), and the user's numbers until the transaction
 * writes to a number.
 */

/** The tenant's columns a use case needs: its region lists. */
export type TenantRegions = Pick<TenantRow, "allowed_regions" | "denied_regions">;

interface HeldUser {
  /** The user's numbers as this transaction last read them; null once it wrote to a number. */
  rows: PhoneNumberRow[] | null;
}

interface TransactionState {
  users: Map<string, HeldUser>;
  tenants: Map<string, TenantRegions>;
}

/** Per open transaction; a transaction object is never reused after it ends. */
const states = new WeakMap<Executor, TransactionState>();

function stateOf(trx: Executor): TransactionState | undefined {
  if (!trx.isTransaction) return undefined;
  let state = states.get(trx);
  if (state === undefined) {
    state = { users: new Map(), tenants: new Map() };
    states.set(trx, state);
  }
  return state;
}

const userKey = (tenantId: string, userId: string) => `${tenantId}\0${userId}`;

/** The tenant's region lists if this transaction read them already. */
export function knownTenant(trx: Executor, tenantId: string): TenantRegions | undefined {
  return trx.isTransaction ? states.get(trx)?.tenants.get(tenantId) : undefined;
}

export function rememberTenant(trx: Executor, tenantId: string, tenant: TenantRegions): void {
  stateOf(trx)?.tenants.set(tenantId, tenant);
}

/** Called by every write to phone numbers: the numbers this transaction read are no longer current. */
export function forgetNumbers(trx: Executor): void {
  if (!trx.isTransaction) return;
  const state = states.get(trx);
  if (state) for (const held of state.users.values()) held.rows = null;
}

const LOCK_COLUMNS = "u.id as locked_user_id, t.allowed_regions, t.denied_regions";
const BY_USER = "u.tenant_id = $1 and u.id = $2";
const BY_NUMBER =
  "u.tenant_id = $1 and u.id = (select user_id from phone_numbers where tenant_id = $1 and id = $2)";

const NUMBER_COLUMNS = [
  "tenant_id",
  "id",
  "user_id",
  "e164",
  "region",
  "number_type",
  "is_primary",
  "verified_at",
  "verification_strategy",
  "reserved_for_second_factor",
  "default_second_factor",
  "created_at",
  "updated_at",
] as const;

const VERIFICATION_COLUMNS = [
  "id",
  "user_id",
  "phone_number_id",
  "e164",
  "key_id",
  "code_length",
  "status",
  "attempts_used",
  "max_attempts",
  "sends_used",
  "last_sent_at",
  "expires_at",
  "created_at",
  "updated_at",
] as const;

const STATE_COLUMNS = [
  ...NUMBER_COLUMNS.map((c) => `p.${c}`),
  ...VERIFICATION_COLUMNS.map((c) => `v.${c} as v_${c}`),
].join(", ");

/**
 * The number `$3`'s open verification, by the partial unique index `verifications_one_pending`:
 * its predicate is written literally (`status = 'pending'`), never bound, so that both planners
 * can prove the index applies.
 */
const PENDING_JOIN =
  "left join verifications v on v.tenant_id = p.tenant_id and v.phone_number_id = p.id and v.status = 'pending' and p.id = $3";

/** The send budgets of number `$3` since `$4`: wrong guesses over its verifications and SMS queued to it. */
const BUDGET_COLUMNS = "g.wrong_guesses, g.oldest_wrong_at, o.recent_sends";
const BUDGET_JOINS = `
  cross join (
    select coalesce(sum(attempts_used), 0) as wrong_guesses, min(created_at) as oldest_wrong_at
    from verifications
    where tenant_id = $1 and e164 = (select e164 from phone_numbers where tenant_id = $1 and id = $3)
      and created_at > $4 and attempts_used > 0
  ) g
  cross join (
    select count(*) as recent_sends from outbox
    where tenant_id = $1 and to_e164 = (select e164 from phone_numbers where tenant_id = $1 and id = $3)
      and created_at > $4
  ) o`;

function stateQuery(budgets: boolean) {
  return hotQuery(`
    select ${STATE_COLUMNS}${budgets ? `, ${BUDGET_COLUMNS}` : ""}
    from phone_numbers p ${PENDING_JOIN} ${budgets ? BUDGET_JOINS : ""}
    where p.tenant_id = $1 and p.user_id = $2
    order by p.created_at, p.id`);
}

/** SQLite: the lock (an existence check there) and the state in one statement. */
function lockedStateQuery(where: string, budgets: boolean) {
  return hotQuery(`
    select ${LOCK_COLUMNS}, ${STATE_COLUMNS}${budgets ? `, ${BUDGET_COLUMNS}` : ""}
    from users u
    join tenants t on t.id = u.tenant_id
    left join phone_numbers p on p.tenant_id = u.tenant_id and p.user_id = u.id
    ${PENDING_JOIN} ${budgets ? BUDGET_JOINS : ""}
    where ${where}
    order by p.created_at, p.id`);
}

/** PostgreSQL: the lock first; the state after it, in a statement whose snapshot follows the lock. */
function lockQuery(where: string) {
  return hotQuery(`
    select ${LOCK_COLUMNS} from users u join tenants t on t.id = u.tenant_id
    where ${where} for update of u`);
}

/** Exported for the tests that look at their plans. */
export const USER_STATE_QUERIES = {
  state: stateQuery(false),
  stateWithBudgets: stateQuery(true),
  lockedByUser: lockedStateQuery(BY_USER, false),
  lockedByUserWithBudgets: lockedStateQuery(BY_USER, true),
  lockedByNumber: lockedStateQuery(BY_NUMBER, false),
  lockedByNumberWithBudgets: lockedStateQuery(BY_NUMBER, true),
  lockByUser: lockQuery(BY_USER),
  lockByNumber: lockQuery(BY_NUMBER),
  ownerOfNumber: hotQuery("select user_id from phone_numbers where tenant_id = $1 and id = $2"),
};

/** The send budgets of one number over a window (see `UserStateRequest.budgetsSince`). */
export interface NumberBudgets {
  wrongGuesses: number;
  oldestWrongAt: number | null;
  recentSends: number;
}

export interface UserStateRequest {
  tenantId: string;
  /** Whose lock to take: the user, or the user holding a number. */
  target: { userId: string } | { phoneNumberId: string };
  /** Also read this number's open verification. */
  pendingOf?: string;
  /** Also read `pendingOf`'s send budgets since this time. */
  budgetsSince?: number;
}

export interface UserState {
  userId: string;
  /** The user's numbers, oldest first. */
  rows: PhoneNumberRow[];
  /** `pendingOf`'s open verification, if asked for and there is one. */
  pending: VerificationRow | undefined;
  /** `pendingOf`'s budgets, when `budgetsSince` was given and the user holds the number. */
  budgets: NumberBudgets | undefined;
}

type StateRow = PhoneNumberRow & {
  locked_user_id?: string;
  allowed_regions?: string;
  denied_regions?: string;
  wrong_guesses?: number;
  oldest_wrong_at?: number | null;
  recent_sends?: number;
} & { [K in (typeof VERIFICATION_COLUMNS)[number] as `v_${K}`]: VerificationRow[K] | null };

/**
 * Takes the user's lock (once per transaction) and reads what the use case decides from: the user's
 * numbers, and on request a number's open verification and send budgets. On PostgreSQL that is two
 * statements, the lock and a read whose snapshot starts after it; on SQLite one. Returns undefined
 * when there is no such user (or no such number, for a target by number).
 */
export async function lockUserState(
  trx: Executor,
  request: UserStateRequest,
): Promise<UserState | undefined> {
  const { tenantId } = request;
  const state = stateOf(trx);
  const budgets = request.budgetsSince !== undefined;
  let userId = "userId" in request.target ? request.target.userId : undefined;
  if (userId === undefined && state) {
    // A number this transaction has seen under a lock it holds.
    const phoneNumberId = (request.target as { phoneNumberId: string }).phoneNumberId;
    for (const [key, held] of state.users) {
      const row = held.rows?.find((r) => r.id === phoneNumberId);
      if (row && key === userKey(tenantId, row.user_id)) userId = row.user_id;
    }
    if (userId === undefined && state.users.size > 0) {
      // This transaction holds a lock already: find whether the number's user is one it holds.
      const owner = await hotRow<{ user_id: string }>(trx, USER_STATE_QUERIES.ownerOfNumber, [
        tenantId,
        phoneNumberId,
      ]);
      if (!owner) return undefined;
      userId = owner.user_id;
    }
  }
  const held = userId === undefined ? undefined : state?.users.get(userKey(tenantId, userId));
  const values = [tenantId, userId, request.pendingOf ?? null, request.budgetsSince ?? 0];

  let rows: StateRow[] | undefined;
  if (held === undefined) {
    const byUser = userId !== undefined;
    if (!byUser) values[1] = (request.target as { phoneNumberId: string }).phoneNumberId;
    if (isPostgres(trx)) {
      const lock = await hotRow<StateRow>(
        trx,
        byUser ? USER_STATE_QUERIES.lockByUser : USER_STATE_QUERIES.lockByNumber,
        values.slice(0, 2),
      );
      if (!lock) return undefined;
      remember(trx, tenantId, lock);
      userId = lock.locked_user_id as string;
      values[1] = userId;
    } else {
      const query = byUser
        ? budgets
          ? USER_STATE_QUERIES.lockedByUserWithBudgets
          : USER_STATE_QUERIES.lockedByUser
        : budgets
          ? USER_STATE_QUERIES.lockedByNumberWithBudgets
          : USER_STATE_QUERIES.lockedByNumber;
      rows = (await runHot<StateRow>(trx, query, values)).rows;
      const first = rows[0];
      if (!first) return undefined;
      remember(trx, tenantId, first);
      userId = first.locked_user_id as string;
      // A user with no numbers comes back as one row of nulls from the outer join.
      if (first.id === null) rows = [];
    }
  } else if (held.rows !== null && request.pendingOf === undefined) {
    return { userId: userId as string, rows: held.rows, pending: undefined, budgets: undefined };
  }
  if (rows === undefined) {
    rows = (
      await runHot<StateRow>(
        trx,
        budgets ? USER_STATE_QUERIES.stateWithBudgets : USER_STATE_QUERIES.state,
        values,
      )
    ).rows;
  }
  const found = userId as string;
  const numbers = rows.map(toNumberRow);
  const entry = state?.users.get(userKey(tenantId, found));
  if (entry) entry.rows = numbers;
  else state?.users.set(userKey(tenantId, found), { rows: numbers });
  const target = rows.find((r) => r.id === request.pendingOf);
  return {
    userId: found,
    rows: numbers,
    pending: target ? toPending(target) : undefined,
    budgets:
      target && budgets
        ? {
            wrongGuesses: Number(target.wrong_guesses),
            oldestWrongAt: target.oldest_wrong_at == null ? null : Number(target.oldest_wrong_at),
            recentSends: Number(target.recent_sends),
          }
        : undefined,
  };
}

function remember(trx: Executor, tenantId: string, row: StateRow): void {
  rememberTenant(trx, tenantId, {
    allowed_regions: row.allowed_regions as string,
    denied_regions: row.denied_regions as string,
  });
}

function toNumberRow(row: StateRow): PhoneNumberRow {
  return {
    tenant_id: row.tenant_id,
    id: row.id,
    user_id: row.user_id,
    e164: row.e164,
    region: row.region,
    number_type: row.number_type,
    is_primary: row.is_primary,
    verified_at: row.verified_at,
    verification_strategy: row.verification_strategy,
    reserved_for_second_factor: row.reserved_for_second_factor,
    default_second_factor: row.default_second_factor,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function toPending(row: StateRow): VerificationRow | undefined {
  if (row.v_id === null) return undefined;
  return {
    tenant_id: row.tenant_id,
    id: row.v_id,
    user_id: row.v_user_id as string,
    phone_number_id: row.v_phone_number_id as string,
    e164: row.v_e164 as string,
    key_id: row.v_key_id as string,
    code_length: row.v_code_length as number,
    status: row.v_status as VerificationRow["status"],
    attempts_used: row.v_attempts_used as number,
    max_attempts: row.v_max_attempts as number,
    sends_used: row.v_sends_used as number,
    last_sent_at: row.v_last_sent_at as number,
    expires_at: row.v_expires_at as number,
    created_at: row.v_created_at as number,
    updated_at: row.v_updated_at as number,
  };
}

/** Takes the user's lock (see above); false when the user does not exist. */
export async function lockUser(trx: Executor, tenantId: string, userId: string): Promise<boolean> {
  return (await lockUserState(trx, { tenantId, target: { userId } })) !== undefined;
}
