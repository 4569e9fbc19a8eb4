import type { Command } from "commander";
import { presentEvent } from "../surfaces/native/present-operator.js";
import {
  type OperatorCli,
  parseLimit,
  pastTimeParser,
  printJson,
  runAsOperator,
  table,
} from "./operator-kit.js";

/** The payload on one line, cut to keep the table readable; --json has it whole. */
function payloadText(payload: unknown): string {
  const text = JSON.stringify(payload) ?? "";
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `handset events list`: the tenant's event log, for an auditor. */
export function registerEventCommands(program: Command, cli: OperatorCli): void {
  const events = program.command("events").description("The event log (every change, who made it, when)");
  const past = pastTimeParser(cli, Date.now);
  events
    .command("list")
    .description("List events newest first, by user, type and time")
    .option("--tenant <id>", "the tenant (default: the default tenant)", cli.parseTenant)
    .option("--user <id>", "only this user's events")
    .option(
      "--type <type>",
      "an event type (phone_number.verified) or a prefix ending in '.' (phone_number.)",
    )
    .option("--since <when>", "at or after: ISO 8601, or a duration like 24h meaning that long ago", past)
    .option("--until <when>", "before: ISO 8601, or a duration like 1h meaning that long ago", past)
    .option("--limit <n>", "events per page (1 to 500)", parseLimit, 50)
    .option("--after <cursor>", "the page after this cursor (printed as `more:`)")
    .option("--json", "print the result as JSON (the HTTP API's answer)")
    .action(
      async (opts: {
        tenant?: string;
        user?: string;
        type?: string;
        since?: number;
        until?: number;
        limit: number;
        after?: string;
        json?: boolean;
      }) => {
        const page = await runAsOperator(cli, opts.tenant, (h, caller) =>
          h.events.list(caller, {
            userId: opts.user,
            type: opts.type,
            since: opts.since,
            until: opts.until,
            limit: opts.limit,
            after: opts.after,
          }),
        );
        const shown = { data: page.events.map(presentEvent), next_cursor: page.nextCursor };
        if (opts.json) {
          printJson(cli.io, shown);
          return;
        }
        const text = table(
          ["TIME", "TYPE", "AGGREGATE", "SEQ", "ACTOR", "PAYLOAD"],
          shown.data.map((e) => [
            e.created_at,
            e.type,
            `${e.aggregate_type}:${e.aggregate_id}`,
            String(e.sequence),
            e.actor,
            payloadText(e.payload),
          ]),
          "no events",
        );
        cli.io.stdout(shown.next_cursor === null ? text : `${text}more: --after ${shown.next_cursor}\n`);
      },
    );
}
