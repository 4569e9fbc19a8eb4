import type { Command } from "commander";
import { presentUser } from "../surfaces/native/present.js";
import { type OperatorCli, parseLimit, printJson, runAsOperator, table } from "./operator-kit.js";
import { UsageError } from "./usage-error.js";

type User = ReturnType<typeof presentUser>;

function usersText(users: readonly User[], nextCursor: string | null): string {
  const rows = users.map((u) => [
    u.id,
    u.external_id ?? "-",
    String(u.phone_numbers.length),
    String(u.phone_numbers.filter((p) => p.verified).length),
    u.phone_numbers.find((p) => p.primary)?.phone_number ?? "-",
    u.created_at,
  ]);
  const text = table(["ID", "EXTERNAL ID", "NUMBERS", "VERIFIED", "PRIMARY", "CREATED"], rows, "no users");
  return nextCursor === null ? text : `${text}more: --after ${nextCursor}\n`;
}

function userText(u: User): string {
  const numbers = table(
    ["ID", "NUMBER", "PRIMARY", "VERIFIED", "SECOND FACTOR"],
    u.phone_numbers.map((p) => [
      p.id,
      p.phone_number,
      p.primary ? "yes" : "no",
      p.verified_at ?? "no",
      p.default_second_factor ? "default" : p.reserved_for_second_factor ? "yes" : "no",
    ]),
    "no phone numbers",
  );
  return [
    `id:          ${u.id}`,
    `external id: ${u.external_id ?? "-"}`,
    `created:     ${u.created_at}`,
    `updated:     ${u.updated_at}`,
    "",
    numbers,
  ].join("\n");
}

/** `handset users list|show|delete`: the admin API's users, as an operator. */
export function registerUserCommands(program: Command, cli: OperatorCli): void {
  const users = program.command("users").description("Users of a tenant");
  const tenantOption = ["--tenant <id>", "the user's tenant (default: the default tenant)"] as const;

  users
    .command("list")
    .description("List users in id order, by number or verified state")
    .option(...tenantOption, cli.parseTenant)
    .option("--phone-number <number>", "only the user holding this number (E.164)")
    .option("--verified", "only users with at least one verified number")
    .option("--unverified", "only users with no verified number")
    .option("--limit <n>", "users per page (1 to 500)", parseLimit, 50)
    .option("--after <cursor>", "the page after this cursor (printed as `more:`)")
    .option("--json", "print the result as JSON (the HTTP API's answer)")
    .action(
      async (opts: {
        tenant?: string;
        phoneNumber?: string;
        verified?: boolean;
        unverified?: boolean;
        limit: number;
        after?: string;
        json?: boolean;
      }) => {
        if (opts.verified && opts.unverified)
          throw new UsageError("give --verified or --unverified, not both");
        const verified = opts.verified ? true : opts.unverified ? false : undefined;
        const page = await runAsOperator(cli, opts.tenant, (h, caller) =>
          h.users.list(caller, {
            limit: opts.limit,
            after: opts.after,
            phoneNumber: opts.phoneNumber,
            verified,
          }),
        );
        const shown = { data: page.users.map(presentUser), next_cursor: page.nextCursor };
        if (opts.json) printJson(cli.io, shown);
        else cli.io.stdout(usersText(shown.data, shown.next_cursor));
      },
    );

  users
    .command("show")
    .description("Show a user and its phone numbers")
    .argument("<id>", "the user's id")
    .option(...tenantOption, cli.parseTenant)
    .option("--json", "print the result as JSON (the HTTP API's answer)")
    .action(async (id: string, opts: { tenant?: string; json?: boolean }) => {
      const user = presentUser(await runAsOperator(cli, opts.tenant, (h, caller) => h.users.get(caller, id)));
      if (opts.json) printJson(cli.io, user);
      else cli.io.stdout(userText(user));
    });

  users
    .command("delete")
    .description("Delete a user with its numbers; cancels its verifications and revokes its tokens")
    .argument("<id>", "the user's id")
    .option(...tenantOption, cli.parseTenant)
    .option("--json", "print the result as JSON (the HTTP API's answer)")
    .action(async (id: string, opts: { tenant?: string; json?: boolean }) => {
      const result = await runAsOperator(cli, opts.tenant, (h, caller) => h.users.remove(caller, id));
      const shown = { id: result.id, deleted: true, removed_phone_numbers: result.removedPhoneNumbers };
      if (opts.json) printJson(cli.io, shown);
      else cli.io.stdout(`deleted user ${shown.id} and its ${shown.removed_phone_numbers} phone number(s)\n`);
    });
}
