import { HandsetError } from "../domain/errors.js";
import type { Scope } from "../domain/scopes.js";
import type { Caller } from "./caller.js";

/** Largest page the operator's lists return; a bigger `limit` is refused, not quietly cut. */
export const MAX_PAGE = 500;

/**
 * The operator's reads (lookup, message list, event log) are about the whole tenant: only an admin key
 * (or the CLI's system caller) holding `scope` reaches them, never a user token.
 */
export function assertOperator(caller: Caller, scope: Scope, what: string): void {
  if (caller.userId !== null || caller.kind === "user_token") {
    throw new HandsetError("INSUFFICIENT_SCOPE", `${what} needs an admin API key.`);
  }
  if (!caller.scopes.has(scope)) {
    throw new HandsetError("INSUFFICIENT_SCOPE", `${what} needs the ${scope} scope.`);
  }
}

export function assertPageLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new HandsetError("INVALID_REQUEST", `limit is a whole number from 1 to ${MAX_PAGE}.`, {
      field: "limit",
      fields: [{ path: "limit", message: `1 to ${MAX_PAGE}` }],
    });
  }
}

/** `since` and `until` are epoch milliseconds, `since` before `until`. */
export function assertTimeRange(range: { since?: number; until?: number }): void {
  for (const field of ["since", "until"] as const) {
    const value = range[field];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new HandsetError("INVALID_REQUEST", `${field} is not a time.`, {
        field,
        fields: [{ path: field, message: "a time" }],
      });
    }
  }
  if (range.since !== undefined && range.until !== undefined && range.since >= range.until) {
    throw new HandsetError("INVALID_REQUEST", "since must come before until.", {
      field: "since",
      fields: [{ path: "since", message: "before until" }],
    });
  }
}
