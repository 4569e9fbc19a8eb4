import { HandsetError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import { normalizePhoneInput } from "../domain/phone.js";
import { revokeUserCredentials } from "../store/credentials.js";
import { deleteUser, findUserByExternalId, insertUser, listUsers } from "../store/users.js";
import { cancelUserVerifications } from "../store/verifications.js";
import { assertReachesUser, loadUser, userPhoneNumberViews } from "./access.js";
import type { Caller } from "./caller.js";
import { recordUserChange } from "./changes.js";
import type { ServiceDeps } from "./deps.js";
import { lockNumbersOf } from "./number-set.js";
import type { AddPhoneNumberInput, PhoneNumberService } from "./phone-numbers.js";
import { type ProfileInput, profileColumns } from "./user-profiles.js";
import { toUserView, type UserView } from "./views.js";

export const USER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface CreateUserInput {
  /** Chosen by the caller (a vendor's own id format, say); generated when absent. */
  id?: string;
  externalId?: string;
  /** Numbers the user is created with, in one transaction with it: all of them, or no user. */
  phoneNumbers?: readonly Omit<AddPhoneNumberInput, "userId">[];
  /** Names and metadata (a vendor surface's profile fields). */
  profile?: ProfileInput;
}

export interface UserListInput {
  limit: number;
  /** `nextCursor` of the previous page. */
  after?: string;
  /** Any form the phone parser takes (E.164 for a lookup without a region). */
  phoneNumber?: string;
  verified?: boolean;
}

export interface UserPage {
  users: UserView[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

export function createUserService(deps: ServiceDeps, parts: { phoneNumbers: PhoneNumberService }) {
  const { uow } = deps.store;

  function view(caller: Caller, userId: string): Promise<UserView> {
    return uow.read(async (db) => {
      const user = await loadUser(db, caller, userId);
      return toUserView(user, await userPhoneNumberViews(db, deps, caller.tenantId, userId));
    });
  }

  return {
    async create(caller: Caller, input: CreateUserInput): Promise<UserView> {
      const now = deps.clock.now();
      const id = input.id ?? newId("usr", now);
      if (!USER_ID_PATTERN.test(id)) {
        throw new HandsetError("INVALID_REQUEST", "A user id has 1 to 64 letters, digits, '_' or '-'.", {
          fields: [{ path: "id", message: "1 to 64 letters, digits, '_' or '-'" }],
        });
      }
      const profile = profileColumns(input.profile ?? {}, undefined, "replace");
      return uow.transaction(async (trx) => {
        const inserted = await insertUser(trx, {
          tenantId: caller.tenantId,
          id,
          externalId: input.externalId ?? null,
          profile,
          now,
        });
        if (!inserted) {
          const byExternal =
            input.externalId === undefined
              ? undefined
              : await findUserByExternalId(trx, caller.tenantId, input.externalId);
          throw new HandsetError(
            "USER_ALREADY_EXISTS",
            byExternal
              ? `A user with external id ${input.externalId} exists: ${byExternal.id}.`
              : `User ${id} exists.`,
          );
        }
        await recordUserChange(
          trx,
          caller,
          id,
          "user.created",
          { externalId: input.externalId ?? null },
          now,
        );
        for (const phoneNumber of input.phoneNumbers ?? []) {
          await parts.phoneNumbers.add(caller, { ...phoneNumber, userId: id });
        }
        return view(caller, id);
      });
    },

    get: view,

    /** Makes sure the user exists: users of a token appear on the token's first use. */
    async ensure(caller: Caller, userId: string): Promise<void> {
      assertReachesUser(caller, userId);
      const now = deps.clock.now();
      await uow.transaction(async (trx) => {
        if (await insertUser(trx, { tenantId: caller.tenantId, id: userId, externalId: null, now })) {
          await recordUserChange(
            trx,
            caller,
            userId,
            "user.created",
            { externalId: null, onFirstUse: true },
            now,
          );
        }
      });
    },

    /**
     * The tenant's users in id order; `phoneNumber` keeps the user holding that number, `verified`
     * those with at least one verified number (true) or with none (false).
     */
    async list(caller: Caller, options: UserListInput): Promise<UserPage> {
      const filter = {
        e164: options.phoneNumber === undefined ? undefined : normalizePhoneInput(options.phoneNumber),
        verified: options.verified,
      };
      if (caller.userId !== null) return { users: [await view(caller, caller.userId)], nextCursor: null };
      return uow.read(async (db) => {
        const rows = await listUsers(db, caller.tenantId, options.limit + 1, options.after, filter);
        const page = rows.slice(0, options.limit);
        const users: UserView[] = [];
        for (const row of page) {
          users.push(toUserView(row, await userPhoneNumberViews(db, deps, caller.tenantId, row.id)));
        }
        const last = page.at(-1);
        return { users, nextCursor: rows.length > options.limit && last ? last.id : null };
      });
    },

    /** Deletes the user with its numbers, cancels their open verifications and revokes their tokens. */
    async remove(caller: Caller, userId: string): Promise<{ id: string; removedPhoneNumbers: number }> {
      const now = deps.clock.now();
      return uow.transaction(async (trx) => {
        const { rows: phones } = await lockNumbersOf(trx, caller, userId);
        await recordUserChange(trx, caller, userId, "user.deleted", { phoneNumbers: phones.length }, now);
        await cancelUserVerifications(trx, caller.tenantId, userId, now);
        await revokeUserCredentials(trx, caller.tenantId, userId, now);
        await deleteUser(trx, caller.tenantId, userId);
        return { id: userId, removedPhoneNumbers: phones.length };
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
