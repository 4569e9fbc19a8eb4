import type { Executor } from "./executor.js";
import { hotRow, type PipelineStep, pipeline, runHot } from "./prepared.js";
import type { PhoneNumberRow, TenantRow, VerificationRow } from "./schema.js";
import { stateQueryFor, USER_STATE_QUERIES } from "./user-state-queries.js";

/**
 * Makes every change to one user (its numbers, their verifications, its event sequence) run one after
 * another until the calling transaction ends, by locking the user's row. Every transaction that
 * changes a user takes this lock before anything else, so they queue in one order and never deadlock;
 * reads do not wait for it. Without it two transactions on PostgreSQL decide from the same stale list:
 * both make their number the first and primary one, both start "the" open verification of a number,
 * or both pass a rule that only one of them may.
 *
 * SQLite runs one write transaction at a time already, so there the lock only checks that the user
 * exists.
 *
 * What a transaction learnt under the lock is kept with the transaction, so that a use case composed
 * of others (each of which locks the same user) reads it once: the lock itself, the tenant's region
 * lists and settings (read with the lock, in the same statement), and the user's numbers until the transaction
 * writes to a number.
 */

/** The tenant's columns a use case needs: its region lists and its other settings. */
export type TenantRegions = Pick<TenantRow, "allowed_regions" | "denied_regions" | "settings">;

interface HeldUser {
  /** The user's numbers as this transaction last read them; null once it wrote to a number. */
  rows: PhoneNumberRow[] | null;
}

interface TransactionState {
  users: Map<string, HeldUser>;
  tenants: Map<string, TenantRegions>;
  /** Which user holds each number this transaction has seen: a number never moves to another user. */
  owners: Map<string, string>;
}

/** Per open transaction; a transaction object is never reused after it ends. */
const states = new WeakMap<Executor, TransactionState>();

