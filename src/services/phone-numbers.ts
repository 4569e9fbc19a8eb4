import { HandsetError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import { parsePhone } from "../domain/phone.js";
import type { Executor } from "../store/executor.js";
import { toFlag } from "../store/executor.js";
import { lockUserChanges } from "../store/locks.js";
import {
  clearUserFlag,
  deletePhoneNumber,
  findPhoneNumberByE164,
  insertPhoneNumber,
  listPhoneNumbersOfUser,
  updatePhoneNumber,
} from "../store/phone-numbers.js";
import type { PhoneNumberRow, PhoneNumberUpdate } from "../store/schema.js";
import { cancelPendingVerifications } from "../store/verifications.js";
import {
  loadPhoneNumber,
  loadUser,
  phoneNumberViews,
  tenantPhonePolicy,
  userPhoneNumberViews,
} from "./access.js";
import type { Caller } from "./caller.js";
import { recordUserChange } from "./changes.js";
import type { ServiceDeps } from "./deps.js";
import { type Change, type PhoneNumberView, toPhoneNumberView } from "./views.js";

export interface AddPhoneNumberInput {
  userId: string;
  phoneNumber: string;
  /** ISO region for a national number (`US` + `555-555-5555`). */
  region?: string;
  /** Only an admin key may add a number already verified. */
  verified?: boolean;
  primary?: boolean;
  reservedForSecondFactor?: boolean;
}

export interface UpdatePhoneNumberInput {
  primary?: boolean;
  /** Only an admin key may set or clear verification by hand. */
  verified?: boolean;
  reservedForSecondFactor?: boolean;
  defaultSecondFactor?: boolean;
}

export interface PhoneNumberChange {
  phoneNumber: PhoneNumberView;
  change: Change;
}

export interface PhoneNumberRemoval {
  phoneNumber: PhoneNumberView;
  change: Change;
  /** True when the removed number was the primary: the user now has no primary, none was promoted. */
  primaryCleared: boolean;
  primaryPhoneNumberId: string | null;
}

function assertMayVerifyByHand(caller: Caller): void {
  if (caller.kind === "user_token") {
    throw new HandsetError(
      "INSUFFICIENT_SCOPE",
      "Only an admin key can mark a number verified without a code.",
    );
  }
}

/** Keeps "a default second factor exists whenever a reserved number does" true after a change. */
async function ensureDefaultSecondFactor(
  trx: Executor,
  tenantId: string,
  userId: string,
  now: number,
): Promise<void> {
  const numbers = await listPhoneNumbersOfUser(trx, tenantId, userId);
  const reserved = numbers.filter((n) => n.reserved_for_second_factor === 1);
  if (reserved.length === 0 || reserved.some((n) => n.default_second_factor === 1)) return;
  const first = reserved[0];
  if (first) await updatePhoneNumber(trx, tenantId, first.id, { default_second_factor: 1, updated_at: now });
}

export function createPhoneNumberService(deps: ServiceDeps) {
  const { db } = deps.store;

  async function viewOf(trx: Executor, caller: Caller, id: string): Promise<PhoneNumberView> {
    const row = await loadPhoneNumber(trx, caller, id);
    const [view] = await phoneNumberViews(trx, deps, caller.tenantId, [row]);
    if (!view) throw new Error("phone number view vanished");
    return view;
  }

  return {
    async add(caller: Caller, input: AddPhoneNumberInput): Promise<PhoneNumberChange> {
      if (input.verified) assertMayVerifyByHand(caller);
      if (input.reservedForSecondFactor && !input.verified) {
        throw new HandsetError(
          "PHONE_NUMBER_NOT_VERIFIED",
          "Only a verified number can be reserved for second factor: verify it first.",
        );
      }
      const policy = await tenantPhonePolicy(db, deps, caller.tenantId);
      const parsed = parsePhone(input.phoneNumber, input.region, policy);
      const now = deps.clock.now();
      const id = newId("pn", now);
      const added = await db.transaction().execute(async (trx) => {
        await loadUser(trx, caller, input.userId);
        await lockUserChanges(trx, caller.tenantId, input.userId);
        const existing = await listPhoneNumbersOfUser(trx, caller.tenantId, input.userId);
        const primary = existing.length === 0 || input.primary === true;
        if (primary) await clearUserFlag(trx, caller.tenantId, input.userId, "is_primary", now);
        const reserved = input.reservedForSecondFactor === true;
        const row: PhoneNumberRow = {
          tenant_id: caller.tenantId,
          id,
          user_id: input.userId,
          e164: parsed.e164,
          region: parsed.region,
          number_type: parsed.type,
          is_primary: toFlag(primary),
          verified_at: input.verified ? now : null,
          verification_strategy: input.verified ? "admin" : null,
          reserved_for_second_factor: toFlag(reserved),
          default_second_factor: toFlag(reserved && !existing.some((n) => n.default_second_factor === 1)),
          created_at: now,
          updated_at: now,
        };
        if (!(await insertPhoneNumber(trx, row))) {
          const holder = await findPhoneNumberByE164(trx, caller.tenantId, parsed.e164);
          throw new HandsetError(
            "PHONE_NUMBER_TAKEN",
            holder?.user_id === input.userId
              ? `${parsed.e164} is already one of this user's numbers.`
              : `${parsed.e164} is held by another user.`,
            { field: "phone_number" },
          );
        }
        const change = await recordUserChange(
          trx,
          caller,
          input.userId,
          "phone_number.added",
          { phoneNumberId: id, e164: parsed.e164, primary, verified: input.verified === true, reserved },
          now,
        );
        return { row, change };
      });
      // A new number has no verification yet: its view is the row this request wrote.
      return { phoneNumber: toPhoneNumberView(added.row, null), change: added.change };
    },

    async get(caller: Caller, phoneNumberId: string): Promise<PhoneNumberView> {
      return viewOf(db, caller, phoneNumberId);
    },

    async listOfUser(caller: Caller, userId: string): Promise<PhoneNumberView[]> {
      await loadUser(db, caller, userId);
      return userPhoneNumberViews(db, deps, caller.tenantId, userId);
    },

    async update(
      caller: Caller,
      phoneNumberId: string,
      input: UpdatePhoneNumberInput,
    ): Promise<PhoneNumberChange> {
      if (input.verified !== undefined) assertMayVerifyByHand(caller);
      const now = deps.clock.now();
      const change = await db.transaction().execute(async (trx) => {
        const owner = await loadPhoneNumber(trx, caller, phoneNumberId);
        await lockUserChanges(trx, caller.tenantId, owner.user_id);
        // Read again under the lock: a change that committed while we waited is part of the picture.
        const row = await loadPhoneNumber(trx, caller, phoneNumberId);
        const set: PhoneNumberUpdate = { updated_at: now };
        const changed: Record<string, unknown> = {};
        let verified = row.verified_at !== null;

        if (input.verified !== undefined && input.verified !== verified) {
          verified = input.verified;
          set.verified_at = verified ? now : null;
          set.verification_strategy = verified ? "admin" : null;
          changed.verified = verified;
          await cancelPendingVerifications(trx, caller.tenantId, row.id, now);
        }
        let reserved = row.reserved_for_second_factor === 1;
        if (input.reservedForSecondFactor !== undefined) reserved = input.reservedForSecondFactor;
        if (reserved && !verified) {
          if (input.reservedForSecondFactor) {
            throw new HandsetError(
              "PHONE_NUMBER_NOT_VERIFIED",
              "Only a verified number can be reserved for second factor: verify it first.",
            );
          }
          // Taking verification away takes the reservation with it.
          reserved = false;
        }
        if (reserved !== (row.reserved_for_second_factor === 1)) {
          set.reserved_for_second_factor = toFlag(reserved);
          changed.reservedForSecondFactor = reserved;
          if (!reserved) set.default_second_factor = 0;
        }
        if (input.defaultSecondFactor !== undefined) {
          if (input.defaultSecondFactor && !reserved) {
            throw new HandsetError(
              "PHONE_NUMBER_NOT_VERIFIED",
              "Only a number reserved for second factor can be the default second factor.",
            );
          }
          if (input.defaultSecondFactor) {
            await clearUserFlag(trx, caller.tenantId, row.user_id, "default_second_factor", now);
            set.default_second_factor = 1;
          } else {
            set.default_second_factor = 0;
          }
          changed.defaultSecondFactor = input.defaultSecondFactor;
        }
        if (input.primary !== undefined && input.primary !== (row.is_primary === 1)) {
          if (input.primary) await clearUserFlag(trx, caller.tenantId, row.user_id, "is_primary", now);
          set.is_primary = toFlag(input.primary);
          changed.primary = input.primary;
        }
        await updatePhoneNumber(trx, caller.tenantId, row.id, set);
        await ensureDefaultSecondFactor(trx, caller.tenantId, row.user_id, now);
        return recordUserChange(
          trx,
          caller,
          row.user_id,
          "phone_number.updated",
          { phoneNumberId: row.id, ...changed },
          now,
        );
      });
      return { phoneNumber: await viewOf(db, caller, phoneNumberId), change };
    },

    async remove(caller: Caller, phoneNumberId: string): Promise<PhoneNumberRemoval> {
      const now = deps.clock.now();
      let removed: PhoneNumberView | undefined;
      const result = await db.transaction().execute(async (trx) => {
        const owner = await loadPhoneNumber(trx, caller, phoneNumberId);
        await lockUserChanges(trx, caller.tenantId, owner.user_id);
        const row: PhoneNumberRow = await loadPhoneNumber(trx, caller, phoneNumberId);
        removed = (await phoneNumberViews(trx, deps, caller.tenantId, [row]))[0];
        await cancelPendingVerifications(trx, caller.tenantId, row.id, now);
        await deletePhoneNumber(trx, caller.tenantId, row.id);
        await ensureDefaultSecondFactor(trx, caller.tenantId, row.user_id, now);
        const remaining = await listPhoneNumbersOfUser(trx, caller.tenantId, row.user_id);
        const change = await recordUserChange(
          trx,
          caller,
          row.user_id,
          "phone_number.removed",
          { phoneNumberId: row.id, e164: row.e164, wasPrimary: row.is_primary === 1 },
          now,
        );
        return {
          change,
          primaryCleared: row.is_primary === 1,
          primaryPhoneNumberId: remaining.find((n) => n.is_primary === 1)?.id ?? null,
        };
      });
      if (!removed) throw new Error("removed phone number view missing");
      return { phoneNumber: removed, ...result };
    },
  };
}

export type PhoneNumberService = ReturnType<typeof createPhoneNumberService>;
