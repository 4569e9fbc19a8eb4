import { HandsetError } from "../domain/errors.js";
import type { LogPosition } from "../store/log-position.js";

/**
 * The opaque cursor of a newest-first log (events, messages): the last row's time and id, base64url
 * JSON. Opaque so that callers pass it back as given; stable because both parts are the row's own.
 */
export function encodeLogCursor(position: LogPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id]), "utf8").toString("base64url");
}

export function decodeLogCursor(cursor: string, field = "after"): LogPosition {
  const malformed = () =>
    new HandsetError("INVALID_REQUEST", "The cursor is not one this API gave out: pass next_cursor as is.", {
      field,
      fields: [{ path: field, message: "not a cursor from a previous page" }],
    });
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw malformed();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw malformed();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    !Number.isSafeInteger(parsed[0]) ||
    typeof parsed[1] !== "string" ||
    parsed[1].length === 0 ||
    parsed[1].length > 64
  ) {
    throw malformed();
  }
  return { createdAt: parsed[0] as number, id: parsed[1] };
}

/** One page of `limit` from `limit + 1` rows read: the cursor is set only when a further row exists. */
export function pageOf<Row extends { created_at: number; id: string }>(
  rows: readonly Row[],
  limit: number,
): { rows: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor:
      rows.length > limit && last
        ? encodeLogCursor({ createdAt: Number(last.created_at), id: last.id })
        : null,
  };
}