function stateOf(trx: Executor): TransactionState | undefined {
  if (!trx.isTransaction) return undefined;
  let state = states.get(trx);
  if (state === undefined) {
    state = { users: new Map(), tenants: new Map(), owners: new Map() };
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

/** A number this transaction added: later steps that name it know whose lock it is under. */
export function rememberNumberOwner(
  trx: Executor,
  tenantId: string,
  phoneNumberId: string,
  userId: string,
): void {
  stateOf(trx)?.owners.set(userKey(tenantId, phoneNumberId), userId);
}

/** Called by every write to phone numbers: the numbers this transaction read are no longer current. */
export function forgetNumbers(trx: Executor): void {
  if (!trx.isTransaction) return;
  const state = states.get(trx);
  if (state) for (const held of state.users.values()) held.rows = null;
}

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
  /**
   * Read `pendingOf`'s row only, not the user's other numbers: for a use case that changes one number
   * and decides nothing from the others (`rows` then holds that row alone).
   */
  onlyTarget?: boolean;
  /**
   * Statements that read what the lock protects (a guard's read before a code is compared), sent
   * after the lock and the read, in the same round trip on PostgreSQL.
   */
  alongside?: readonly PipelineStep[];
}

export interface UserState {
  userId: string;
  /** The user's numbers, oldest first. */
  rows: PhoneNumberRow[];
  /** `pendingOf`'s open verification, if asked for and there is one. */
  pending: VerificationRow | undefined;
  /** `pendingOf`'s budgets, when `budgetsSince` was given and the user holds the number. */
  budgets: NumberBudgets | undefined;
  /** The rows of each `alongside` statement, in order. */
  alongside: (readonly unknown[])[];
}

type StateRow = PhoneNumberRow & {
  locked_user_id?: string;
  allowed_regions?: string;
  denied_regions?: string;
  settings?: string;
  /** JSON: text from SQLite, parsed already by node-postgres. */
  pending: string | VerificationRow | null;
  budgets?: string | { wrong_guesses: number; oldest_wrong_at: number | null; recent_sends: number } | null;
};

/**
 * Takes the user's lock (once per transaction) and reads what the use case decides from: the user's
 * numbers, and on request a number's open verification and send budgets: two statements, the lock
 * and a read, sent together (on PostgreSQL one round trip; the read's snapshot starts once the lock
 * is held, since the server runs it after the lock). Returns undefined
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
  if (userId === undefined && state && state.users.size > 0) {
    // This transaction holds a lock already: find whether the number's user is one it holds.
    const phoneNumberId = (request.target as { phoneNumberId: string }).phoneNumberId;
    userId = state.owners.get(userKey(tenantId, phoneNumberId));
    if (userId === undefined) {
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
  const onlyTarget = request.onlyTarget === true && request.pendingOf !== undefined;

  const alongside = request.alongside ?? [];
  let alongsideRows: (readonly unknown[])[] | undefined;
  let rows: StateRow[];
  if (held === undefined) {
    const byUser = userId !== undefined;
    if (!byUser) values[1] = (request.target as { phoneNumberId: string }).phoneNumberId;
    // The lock and the read are sent together (on PostgreSQL in one round trip, see `pipeline`);
    // the server runs the read once the lock is held, so it sees what the lock now protects.
    const [lock, read, ...also] = await pipeline(trx, [
      [byUser ? USER_STATE_QUERIES.lockByUser : USER_STATE_QUERIES.lockByNumber, values.slice(0, 2)],
      [stateQueryFor(!byUser, budgets, onlyTarget), values],
      ...alongside,
    ]);
    alongsideRows = also.map((result) => result.rows);
    const locked = lock?.rows[0] as StateRow | undefined;
    if (!locked) return undefined;
    remember(trx, tenantId, locked);
    userId = locked.locked_user_id as string;
    rows = (read?.rows ?? []) as StateRow[];
  } else if (held.rows !== null && request.pendingOf === undefined && alongside.length === 0) {
    return {
      userId: userId as string,
      rows: held.rows,
      pending: undefined,
      budgets: undefined,
      alongside: [],
    };
  } else {
    rows = (await runHot<StateRow>(trx, stateQueryFor(false, budgets, onlyTarget), values)).rows;
  }
  // The lock was held already (or the pipeline was refused): the statements alongside run after it.
  if (alongsideRows === undefined) {
    alongsideRows = [];
    for (const [query, stepValues] of alongside)
      alongsideRows.push((await runHot(trx, query, stepValues)).rows);
  }
  const found = userId as string;
  const numbers = rows.map(toNumberRow);
  for (const row of numbers) state?.owners.set(userKey(tenantId, row.id), row.user_id);
  const entry = state?.users.get(userKey(tenantId, found));
  // One number is not the user's set: the lock is remembered, the set is not.
  if (entry) entry.rows = onlyTarget ? entry.rows : numbers;
  else state?.users.set(userKey(tenantId, found), { rows: onlyTarget ? null : numbers });
  const target = request.pendingOf === undefined ? undefined : rows.find((r) => r.id === request.pendingOf);
  const budgetsOf = target?.budgets == null ? undefined : json(target.budgets);
  return {
    userId: found,
    alongside: alongsideRows,
    rows: numbers,
    pending: target?.pending == null ? undefined : json(target.pending),
    budgets:
      budgetsOf === undefined
        ? undefined
        : {
            wrongGuesses: Number(budgetsOf.wrong_guesses),
            oldestWrongAt: budgetsOf.oldest_wrong_at == null ? null : Number(budgetsOf.oldest_wrong_at),
            recentSends: Number(budgetsOf.recent_sends),
          },
  };
}

const json = <T>(value: string | T): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);

function remember(trx: Executor, tenantId: string, row: StateRow): void {
  rememberTenant(trx, tenantId, {
    allowed_regions: row.allowed_regions as string,
    denied_regions: row.denied_regions as string,
    settings: row.settings as string,
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

/** Takes the user's lock (see above); false when the user does not exist. */
export async function lockUser(trx: Executor, tenantId: string, userId: string): Promise<boolean> {
  return (await lockUserState(trx, { tenantId, target: { userId } })) !== undefined;
}
