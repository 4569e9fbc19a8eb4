import { type Command, InvalidArgumentError } from "commander";
import type { WebhookEndpointView } from "../services/webhook-endpoints.js";
import {
  presentWebhookDelivery,
  presentWebhookDeliveryDetail,
  presentWebhookEndpoint,
  presentWebhookEndpointWithSecret,
} from "../surfaces/native/present-webhooks.js";
import { isoOrDash, type OperatorCli, printJson, runAsOperator, table } from "./operator-kit.js";
import { formatBlock } from "./table.js";

/** `--events phone_number.verified,sms.failed` or `--events '*'`. */
function parseEvents(value: string): string[] {
  const types = value.split(/[,\s]+/).filter((t) => t.length > 0);
  if (types.length === 0) throw new InvalidArgumentError("give at least one event type, or *");
  return types;
}

function parsePage(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 100)
    throw new InvalidArgumentError("a whole number from 1 to 100");
  return n;
}

function endpointBlock(e: ReturnType<typeof presentWebhookEndpoint>): string {
  return formatBlock([
    ["id", e.id],
    ["tenant", e.tenant_id],
    ["url", e.url],
    ["description", e.description || "-"],
    ["events", e.event_types.join(" ")],
    ["enabled", e.enabled ? "yes" : `no (${e.disabled_reason ?? "disabled"}, ${isoOrDash(e.disabled_at)})`],
    ["failing since", isoOrDash(e.failing_since)],
    ["created", e.created_at],
  ]);
}

interface Common {
  tenant?: string;
  json?: boolean;
}

