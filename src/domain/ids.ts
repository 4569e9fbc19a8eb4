import { monotonicFactory } from "ulid";

const nextUlid = monotonicFactory();

export type IdPrefix = "usr" | "pn" | "vf" | "msg" | "cred" | "evt" | "req";

/** Sortable, prefixed identifiers: the prefix says what a bare id is when it turns up in a log. */
export function newId(prefix: IdPrefix, now: number): string {
  return `${prefix}_${nextUlid(now).toLowerCase()}`;
}
