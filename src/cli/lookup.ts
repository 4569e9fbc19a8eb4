import type { Command } from "commander";
import { presentLookup } from "../surfaces/native/present-operator.js";
import { type OperatorCli, printJson, runAsOperator, table } from "./operator-kit.js";
import { UsageError } from "./usage-error.js";

type Lookup = ReturnType<typeof presentLookup>;

function lookupText(found: Lookup): string {
  const holders = table(
    ["TENANT", "USER", "PHONE NUMBER ID", "PRIMARY", "VERIFIED"],
    found.holders.map((h) => [
      h.tenant_id,
      h.user_id,
      h.phone_number.id,
      h.phone_number.primary ? "yes" : "no",
      h.phone_number.verified_at ?? "no",
    ]),
    "nobody holds it",
  );
  const verifications = table(
    ["CREATED", "TENANT", "USER", "ID", "STATUS", "ATTEMPTS", "SENDS", "EXPIRES"],
    found.verifications.map((v) => [
      v.created_at,
      v.tenant_id,
      v.user_id ?? "(bare number)",
      v.id,
      v.status,
      `${v.attempts_used}/${v.max_attempts}`,
      String(v.sends_used),
      v.expires_at,
    ]),
    "none",
  );
  const messages = table(
    ["CREATED", "TENANT", "ID", "STATUS", "PROVIDER", "ERROR"],
    found.messages.map((m) => [m.created_at, m.tenant_id, m.id, m.status, m.provider ?? "-", m.error ?? "-"]),
    "none",
  );
  return [
    `${found.e164}\n`,
    `Holders\n${holders}`,
    `Verifications (newest first)\n${verifications}`,
    `Messages (newest first)\n${messages}`,
  ].join("\n");
}

/** `handset lookup <number>`: who holds a number, its verifications and messages. */
export function registerLookupCommand(program: Command, cli: OperatorCli): void {
  program
    .command("lookup")
    .description("Find who holds a phone number, with its recent verifications and messages")
    .argument("<number>", "the number, in E.164 (+33612345678) or national with --region")
    .option("--tenant <id>", "the tenant to search (default: the default tenant)", cli.parseTenant)
    .option("--all-tenants", "search every tenant")
    .option("--region <code>", "ISO region of a national number")
    .option("--json", "print the result as JSON (the HTTP API's answer)")
    .action(
      async (
        number: string,
        opts: { tenant?: string; allTenants?: boolean; region?: string; json?: boolean },
      ) => {
        if (opts.allTenants && opts.tenant !== undefined) {
          throw new UsageError("give --tenant or --all-tenants, not both");
        }
        const found = await runAsOperator(cli, opts.tenant, (h, caller) =>
          h.lookup.phoneNumber(caller, number, { allTenants: opts.allTenants === true, region: opts.region }),
        );
        const shown = presentLookup(found);
        if (opts.json) printJson(cli.io, shown);
        else cli.io.stdout(lookupText(shown));
      },
    );
}
