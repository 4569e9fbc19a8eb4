import { HandsetError } from "../domain/errors.js";
import { HANDSET_RULES, type NumberSetRules } from "../domain/number-set.js";
import {
  checkedText,
  MAX_EXTERNAL_ID_LENGTH,
  MAX_NAME_LENGTH,
  type Metadata,
  mergeMetadata,
  metadataText,
} from "../domain/user-profile.js";
import { isUniqueViolation } from "../store/errors.js";
import type { Executor } from "../store/executor.js";
import type { UserRow, UserUpdate } from "../store/schema.js";
import { updateUserRow } from "../store/user-search.js";
import { findUser, findUserByExternalId } from "../store/users.js";
import { userPhoneNumberViews } from "./access.js";
import type { Caller } from "./caller.js";
import { recordUserChange } from "./changes.js";
import type { ServiceDeps } from "./deps.js";
import { lockNumbersOf } from "./number-set.js";
import type { PhoneNumberService } from "./phone-numbers.js";
import { toUserView, type UserView } from "./views.js";

/** Profile fields: absent leaves a field as it is; `null` (or `""` for a name) clears it. */
export interface ProfileInput {
  firstName?: string | null;
  lastName?: string | null;
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
  unsafeMetadata?: Metadata;
}

export interface UserUpdateInput extends ProfileInput {
  externalId?: string | null;
  /** One of the user's verified numbers, to become its primary. */
  primaryPhoneNumberId?: string;
  /** `replace` (default) stores the metadata objects given; `merge` deep-merges them (null removes a key). */
  metadataMode?: "replace" | "merge";
}

const METADATA_FIELDS = [
  ["publicMetadata", "public_metadata"],
  ["privateMetadata", "private_metadata"],
  ["unsafeMetadata", "unsafe_metadata"],
] as const;

const blankToNull = (value: string | null) => (value === null || value.trim() === "" ? null : value);

/** The column changes for the profile fields given, checked against the columns' limits. */
export function profileColumns(
  input: ProfileInput,
  current: UserRow | undefined,
  mode: "replace" | "merge",
): UserUpdate {
  const changes: UserUpdate = {};
  if (input.firstName !== undefined) {
    changes.first_name = blankToNull(
      input.firstName && checkedText("first_name", input.firstName, MAX_NAME_LENGTH),
    );
  }
  if (input.lastName !== undefined) {
    changes.last_name = blankToNull(
      input.lastName && checkedText("last_name", input.lastName, MAX_NAME_LENGTH),
    );
  }
  for (const [key, column] of METADATA_FIELDS) {
    const given = input[key];
    if (given === undefined) continue;
    const stored = current ? (JSON.parse(current[column]) as Metadata) : {};
    changes[column] = metadataText(column, mode === "merge" ? mergeMetadata(stored, given) : given);
  }
  return changes;
}

function externalIdTaken(externalId: string, holder?: string): HandsetError {
  return new HandsetError(
    "USER_ALREADY_EXISTS",
    holder
      ? `A user with external id ${externalId} exists: ${holder}.`
      : `External id ${externalId} is taken.`,
    { field: "external_id" },
  );
}

/**
 * Changing a user's own attributes: profile, external id, and which of its numbers is primary, in
 * one transaction under the user's lock (the primary moves by the number-set rules of the surface).
 */
export function createUserProfileService(deps: ServiceDeps, parts: { phoneNumbers: PhoneNumberService }) {
  const { uow } = deps.store;

  async function viewIn(trx: Executor, caller: Caller, userId: string): Promise<UserView> {
    const row = await findUser(trx, caller.tenantId, userId);
    if (!row) throw new HandsetError("USER_NOT_FOUND", `No user ${userId}.`);
    return toUserView(row, await userPhoneNumberViews(trx, deps, caller.tenantId, userId));
  }

  return {
    async update(
      caller: Caller,
      userId: string,
      input: UserUpdateInput,
      rules: NumberSetRules = HANDSET_RULES,
    ): Promise<UserView> {
      return uow.transaction(async (trx) => {
        const now = deps.clock.now();
        const { held } = await lockNumbersOf(trx, caller, userId);
        const current = await findUser(trx, caller.tenantId, userId);
        if (!current) throw new HandsetError("USER_NOT_FOUND", `No user ${userId}.`);
        const changes = profileColumns(input, current, input.metadataMode ?? "replace");
        if (input.externalId !== undefined && input.externalId !== current.external_id) {
          const externalId = input.externalId === null ? null : blankToNull(input.externalId);
          if (externalId !== null) {
            checkedText("external_id", externalId, MAX_EXTERNAL_ID_LENGTH);
            const holder = await findUserByExternalId(trx, caller.tenantId, externalId);
            if (holder && holder.id !== userId) throw externalIdTaken(externalId, holder.id);
          }
          changes.external_id = externalId;
        }
        const primary = input.primaryPhoneNumberId;
        if (primary !== undefined) {
          const number = held.find((n) => n.id === primary);
          if (!number) {
            throw new HandsetError(
              "PHONE_NUMBER_NOT_FOUND",
              `User ${userId} holds no phone number ${primary}.`,
              {
                field: "primary_phone_number_id",
              },
            );
          }
          if (!number.verified) {
            throw new HandsetError(
              "PHONE_NUMBER_NOT_VERIFIED",
              `Phone number ${primary} is not verified: only a verified number can be made primary here.`,
              { field: "primary_phone_number_id" },
            );
          }
          if (!number.primary) await parts.phoneNumbers.update(caller, primary, { primary: true }, rules);
        }
        const fields = Object.keys(changes);
        if (fields.length > 0) {
          try {
            await updateUserRow(trx, caller.tenantId, userId, { ...changes, updated_at: now });
          } catch (error) {
            if (changes.external_id && isUniqueViolation(error)) throw externalIdTaken(changes.external_id);
            throw error;
          }
          // Names of the fields, not their values: metadata may be private.
          await recordUserChange(trx, caller, userId, "user.updated", { fields }, now);
        }
        return viewIn(trx, caller, userId);
      });
    },
  };
}

export type UserProfileService = ReturnType<typeof createUserProfileService>;
