import { HandsetError } from "../domain/errors.js";
import type { HeldNumber } from "../domain/number-set.js";
import { type ParsedPhone, parsePhone } from "../domain/phone.js";
import type { Executor } from "../store/executor.js";
import { toFlag } from "../store/executor.js";
import { lockUserState, type NumberBudgets } from "../store/locks.js";
import { updatePhoneNumber } from "../store/phone-numbers.js";
import type { PipelineStep } from "../store/prepared.js";
import type { PhoneNumberRow, PhoneNumberUpdate, VerificationRow } from "../store/schema.js";
import { assertReachesUser, tenantPhonePolicy } from "./access.js";
import type { Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";

export function toHeld(row: PhoneNumberRow): HeldNumber {
  return {
    id: row.id,
    e164: row.e164,
    primary: row.is_primary === 1,
    verified: row.verified_at !== null,
    reservedForSecondFactor: row.reserved_for_second_factor === 1,
    defaultSecondFactor: row.default_second_factor === 1,
  };
}

/** A user's numbers, read under the user's lock: what the domain rules decide from. */
export interface LockedNumbers {
  rows: PhoneNumberRow[];
  held: HeldNumber[];
}

/**
 * Takes the user's lock (see `lockUserState`) and reads its numbers. Call it first in a transaction
 * that changes the user, so the rules decide from a list no one else can change until the commit.
 */
export async function lockNumbersOf(trx: Executor, caller: Caller, userId: string): Promise<LockedNumbers> {
  assertReachesUser(caller, userId);
  const state = await lockUserState(trx, { tenantId: caller.tenantId, target: { userId } });
  if (!state) throw new HandsetError("USER_NOT_FOUND", `No user ${userId}.`);
  return { rows: state.rows, held: state.rows.map(toHeld) };
}

/**
 * Takes the user's lock, reads its numbers (see `lockNumbersOf`) and parses a number given to add
 * under the tenant's policy, whose region lists came with the lock: no read of its own. Bad input is
 * still reported before a missing user, as when the policy was read before the lock.
 */
export async function lockNumbersAndParse(
  trx: Executor,
  deps: ServiceDeps,
  caller: Caller,
  userId: string,
  phone: { input: string; region: string | undefined },
): Promise<LockedNumbers & { parsed: ParsedPhone }> {
  const locked = await lockNumbersOf(trx, caller, userId).catch(async (error: unknown) => {
    if (error instanceof HandsetError) {
      parsePhone(phone.input, phone.region, await tenantPhonePolicy(trx, deps, caller.tenantId));
    }
    throw error;
  });
  const parsed = parsePhone(phone.input, phone.region, await tenantPhonePolicy(trx, deps, caller.tenantId));
  return { ...locked, parsed };
}

/** One number and its user's whole set, under the user's lock. */
export interface LockedNumber extends LockedNumbers {
  /** The number as read under the lock: a change that committed while we waited is part of it. */
  row: PhoneNumberRow;
  /** The number's open verification, when asked for. */
  pending: VerificationRow | undefined;
  /** The number's send budgets, when asked for. */
  budgets: NumberBudgets | undefined;
}

export interface LockNumberOptions {
  /** Also read the number's open verification. */
  pending?: boolean;
  /** Also read the number's send budgets over the window starting then. */
  budgetsSince?: number;
}

/** One number under its user's lock, without the rest of the user's set. */
export type LockedOneNumber = Pick<LockedNumber, "row" | "pending" | "budgets"> & {
  /** The rows of each statement sent alongside the lock (`alongside`), in order. */
  alongside: (readonly unknown[])[];
};

/**
 * Takes the lock of the number's user, as `lockNumberOf` does, but reads that number's row alone, with
 * its open verification and, on request, its budgets: for a use case that changes this number and
 * decides nothing from the user's other numbers (sending and checking a code). It costs one row
 * whatever the size of the user's set.
 */
export async function lockOneNumber(
  trx: Executor,
  caller: Caller,
  phoneNumberId: string,
  options: Pick<LockNumberOptions, "budgetsSince"> & { alongside?: readonly PipelineStep[] } = {},
): Promise<LockedOneNumber> {
  const state = await lockUserState(trx, {
    tenantId: caller.tenantId,
    target: caller.userId !== null ? { userId: caller.userId } : { phoneNumberId },
    pendingOf: phoneNumberId,
    budgetsSince: options.budgetsSince,
    onlyTarget: true,
    alongside: options.alongside,
  });
  const row = state?.rows.find((r) => r.id === phoneNumberId);
  // No such number, another user's, or removed while this request waited for the lock.
  if (!state || !row) throw new HandsetError("PHONE_NUMBER_NOT_FOUND", `No phone number ${phoneNumberId}.`);
  return { row, pending: state.pending, budgets: state.budgets, alongside: state.alongside };
}

/**
 * Takes the lock of the number's user and reads the user's numbers (see `lockNumbersOf`), and on
 * request the number's open verification and budgets, in the same reads. A user token's own user is
 * locked directly; for an admin key the number names the user.
 */
export async function lockNumberOf(
  trx: Executor,
  caller: Caller,
  phoneNumberId: string,
  options: LockNumberOptions = {},
): Promise<LockedNumber> {
  const state = await lockUserState(trx, {
    tenantId: caller.tenantId,
    target: caller.userId !== null ? { userId: caller.userId } : { phoneNumberId },
    pendingOf: options.pending || options.budgetsSince !== undefined ? phoneNumberId : undefined,
    budgetsSince: options.budgetsSince,
  });
  const row = state?.rows.find((r) => r.id === phoneNumberId);
  // No such number, another user's, or removed while this request waited for the lock.
  if (!state || !row) throw new HandsetError("PHONE_NUMBER_NOT_FOUND", `No phone number ${phoneNumberId}.`);
  return {
    rows: state.rows,
    held: state.rows.map(toHeld),
    row,
    pending: state.pending,
    budgets: state.budgets,
  };
}

type FlagColumn = "is_primary" | "reserved_for_second_factor" | "default_second_factor";

function flagsOf(held: HeldNumber): Record<FlagColumn, 0 | 1> {
  return {
    is_primary: toFlag(held.primary),
    reserved_for_second_factor: toFlag(held.reservedForSecondFactor),
    default_second_factor: toFlag(held.defaultSecondFactor),
  };
}

/**
 * Writes what the rules decided for the numbers a user already holds, and `extra` columns of one of
 * them. Flags are cleared before any is set, so the one-primary and one-default indexes never see two
 * holders mid-way. Returns the rows as they are now (numbers the rules removed are left out).
 */
export async function writeNumberSet(
  trx: Executor,
  before: readonly PhoneNumberRow[],
  after: readonly HeldNumber[],
  now: number,
  extra?: { id: string; set: PhoneNumberUpdate },
): Promise<PhoneNumberRow[]> {
  const decided = new Map(after.map((n) => [n.id, flagsOf(n)]));
  const rows = before.filter((row) => decided.has(row.id)).map((row) => ({ ...row }));
  for (const pass of [0, 1] as const) {
    for (const row of rows) {
      const flags = decided.get(row.id);
      if (!flags) continue;
      const set: PhoneNumberUpdate = pass === 0 && extra?.id === row.id ? { ...extra.set } : {};
      for (const column of Object.keys(flags) as FlagColumn[]) {
        if (row[column] !== flags[column] && flags[column] === pass) set[column] = flags[column];
      }
      if (Object.keys(set).length === 0) continue;
      set.updated_at = now;
      await updatePhoneNumber(trx, row.tenant_id, row.id, set);
      Object.assign(row, set);
    }
  }
  return rows;
}
