import { isHandsetError } from "../domain/errors.js";
import { normalizePhoneInput } from "../domain/phone.js";
import { countUsers, searchUsers, type UserOrderField, type UserSearchFilter } from "../store/user-search.js";
import { findUser } from "../store/users.js";
import { userPhoneNumberViews } from "./access.js";
import type { Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";
import { toUserView, type UserView } from "./views.js";

/**
 * A search over a tenant's users by what Handset keeps. Each list keeps the users matching any of
 * its values; values that match nothing (an unknown id, a string that is no phone number) are
 * ignored, and a list of only such values keeps no one. `matchNone` is a filter on something Handset
 * users never have (an email address, a username): it keeps no one.
 */
export type { UserOrderField };

export interface UserSearchInput {
  phoneNumbers?: readonly string[];
  externalIds?: readonly string[];
  userIds?: readonly string[];
  matchNone?: boolean;
}

export interface UserSearchPageInput {
  order: { field: UserOrderField; descending: boolean };
  limit: number;
  offset: number;
  /** The id of the last user of the previous page (creation order only). */
  startingAfter?: string;
}

/** Numbers in any form the parser reads; what is no phone number matches nothing, as Clerk ignores it. */
function e164sOf(inputs: readonly string[]): string[] {
  const found: string[] = [];
  for (const input of inputs) {
    try {
      found.push(normalizePhoneInput(input));
    } catch (error) {
      if (!isHandsetError(error)) throw error;
    }
  }
  return found;
}

function storeFilter(input: UserSearchInput): UserSearchFilter {
  if (input.matchNone) return { userIds: [] };
  return {
    e164s: input.phoneNumbers && e164sOf(input.phoneNumbers),
    externalIds: input.externalIds,
    userIds: input.userIds,
  };
}

/** A user token finds only its own user. */
function scopedTo(caller: Caller, filter: UserSearchInput): UserSearchInput {
  const own = caller.userId;
  if (own === null) return filter;
  return { ...filter, userIds: filter.userIds ? filter.userIds.filter((id) => id === own) : [own] };
}

export function createUserSearchService(deps: ServiceDeps) {
  const { uow } = deps.store;

  return {
    /** One page of the caller's tenant's users (a user token sees only its own user). */
    async search(caller: Caller, filter: UserSearchInput, page: UserSearchPageInput): Promise<UserView[]> {
      const scoped = scopedTo(caller, filter);
      return uow.read(async (db) => {
        let after: { createdAt: number; id: string } | undefined;
        if (page.startingAfter !== undefined) {
          const cursor = await findUser(db, caller.tenantId, page.startingAfter);
          // A cursor naming no user of the tenant starts nowhere: an empty page, as for a deleted one.
          if (!cursor) return [];
          after = { createdAt: cursor.created_at, id: cursor.id };
        }
        const rows = await searchUsers(db, caller.tenantId, storeFilter(scoped), { ...page, after });
        const users: UserView[] = [];
        for (const row of rows) {
          users.push(toUserView(row, await userPhoneNumberViews(db, deps, caller.tenantId, row.id)));
        }
        return users;
      });
    },

    async count(caller: Caller, filter: UserSearchInput): Promise<number> {
      const scoped = scopedTo(caller, filter);
      return uow.read((db) => countUsers(db, caller.tenantId, storeFilter(scoped)));
    },
  };
}

export type UserSearchService = ReturnType<typeof createUserSearchService>;
