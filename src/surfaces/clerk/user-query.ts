import type { UserOrderField, UserSearchInput, UserSearchPageInput } from "../../services/user-search.js";
import { ClerkApiError, type ClerkErrorEntry, clerkErrors } from "./errors.js";

type Query = Record<string, string | string[] | undefined>;

/** Clerk's list filters Handset can match: any of the values given (up to 100 each). */
const LIST_FILTERS = ["phone_number", "external_id", "user_id"] as const;
/**
 * Clerk's filters on things Handset users never have (no email address, username, wallet,
 * organization or external account): given a value, they match no one, as Clerk's would.
 */
const NEVER_MATCHING = [
  "email_address",
  "username",
  "web3_wallet",
  "organization_id",
  "provider_user_id",
] as const;
/** Clerk's other parameters of these routes, which Handset does not search by. */
const NOT_SUPPORTED = [
  "query",
  "email_address_query",
  "phone_number_query",
  "username_query",
  "name_query",
  "banned",
  "last_active_at_before",
  "last_active_at_after",
  "last_active_at_since",
  "created_at_before",
  "created_at_after",
  "last_sign_in_at_before",
  "last_sign_in_at_after",
  "provider",
];
const PAGING = ["limit", "offset", "order_by", "starting_after"];
const VERSION = ["__clerk_api_version"];

/** Clerk's `order_by` fields; those Handset users never have a value for sort by creation alone. */
const ORDER_FIELDS: Record<string, UserOrderField> = {
  created_at: "created_at",
  updated_at: "updated_at",
  first_name: "first_name",
  last_name: "last_name",
  phone_number: "phone_number",
  email_address: null,
  web3wallet: null,
  username: null,
  last_active_at: null,
  last_sign_in_at: null,
};

const MAX_VALUES = 100;

const values = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Clerk reads only the first of a repeated single-valued parameter (its `order_by` rule). */
const first = (value: string | string[] | undefined): string | undefined => values(value)[0];

function integer(
  problems: ClerkErrorEntry[],
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^-?\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(
      clerkErrors.paramValueInvalid(
        name,
        max === Number.MAX_SAFE_INTEGER
          ? `${name} must be an integer greater than or equal to ${min}.`
          : `${name} must be an integer between ${min} and ${max}.`,
      ),
    );
    return undefined;
  }
  return value;
}

/** The filters of `GET /users` and `GET /users/count`, every problem its own entry. */
function readFilter(query: Query, problems: ClerkErrorEntry[], allowed: readonly string[]): UserSearchInput {
  for (const key of Object.keys(query)) {
    if (NOT_SUPPORTED.includes(key)) {
      problems.push(clerkErrors.paramValueInvalid(key, `Handset does not search users by ${key}.`));
    } else if (!allowed.includes(key)) {
      problems.push(clerkErrors.paramUnknown(key));
    }
  }
  const filter: UserSearchInput = {};
  for (const name of [...LIST_FILTERS, ...NEVER_MATCHING]) {
    const given = values(query[name]);
    if (given.length > MAX_VALUES) {
      problems.push(clerkErrors.paramValueInvalid(name, `${name} accepts up to ${MAX_VALUES} values.`));
    }
  }
  const listed = (name: (typeof LIST_FILTERS)[number]) => {
    const given = values(query[name]);
    return given.length > 0 ? given : undefined;
  };
  filter.phoneNumbers = listed("phone_number");
  filter.externalIds = listed("external_id");
  // Clerk's `+id` includes and `-id` excludes; Handset keeps the includes (a bare id is one).
  const userIds = listed("user_id");
  if (userIds?.some((id) => id.startsWith("-"))) {
    problems.push(
      clerkErrors.paramValueInvalid("user_id", "Handset does not exclude users by id (-user_...)."),
    );
  }
  filter.userIds = userIds?.map((id) => (id.startsWith("+") ? id.slice(1) : id));
  filter.matchNone = NEVER_MATCHING.some((name) => values(query[name]).length > 0);
  return filter;
}

export function readUserCountQuery(query: Query): UserSearchInput {
  const problems: ClerkErrorEntry[] = [];
  const filter = readFilter(query, problems, [...LIST_FILTERS, ...NEVER_MATCHING, ...VERSION]);
  if (problems.length > 0) throw new ClerkApiError(422, problems);
  return filter;
}

export function readUserListQuery(query: Query): { filter: UserSearchInput; page: UserSearchPageInput } {
  const problems: ClerkErrorEntry[] = [];
  const filter = readFilter(query, problems, [...LIST_FILTERS, ...NEVER_MATCHING, ...PAGING, ...VERSION]);
  const limit = integer(problems, "limit", first(query.limit), 1, 500) ?? 10;
  const offset = integer(problems, "offset", first(query.offset), 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const orderBy = first(query.order_by) ?? "-created_at";
  const match = /^([+-]?)([a-z0-9_]+)$/.exec(orderBy);
  const field = match?.[2];
  const known = field !== undefined && Object.hasOwn(ORDER_FIELDS, field);
  if (!known) {
    problems.push(
      clerkErrors.paramValueInvalid(
        "order_by",
        `order_by must be one of ${Object.keys(ORDER_FIELDS).join(", ")}, optionally prefixed with + or -.`,
      ),
    );
  }
  const order = {
    field: known ? (ORDER_FIELDS[field] ?? null) : ("created_at" as const),
    descending: match?.[1] === "-",
  };
  const startingAfter = first(query.starting_after);
  if (startingAfter !== undefined) {
    if (known && field !== "created_at") {
      problems.push(
        clerkErrors.paramValueInvalid("starting_after", "starting_after requires ordering by created_at."),
      );
    }
    if (offset !== 0) {
      problems.push(
        clerkErrors.paramValueInvalid(
          "starting_after",
          "starting_after cannot be combined with a non-zero offset.",
        ),
      );
    }
  }
  if (problems.length > 0) throw new ClerkApiError(422, problems);
  return { filter, page: { order, limit, offset, startingAfter } };
}
