import { type Command, InvalidArgumentError } from "commander";
import type { VerifyServiceView } from "../services/verify-services.js";
import { presentVerifyService } from "../surfaces/native/verify-service-routes.js";
import { toServiceSid } from "../surfaces/twilio-verify/sids.js";
import { type OperatorCli, printJson, runAsOperator, table } from "./operator-kit.js";
import { formatBlock } from "./table.js";

/**
 * `--code-length 8`, or `--code-length default` for the tenant's length (kept as the word: commander
 * takes a parser's null for "no value").
 */
function parseCodeLength(value: string): number | "default" {
  if (value === "default") return value;
  if (!/^\d{1,2}$/.test(value)) throw new InvalidArgumentError("6 to 10, or default");
  return Number(value);
}

const codeLengthOf = (given: number | "default" | undefined) => (given === "default" ? null : given);

/** `--custom-codes on|off`. */
function parseOnOff(value: string): boolean {
  if (value === "on") return true;
  if (value === "off") return false;
  throw new InvalidArgumentError("on or off");
}

function serviceBlock(view: VerifyServiceView): string {
  const shown = presentVerifyService(view);
  return formatBlock([
    ["id", shown.id],
    ["twilio sid", toServiceSid(view.tenantId, view.id)],
    ["tenant", shown.tenant_id],
    ["name", shown.friendly_name],
    ["code length", shown.code_length === null ? "the tenant's" : String(shown.code_length)],
    ["custom codes", shown.custom_code_enabled ? "on" : "off"],
    ["created", shown.created_at],
    ["updated", shown.updated_at],
  ]);
}

interface Common {
  tenant?: string;
  json?: boolean;
}

interface CodeOptions {
  codeLength?: number | "default";
  customCodes?: boolean;
}

/**
 * `handset verify-services ...`: a tenant's verify services, Twilio Verify's Services (docs/verifications.md,
 * "Verify services"). The same use cases as `/v1/verify-services`; `--json` prints its answer.
 */
export function registerVerifyServiceCommands(program: Command, cli: OperatorCli): void {
  const services = program
    .command("verify-services")
    .description("Verify services: a name and code length of their own (Twilio Verify's Services)");
  const tenantOption = ["--tenant <id>", "the tenant (default: the default tenant)"] as const;
  const jsonOption = ["--json", "print the result as JSON (the HTTP API's answer)"] as const;
  const print = (view: VerifyServiceView, json?: boolean) => {
    if (json) printJson(cli.io, presentVerifyService(view));
    else cli.io.stdout(serviceBlock(view));
  };

  services
    .command("list")
    .description("List the tenant's verify services, oldest first")
    .option(...tenantOption, cli.parseTenant)
    .option(...jsonOption)
    .action(async (opts: Common) => {
      const all: VerifyServiceView[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await runAsOperator(cli, opts.tenant, (h, caller) =>
          h.verifyServices.list(caller, { limit: 100, after }),
        );
        all.push(...page);
        if (page.length < 100) break;
        after = page.at(-1)?.id;
      }
      if (opts.json) {
        printJson(cli.io, { data: all.map(presentVerifyService), next_cursor: null });
        return;
      }
      cli.io.stdout(
        table(
          ["ID", "TWILIO SID", "NAME", "CODE LENGTH"],
          all.map((v) => [
            v.id,
            toServiceSid(v.tenantId, v.id),
            v.friendlyName,
            v.settings.codeLength === null ? "tenant's" : String(v.settings.codeLength),
          ]),
          "no verify services (the tenant's default service is its own settings)",
        ),
      );
    });

  services
    .command("create")
    .description("Create a verify service")
    .requiredOption("--name <text>", "the app name its SMS say, 1 to 30 characters")
    .option("--code-length <digits>", "6 to 10, or default (the tenant's)", parseCodeLength)
    .option(
      "--custom-codes <on|off>",
      "let the app choose its verifications' codes (default off)",
      parseOnOff,
    )
    .option(...tenantOption, cli.parseTenant)
    .option(...jsonOption)
    .action(async (opts: Common & CodeOptions & { name: string }) => {
      const created = await runAsOperator(cli, opts.tenant, (h, caller) =>
        h.verifyServices.create(caller, {
          friendlyName: opts.name,
          codeLength: codeLengthOf(opts.codeLength),
          customCodeEnabled: opts.customCodes,
        }),
      );
      print(created, opts.json);
    });

  services
    .command("show <id>")
    .description("Show one verify service")
    .option(...tenantOption, cli.parseTenant)
    .option(...jsonOption)
    .action(async (id: string, opts: Common) => {
      print(
        await runAsOperator(cli, opts.tenant, (h, caller) => h.verifyServices.get(caller, id)),
        opts.json,
      );
    });

  services
    .command("update <id>")
    .description("Rename a verify service, change its code length, or turn custom codes on or off")
    .option("--name <text>", "a new name")
    .option("--code-length <digits>", "6 to 10, or default (the tenant's)", parseCodeLength)
    .option("--custom-codes <on|off>", "let the app choose its verifications' codes", parseOnOff)
    .option(...tenantOption, cli.parseTenant)
    .option(...jsonOption)
    .action(async (id: string, opts: Common & CodeOptions & { name?: string }) => {
      const updated = await runAsOperator(cli, opts.tenant, (h, caller) =>
        h.verifyServices.update(caller, id, {
          friendlyName: opts.name,
          codeLength: codeLengthOf(opts.codeLength),
          customCodeEnabled: opts.customCodes,
        }),
      );
      print(updated, opts.json);
    });

  services
    .command("delete <id>")
    .description("Delete a verify service; its open verifications are canceled")
    .option(...tenantOption, cli.parseTenant)
    .option(...jsonOption)
    .action(async (id: string, opts: Common) => {
      const { canceledVerifications } = await runAsOperator(cli, opts.tenant, (h, caller) =>
        h.verifyServices.remove(caller, id),
      );
      if (opts.json) {
        printJson(cli.io, { id, deleted: true, canceled_verifications: canceledVerifications });
        return;
      }
      cli.io.stdout(`deleted ${id}; open verifications canceled: ${canceledVerifications}\n`);
    });
}
