import { HandsetError } from "../domain/errors.js";
import type { HeldNumber } from "../domain/number-set.js";
import type { Executor } from "../store/executor.js";
import { toFlag } from "../store/executor.js";
import { lockUser } from "../store/locks.js";
import { listPhoneNumbersOfUser, updatePhoneNumber } from "../store/phone-numbers.js";
import type { PhoneNumberRow, PhoneNumberUpdate } from "../store/schema.js";
import { assertReachesUser, loadPhoneNumber } from "./access.js";
import type { Caller } from "./caller.js";

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
 * Takes the user's lock (see `lockUser`) and reads its numbers. Call it first in a transaction that
 * changes the user, so the rules decide from a list no one else can change until the commit.
 */
export async function lockNumbersOf(trx: Executor, caller: Caller, userId: string): Promise<LockedNumbers> {
  assertReachesUser(caller, userId);
  if (!(await lockUser(trx, caller.tenantId, userId))) {
    throw new HandsetError("USER_NOT_FOUND", `No user ${userId}.`);
  }
  const rows = await listPhoneNumbersOfUser(trx, caller.tenantId, userId);
  return { rows, held: rows.map(toHeld) };
}

/** One number and its user's whole set, under the user's lock. */
export interface LockedNumber extends LockedNumbers {
  /** The number as read under the lock: a change that committed while we waited is part of it. */
  row: PhoneNumberRow;
}

/** Finds the number's user, takes the user's lock (see `lockNumbersOf`) and reads the number again. */
export async function lockNumberOf(
  trx: Executor,
  caller: Caller,
  phoneNumberId: string,
): Promise<LockedNumber> {
  const owner = await loadPhoneNumber(trx, caller, phoneNumberId);
  const locked = await lockNumbersOf(trx, caller, owner.user_id);
  const row = locked.rows.find((r) => r.id === phoneNumberId);
  // Removed while this request waited for the lock.
  if (!row) throw new HandsetError("PHONE_NUMBER_NOT_FOUND", `No phone number ${phoneNumberId}.`);
  return { ...locked, row };
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
