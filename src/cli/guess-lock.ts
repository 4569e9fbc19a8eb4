import type { Command } from "commander";
import type { Config } from "../config.js";
import type { Caller } from "../services/caller.js";
import type { GuessLockView } from "../services/guess-locks.js";
import type { Handset } from "../services/handset.js";
import type { CliIo } from "./main.js";

const iso = (ms: number) => new Date(ms).toISOString();

function print(io: CliIo, view: GuessLockView & { cleared?: number }, json: boolean): void {
  if (json) {
    io.stdout(`${JSON.stringify(view)}\n`);
    return;
  }
  const lines = [
    `phone number:          ${view.phoneNumberId}`,
    ...(view.cleared === undefined ? [] : [`wrong codes forgotten: ${view.cleared}`]),
    `wrong codes in a row:  ${view.consecutiveFailures} (this tenant; locks at ${view.lockAfter} across tenants)`,
    view.lock
      ? `locked:                since ${iso(view.lock.lockedAt)}, until ${iso(view.lock.until)}`
      : "locked:                no",
  ];
  io.stdout(`${lines.join("\n")}\n`);
}

/**
 * `handset phone-numbers guess-lock|unlock <id>`: the lifetime guess cap of one number, read and reset
 * straight in the database (as an operator, no server needed), like the admin API's
 * `GET|DELETE /v1/phone-numbers/{id}/guess-lock`.
 */
export function registerGuessLockCommands(
  program: Command,
  io: CliIo,
  config: () => Promise<Config>,
  parseTenant: (value: string) => string,
): void {
  const numbers = program.command("phone-numbers").description("Phone numbers, as an operator");
  // The core is imported by the commands that use it, so that `--help` loads none of it.
  const run = async <T>(tenant: string | undefined, task: (h: Handset, caller: Caller) => Promise<T>) => {
    const cfg = await config();
    const [{ withHandset }, { systemCaller }] = await Promise.all([
      import("./offline.js"),
      import("../services/caller.js"),
    ]);
    const caller = systemCaller(tenant ?? cfg.defaultTenant);
    return withHandset(cfg, (h) => task(h, caller));
  };

  numbers
    .command("guess-lock")
    .description("Show a number's wrong codes in a row and whether it is locked for verification")
    .argument("<id>", "the phone number's id")
    .option("--tenant <id>", "tenant of the number", parseTenant)
    .option("--json", "print the result as JSON")
    .action(async (id: string, opts: { tenant?: string; json?: boolean }) => {
      print(io, await run(opts.tenant, (h, caller) => h.guessLocks.get(caller, id)), opts.json === true);
    });

  numbers
    .command("unlock")
    .description("Reset this tenant's wrong codes in a row on a number (an event records it)")
    .argument("<id>", "the phone number's id")
    .option("--tenant <id>", "tenant of the number", parseTenant)
    .option("--json", "print the result as JSON")
    .action(async (id: string, opts: { tenant?: string; json?: boolean }) => {
      print(io, await run(opts.tenant, (h, caller) => h.guessLocks.clear(caller, id)), opts.json === true);
    });
}
