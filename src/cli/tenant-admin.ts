import { type Command, InvalidArgumentError } from "commander";
import type { Config } from "../config.js";
import type { Caller } from "../services/caller.js";
import type { Handset } from "../services/handset.js";
import type { TenantDetail } from "../services/tenants.js";
import { presentTenant, presentTenantDetail } from "../surfaces/native/present-admin.js";
import type { CliIo } from "./main.js";
import { formatBlock, formatTable } from "./table.js";

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new InvalidArgumentError("a page holds 1 to 100 items");
  }
  return limit;
}

function tenantBlock(t: TenantDetail): string {
  return formatBlock([
    ["id", t.id],
    ["name", t.name],
    ["default", t.isDefault ? "yes (HANDSET_DEFAULT_TENANT)" : "no"],
    ["created", new Date(t.createdAt).toISOString()],
    ["users", String(t.counts.users)],
    ["phone numbers", String(t.counts.phoneNumbers)],
    ["active keys", String(t.counts.activeKeys)],
    ["active tokens", String(t.counts.activeTokens)],
  ]);
}

/**
 * `handset tenants list|show|create|delete`, beside `tenants settings`: the operator's commands,
 * through the same service as the admin API's /v1/tenants (the CLI holds tenants:manage).
 */
export function registerTenantAdminCommands(
  tenants: Command,
  io: CliIo,
  config: () => Promise<Config>,
  parseTenant: (value: string) => string,
): void {
  const run = async <T>(task: (h: Handset, operator: Caller) => Promise<T>) => {
    const cfg = await config();
    const [{ withHandset }, { systemCaller }] = await Promise.all([
      import("./offline.js"),
      import("../services/caller.js"),
    ]);
    return withHandset(cfg, (h) => task(h, systemCaller(cfg.defaultTenant)));
  };
  const printDetail = (t: TenantDetail, json: boolean) =>
    io.stdout(json ? `${JSON.stringify(presentTenantDetail(t))}\n` : tenantBlock(t));

  tenants
    .command("list")
    .description("List tenants by id")
    .option("--limit <n>", "how many (1 to 100)", parseLimit, 50)
    .option("--after <cursor>", "the next_cursor of the previous page")
    .option("--json", "print the result as JSON (the API's shape)")
    .action(async (opts: { limit: number; after?: string; json?: boolean }) => {
      const page = await run((h, operator) =>
        h.tenants.list(operator, { limit: opts.limit, after: opts.after }),
      );
      if (opts.json) {
        io.stdout(
          `${JSON.stringify({ data: page.tenants.map(presentTenant), next_cursor: page.nextCursor })}\n`,
        );
        return;
      }
      const rows = page.tenants.map((t) => [
        t.id,
        t.name,
        new Date(t.createdAt).toISOString(),
        t.isDefault ? "default" : "",
      ]);
      io.stdout(formatTable(["ID", "NAME", "CREATED", ""], rows));
      if (page.nextCursor) io.stdout(`more: --after ${page.nextCursor}\n`);
    });

  tenants
    .command("show")
    .description("Show a tenant, with how many users, numbers, keys and tokens it holds")
    .argument("<id>", "the tenant's id", parseTenant)
    .option("--json", "print the result as JSON (the API's shape)")
    .action(async (id: string, opts: { json?: boolean }) => {
      printDetail(await run((h, operator) => h.tenants.get(operator, id)), opts.json === true);
    });

  tenants
    .command("create")
    .description("Create a tenant (then give it a key: handset keys create --tenant <id>)")
    .argument("<id>", "1 to 64 letters, digits, '_' or '-'", parseTenant)
    .option("--name <name>", "a display name (default: the id)")
    .option("--json", "print the result as JSON (the API's shape)")
    .action(async (id: string, opts: { name?: string; json?: boolean }) => {
      printDetail(
        await run((h, operator) => h.tenants.create(operator, { id, name: opts.name })),
        opts.json === true,
      );
    });

  tenants
    .command("delete")
    .description(
      "Delete a tenant and everything it holds (users, numbers, messages, events, keys, settings), in one transaction",
    )
    .argument("<id>", "the tenant's id", parseTenant)
    .requiredOption("--confirm <id>", "the tenant's id again: nothing is deleted without it")
    .option("--json", "print what was deleted as JSON (the API's shape)")
    .action(async (id: string, opts: { confirm: string; json?: boolean }) => {
      const deleted = await run((h, operator) => h.tenants.delete(operator, id, { confirm: opts.confirm }));
      if (!opts.json) io.stderr(`deleted tenant ${id} and everything it held\n`);
      printDetail(deleted, opts.json === true);
    });
}
