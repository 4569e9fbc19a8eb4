import { InvalidArgumentError } from "commander";
import type { Config } from "../config.js";
import type { Caller } from "../services/caller.js";
import type { Handset } from "../services/handset.js";
import type { CliIo } from "./main.js";

/** What each operator command group is registered with, from main.ts. */
export interface OperatorCli {
  io: CliIo;
  config: () => Promise<Config>;
  parseTenant: (value: string) => string;
  /** main.ts's reading of `30d` or an ISO 8601 time as a time ahead of `now`. */
  parseExpiry: (value: string, now: number) => number;
}

/**
 * Runs a task as the service itself (`systemCaller`) in the tenant, straight against the database.
 * The core is imported here, not at the top, so that `--help` loads none of it.
 */
export async function runAsOperator<T>(
  cli: OperatorCli,
  tenant: string | undefined,
  task: (h: Handset, caller: Caller) => Promise<T>,
): Promise<T> {
  const cfg = await cli.config();
  const [{ withHandset }, { systemCaller }] = await Promise.all([
    import("./offline.js"),
    import("../services/caller.js"),
  ]);
  const caller = systemCaller(tenant ?? cfg.defaultTenant);
  return withHandset(cfg, (h) => task(h, caller));
}

/**
 * A time in the past: an ISO 8601 time as is, or a duration (`24h`, `7d`) meaning that long ago.
 * Reads with `parseExpiry`, which takes a duration as that long from now: a duration is told by its
 * answer moving with `now`, and then mirrored into the past.
 */
export function pastTimeParser(cli: OperatorCli, now: () => number) {
  return (value: string): number => {
    const at = now();
    const ahead = cli.parseExpiry(value, at);
    const relative = cli.parseExpiry(value, at + 1) !== ahead;
    const when = relative ? at - (ahead - at) : ahead;
    if (when < 0) throw new InvalidArgumentError("that is before 1970");
    return when;
  };
}

export function parseLimit(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > 500) {
    throw new InvalidArgumentError("a whole number from 1 to 500");
  }
  return n;
}

/** Rows as aligned columns under a header; an empty list says so instead of printing a bare header. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  empty: string,
): string {
  if (rows.length === 0) return `${empty}\n`;
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return `${[line(headers), ...rows.map(line)].join("\n")}\n`;
}

export const isoOrDash = (iso: string | null | undefined): string => iso ?? "-";

/** What `--json` prints: one JSON document, the HTTP API's answer. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value)}\n`);
}