/** `handset webhooks ...`: the tenant's app webhook endpoints and their delivery log (docs/webhooks.md). */
export function registerWebhookCommands(program: Command, cli: OperatorCli): void {
  const webhooks = program
    .command("webhooks")
    .description("Webhook endpoints of the app: events POSTed to its URL, signed (docs/webhooks.md)");
  const tenantOption = ["--tenant <id>", "the tenant (default: the default tenant)"] as const;
  const jsonOption = ["--json", "print the result as JSON (the HTTP API's answer)"] as const;

  const printEndpoint = (shown: ReturnType<typeof presentWebhookEndpoint>, json?: boolean) => {
    if (json) printJson(cli.io, shown);
    else cli.io.stdout(endpointBlock(shown));
  };

  webhooks
    .command("list")
    .description("List the tenant's webhook endpoints")
    .option(...tenantOption, cli.parseTenant)
    .option(...jsonOption)
    .action(async (opts: Common) => {
      const all: WebhookEndpointView[] = [];
      let after: string | undefined;
      do {
        const page = await runAsOperator(cli, opts.tenant, (h, caller) =>
          h.webhooks.list(caller, { limit: 100, after }),
        );
        all.push(...page.endpoints);
        after = page.nextCursor ?? undefined;
      } while (after !== undefined);
      const shown = all.map(presentWebhookEndpoint);
      if (opts.json) {
        printJson(cli.io, { data: shown, next_cursor: null });
        return;
      }
      cli.io.stdout(
        table(
          ["ID", "ENABLED", "EVENTS", "URL"],
          shown.map((e) => [e.id, e.enabled ? "yes" : "no", e.event_types.join(","), e.url]),
          "no webhook endpoints",
        ),
      );
    });

  webhooks
    .command("create")
    .description("Register an endpoint and print its signing secret once")
    .requiredOption("--url <url>", "where events are POSTed (http or https)")
    .requiredOption("--events <types>", "comma-separated event types, or '*' for all", parseEvents)
    .option("--description <text>", "a note to tell endpoints apart")
    .option(...tenantOption, cli.parseTenant)
    .option(...jsonOption)
    .action(async (opts: Common & { url: string; events: string[]; description?: string }) => {
      const created = await runAsOperator(cli, opts.tenant, (h, caller) =>
        h.webhooks.create(caller, { url: opts.url, eventTypes: opts.events, description: opts.description }),
      );
      const shown = presentWebhookEndpointWithSecret(created);
      if (opts.json) {
        printJson(cli.io, shown);
        return;
      }
      cli.io.stdout(`${endpointBlock(shown)}secret:         ${shown.secret}\n`);
      cli.io.stdout("\nThe secret is shown this once: verify each webhook's signature with it.\n");
    });

  webhooks
    .command("show <id>")
    .description("Show one endpoint (never its secret)")
    .option(...tenantOption, cli.parseTenant)
    .option(...jsonOption)
    .action(async (id: string, opts: Common) => {
      const found = await runAsOperator(cli, opts.tenant, (h, caller) => h.webhooks.get(caller, id));
      printEndpoint(presentWebhookEndpoint(found), opts.json);
    });

  webhooks
    .command("update <id>")
    .description("Change an endpoint's URL, event types or description, or enable or disable it")
    .option("--url <url>", "a new URL")
    .option("--events <types>", "comma-separated event types, or '*'", parseEvents)
    .option("--description <text>", "a new description")
    .option("--enable", "turn the endpoint on (ends its run of failures)")
    .option("--disable", "turn the endpoint off")
    .option(...tenantOption, cli.parseTenant)
    .option(...jsonOption)
    .action(
      async (
        id: string,
        opts: Common & {
          url?: string;
          events?: string[];
          description?: string;
          enable?: boolean;
          disable?: boolean;
        },
      ) => {
        if (opts.enable && opts.disable) throw new InvalidArgumentError("--enable or --disable, not both");
        const enabled = opts.enable ? true : opts.disable ? false : undefined;
        const updated = await runAsOperator(cli, opts.tenant, (h, caller) =>
          h.webhooks.update(caller, id, {
            url: opts.url,
            eventTypes: opts.events,
            description: opts.description,
            enabled,
          }),
        );
        printEndpoint(presentWebhookEndpoint(updated), opts.json);
      },
    );

  webhooks
    .command("rotate-secret <id>")
    .description("Give an endpoint a new secret (the old one also signs for 24 hours) and print it once")
    .option(...tenantOption, cli.parseTenant)
    .option(...jsonOption)
    .action(async (id: string, opts: Common) => {
      const rotated = await runAsOperator(cli, opts.tenant, (h, caller) =>
        h.webhooks.rotateSecret(caller, id),
      );
      const shown = presentWebhookEndpointWithSecret(rotated);
      if (opts.json) printJson(cli.io, shown);
      else cli.io.stdout(`secret: ${shown.secret}\n\nThe old secret also signs for 24 hours.\n`);
    });

  webhooks
    .command("delete <id>")
    .description("Delete an endpoint with its delivery log")
    .option(...tenantOption, cli.parseTenant)
    .option(...jsonOption)
    .action(async (id: string, opts: Common) => {
      await runAsOperator(cli, opts.tenant, (h, caller) => h.webhooks.remove(caller, id));
      if (opts.json) printJson(cli.io, { id, deleted: true });
      else cli.io.stdout(`deleted ${id}\n`);
    });

  webhooks
    .command("deliveries <endpoint-id> [delivery-id]")
    .description("An endpoint's delivery log, newest first; with a delivery id, that delivery's attempts")
    .option("--status <status>", "only pending, sending, succeeded or failed deliveries")
    .option("--limit <n>", "deliveries per page (1 to 100)", parsePage, 50)
    .option("--after <cursor>", "the page after this cursor (printed as `more:`)")
    .option(...tenantOption, cli.parseTenant)
    .option(...jsonOption)
    .action(
      async (
        endpointId: string,
        deliveryId: string | undefined,
        opts: Common & { status?: string; limit: number; after?: string },
      ) => {
        if (deliveryId !== undefined) {
          const detail = await runAsOperator(cli, opts.tenant, (h, caller) =>
            h.webhookDeliveries.get(caller, endpointId, deliveryId),
          );
          const shown = presentWebhookDeliveryDetail(detail);
          if (opts.json) {
            printJson(cli.io, shown);
            return;
          }
          cli.io.stdout(
            formatBlock([
              ["id", shown.id],
              ["event", `${shown.event_type} ${shown.event_id}`],
              ["status", shown.status],
              ["attempts", String(shown.attempts)],
              ["next try", isoOrDash(shown.next_attempt_at)],
            ]),
          );
          cli.io.stdout(
            `\n${table(
              ["#", "STARTED", "MS", "STATUS", "OUTCOME", "NEXT TRY", "ERROR"],
              shown.attempt_log.map((a) => [
                String(a.attempt),
                a.started_at,
                String(a.duration_ms),
                a.status_code === null ? "-" : String(a.status_code),
                a.outcome,
                isoOrDash(a.next_attempt_at),
                a.error ?? "",
              ]),
              "no attempts yet",
            )}`,
          );
          return;
        }
        const page = await runAsOperator(cli, opts.tenant, (h, caller) =>
          h.webhookDeliveries.list(caller, endpointId, {
            status: opts.status,
            limit: opts.limit,
            after: opts.after,
          }),
        );
        const shown = { data: page.deliveries.map(presentWebhookDelivery), next_cursor: page.nextCursor };
        if (opts.json) {
          printJson(cli.io, shown);
          return;
        }
        const text = table(
          ["ID", "CREATED", "EVENT", "STATUS", "ATTEMPTS", "LAST", "NEXT TRY"],
          shown.data.map((d) => [
            d.id,
            d.created_at,
            d.event_type,
            d.status,
            String(d.attempts),
            d.last_status_code === null ? (d.last_error ?? "-") : String(d.last_status_code),
            isoOrDash(d.next_attempt_at),
          ]),
          "no deliveries",
        );
        cli.io.stdout(shown.next_cursor === null ? text : `${text}more: --after ${shown.next_cursor}\n`);
      },
    );

  webhooks
    .command("replay <endpoint-id> <delivery-id>")
    .description("Send a delivery again (a running server's worker sends it within a second)")
    .option(...tenantOption, cli.parseTenant)
    .option(...jsonOption)
    .action(async (endpointId: string, deliveryId: string, opts: Common) => {
      const replayed = await runAsOperator(cli, opts.tenant, (h, caller) =>
        h.webhookDeliveries.replay(caller, endpointId, deliveryId),
      );
      const shown = presentWebhookDelivery(replayed);
      if (opts.json) printJson(cli.io, shown);
      else cli.io.stdout(`${shown.id}: ${shown.status}, next try ${isoOrDash(shown.next_attempt_at)}\n`);
    });
}
