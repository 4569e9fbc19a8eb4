/**
 * What the database drivers raise, sorted by what a caller should do about it. Kysely passes driver
 * errors through unchanged, so these look at node-postgres, better-sqlite3 and Node socket errors.
 */

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
  errors?: unknown;
}

const asDriverError = (error: unknown): DriverError =>
  error !== null && typeof error === "object" ? (error as DriverError) : {};

/** Socket errors: the server is down, restarting, or unreachable. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * SQLSTATEs that say "not now" rather than "wrong": the server is shutting down or starting
 * (57P01-57P03), out of connections or resources (class 53), a connection failure (class 08), or a
 * statement that ran past `statement_timeout` / `lock_timeout` (57014, 55P03).
 */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "57014", "55P03"]);
const UNAVAILABLE_SQLSTATE_CLASSES = ["08", "53"];

/**
 * node-postgres reports lost connections and pool waits with messages, not codes. Matched on their
 * start, as pg 8 words them.
 */
const PG_UNAVAILABLE_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
  "Client was closed and is not queryable",
  "Query read timeout",
  "Cannot use a pool after calling end on the pool",
];

/**
 * SQLite's "not now": another process holds the lock, or the storage refuses to write (a full disk,
 * an I/O error, a file system remounted read-only). Extended codes (`SQLITE_IOERR_FSYNC`) count with
 * their primary code.
 */
const SQLITE_UNAVAILABLE_CODES = new Set([
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_FULL",
  "SQLITE_IOERR",
  "SQLITE_READONLY",
  "SQLITE_CANTOPEN",
  "SQLITE_NOMEM",
  "SQLITE_PROTOCOL",
]);

const sqlitePrimaryCode = (code: string): string => /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code;

/**
 * True when the database could not answer: unreachable, restarting, overloaded, or too slow. The
 * request may succeed if retried later, so surfaces answer 503 rather than 500.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  const { code, message, errors } = asDriverError(error);
  if (typeof code === "string") {
    if (NETWORK_CODES.has(code) || SQLITE_UNAVAILABLE_CODES.has(sqlitePrimaryCode(code))) return true;
    if (/^[0-9A-Z]{5}$/.test(code)) {
      return UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SQLSTATE_CLASSES.includes(code.slice(0, 2));
    }
  }
  if (typeof message === "string" && PG_UNAVAILABLE_MESSAGES.some((m) => message.startsWith(m))) return true;
  // Node reports a failed connection to a name with several addresses as an AggregateError.
  return Array.isArray(errors) && errors.length > 0 && errors.every(isDatabaseUnavailableError);
}

/**
 * True for a unique-constraint violation; with `constraint`, only for that index (PostgreSQL names
 * it; SQLite names only columns, so there any unique violation matches).
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = asDriverError(error);
  if (e.code === "23505") return constraint === undefined || e.constraint === constraint;
  return e.code === "SQLITE_CONSTRAINT_UNIQUE" || e.code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
