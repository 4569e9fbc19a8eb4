import { HandsetError } from "../../domain/errors.js";

/** A query-string field as one trimmed string, or undefined when absent or empty. */
export function queryText(query: unknown, name: string, max = 200): string | undefined {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== "string") return undefined;
  const trimmed = text.trim();
  if (trimmed.length > max) {
    throw new HandsetError("INVALID_REQUEST", `${name} has at most ${max} characters.`, {
      fields: [{ path: name, message: `at most ${max} characters` }],
    });
  }
  return trimmed === "" ? undefined : trimmed;
}

/** A `datetime-local` field (read as UTC) or an ISO time, as epoch ms. */
export function queryTime(query: unknown, name: string): number | undefined {
  const text = queryText(query, name, 40);
  if (text === undefined) return undefined;
  const ms = Date.parse(/(Z|[+-]\d\d:\d\d)$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(ms)) {
    throw new HandsetError("INVALID_REQUEST", `${name} is not a time: give it as 2026-01-31T12:00 (UTC).`, {
      fields: [{ path: name, message: "a time such as 2026-01-31T12:00" }],
    });
  }
  return ms;
}

/** Rows per console page. */
export const PAGE_SIZE = 50;
