import { describe, expect, it } from "vitest";
import { isDatabaseUnavailableError, isUniqueViolation } from "../../src/store/errors.js";

const withCode = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(code), { code, ...extra });

describe("database error classification", () => {
  it.each([
    ["connection refused", withCode("ECONNREFUSED")],
    ["connection reset", withCode("ECONNRESET")],
    ["server shutting down (57P01)", withCode("57P01")],
    ["server starting up (57P03)", withCode("57P03")],
    ["connection failure (08006)", withCode("08006")],
    ["too many connections (53300)", withCode("53300")],
    ["statement timeout (57014)", withCode("57014")],
    ["lock timeout (55P03)", withCode("55P03")],
    ["SQLite busy", withCode("SQLITE_BUSY")],
    ["SQLite disk full", withCode("SQLITE_FULL")],
    ["SQLite fsync failed", withCode("SQLITE_IOERR_FSYNC")],
    ["SQLite file system read-only", withCode("SQLITE_READONLY")],
    ["lost connection", new Error("Connection terminated unexpectedly")],
    ["connect timeout", new Error("Connection terminated due to connection timeout")],
    ["pool wait timeout", new Error("timeout exceeded when trying to connect")],
    ["every address refused", new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")])],
  ])("%s means unavailable", (_name, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  it.each([
    ["unique violation", withCode("23505")],
    ["foreign key violation", withCode("23503")],
    ["syntax error", withCode("42601")],
    ["SQLite constraint", withCode("SQLITE_CONSTRAINT_UNIQUE")],
    ["a plain bug", new TypeError("x is undefined")],
    ["not an error", "ECONNREFUSED"],
    ["nothing", null],
  ])("%s does not", (_name, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });

  it("names the violated index on PostgreSQL and matches any unique violation on SQLite", () => {
    const pg = withCode("23505", { constraint: "verifications_one_pending" });
    expect(isUniqueViolation(pg, "verifications_one_pending")).toBe(true);
    expect(isUniqueViolation(pg, "phone_numbers_e164")).toBe(false);
    expect(isUniqueViolation(withCode("SQLITE_CONSTRAINT_UNIQUE"), "verifications_one_pending")).toBe(true);
    expect(isUniqueViolation(withCode("23503"))).toBe(false);
  });
});
