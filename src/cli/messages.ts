import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { isMessageStatusFilter, type MessageStatusFilter } from "../domain/message-status.js";
import { presentMessage } from "../surfaces/native/present.js";
import {
  type OperatorCli,
  parseLimit,
  pastTimeParser,
  printJson,
  runAsOperator,
  table,
} from "./operator-kit.js";

function parseStatuses(value: string): MessageStatusFilter[] {
  const statuses = value.split(",").map((s) => s.trim());
  for (const s of statuses) {
    if (!isMessageStatusFilter(s)) {
      throw new InvalidArgumentError(
        "one or more of queued, pending, sending, sent, delivered, undelivered, failed (comma-separated)",
      );
    }
  }
  return statuses as MessageStatusFilter[];
}

/** `handset messages list`: the tenant's SMS by delivery status; `--status failed,undelivered` for failures. */
export function registerMessageCommands(program: Command, cli: OperatorCli): void {
  const messages = program.command("messages").description("SMS messages and their delivery status");
  const past = pastTimeParser(cli, Date.now);
  messages
    .command("list")
    .description("List messages newest first, by status and time")
    .option("--tenant <id>", "the tenant (default: the default tenant)", cli.parseTenant)
    .option("--status <list>", "e.g. failed,undelivered (the delivery failures)", parseStatuses)
    .option(
      "--since <when>",
      "created at or after: ISO 8601, or a duration like 24h meaning that long ago",
      past,
    )
    .option("--until <when>", "created before: ISO 8601, or a duration like 1h meaning that long ago", past)
    .option("--limit <n>", "messages per page (1 to 500)", parseLimit, 50)
    .option("--after <cursor>", "the page after this cursor (printed as `more:`)")
    .option("--json", "print the result as JSON (the HTTP API's answer)")
    .action(
      async (opts: {
        tenant?: string;
        status?: MessageStatusFilter[];
        since?: number;
        until?: number;
        limit: number;
        after?: string;
        json?: boolean;
      }) => {
        const page = await runAsOperator(cli, opts.tenant, (h, caller) =>
          h.messages.list(caller, {
            status: opts.status,
            since: opts.since,
            until: opts.until,
            limit: opts.limit,
            after: opts.after,
          }),
        );
        const shown = { data: page.messages.map(presentMessage), next_cursor: page.nextCursor };
        if (opts.json) {
          printJson(cli.io, shown);
          return;
        }
        const text = table(
          ["CREATED", "ID", "TO", "STATUS", "PROVIDER", "ATTEMPTS", "ERROR"],
          shown.data.map((m) => [
            m.created_at,
            m.id,
            m.to,
            m.status,
            m.provider ?? "-",
            String(m.delivery_attempts),
            m.error ?? "-",
          ]),
          "no messages",
        );
        cli.io.stdout(shown.next_cursor === null ? text : `${text}more: --after ${shown.next_cursor}\n`);
      },
    );
}
