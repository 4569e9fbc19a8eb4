import { type Command, InvalidArgumentError, Option } from "commander";
import type { Config } from "../config.js";
import { HandsetError } from "../domain/errors.js";
import { isScope, type Scope } from "../domain/scopes.js";
import type { Caller } from "../services/caller.js";
import type { CredentialView, IssuedCredential } from "../services/credentials.js";
import type { Handset } from "../services/handset.js";
import { toClerkSecretKey } from "../surfaces/clerk/secret-key.js";
import { presentCredential, presentIssuedCredential } from "../surfaces/native/present-admin.js";
import { type TwilioCredentials, toTwilioCredentials } from "../surfaces/twilio-verify/credentials.js";
import { parseExpiry } from "./expiry.js";
import type { CliIo } from "./main.js";
import { formatBlock, formatTable } from "./table.js";
import { UsageError } from "./usage-error.js";

type Kind = CredentialView["kind"];
const NOUN: Record<Kind, string> = { admin_key: "admin key", user_token: "user token" };

function parseScopes(value: string): Scope[] {
  const scopes = value.split(/[,\s]+/).filter((s) => s.length > 0);
  // A credential without scopes can do nothing: an empty list is a slip, not a wish.
  if (scopes.length === 0) throw new InvalidArgumentError("give at least one scope");
  for (const scope of scopes) {
    if (!isScope(scope)) throw new InvalidArgumentError(`unknown scope ${scope}`);
  }
  return scopes as Scope[];
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new InvalidArgumentError("a page holds 1 to 100 items");
  }
  return limit;
}

function expiryOption(value: string | undefined): number | null {
  if (value === undefined) return null;
  try {
    return parseExpiry(value, Date.now());
  } catch (error) {
    throw new UsageError(`option '--expires <when>': ${(error as Error).message}`);
  }
}

const time = (ms: number | null, none: string) => (ms === null ? none : new Date(ms).toISOString());

function printIssued(io: CliIo, issued: IssuedCredential, json: boolean, twilio?: TwilioCredentials): void {
  if (json) {
    io.stdout(`${JSON.stringify({ ...presentIssuedCredential(issued), ...twilio })}\n`);
    return;
  }
  io.stdout(
    formatBlock([
      ["id", issued.id],
      ["tenant", issued.tenantId],
      ...(issued.userId ? [["user", issued.userId] as const] : []),
      ["name", issued.name],
      ["scopes", issued.scopes.join(" ")],
      ["expires", time(issued.expiresAt, "never")],
      ...(twilio
        ? ([
            ["account_sid", twilio.account_sid],
            ["auth_token", twilio.auth_token],
          ] as const)
        : ([["secret", issued.secret]] as const)),
    ]),
  );
  io.stdout("\nThe secret is shown this once; Handset keeps only its hash.\n");
}

function credentialBlock(c: CredentialView): string {
  return formatBlock([
    ["id", c.id],
    ["kind", NOUN[c.kind]],
    ["tenant", c.tenantId],
    ...(c.userId ? [["user", c.userId] as const] : []),
    ["name", c.name],
    ["scopes", c.scopes.join(" ")],
    ["hint", `${c.hint}…`],
    ["created", time(c.createdAt, "")],
    ["expires", time(c.expiresAt, "never")],
    ["revoked", time(c.revokedAt, "no")],
    ["last used", c.lastUsedAt === null ? "never" : `${time(c.lastUsedAt, "")} (within a minute)`],
  ]);
}

function credentialTable(list: readonly CredentialView[], kind: Kind): string {
  const status = (c: CredentialView) =>
    c.revokedAt !== null
      ? "revoked"
      : c.expiresAt !== null && c.expiresAt <= Date.now()
        ? "expired"
        : "active";
  const headers = [
    "ID",
    ...(kind === "user_token" ? ["USER"] : []),
    "NAME",
    "HINT",
    "STATUS",
    "EXPIRES",
    "LAST USED",
  ];
  const rows = list.map((c) => [
    c.id,
    ...(kind === "user_token" ? [c.userId ?? ""] : []),
    c.name,
    `${c.hint}…`,
    status(c),
    time(c.expiresAt, "never"),
    time(c.lastUsedAt, "never"),
  ]);
  return formatTable(headers, rows);
}

interface Common {
  tenant?: string;
  json?: boolean;
}

/**
 * `list`, `show` and `revoke` under `handset keys` or `handset tokens`, each for its own kind: an id
 * of the other kind is answered as not found, so a slip of the command cannot revoke the wrong thing.
 */
function registerKindCommands(
  group: Command,
  kind: Kind,
  io: CliIo,
  config: () => Promise<Config>,
  parseTenant: (value: string) => string,
): void {
  const run = async <T>(opts: Common, task: (h: Handset, caller: Caller) => Promise<T>) => {
    const cfg = await config();
    const [{ withHandset }, { systemCaller }] = await Promise.all([
      import("./offline.js"),
      import("../services/caller.js"),
    ]);
    const caller = systemCaller(opts.tenant ?? cfg.defaultTenant);
    return withHandset(cfg, (h) => task(h, caller));
  };
  const ofKind = async (h: Handset, caller: Caller, id: string) => {
    const found = await h.credentials.get(caller, id);
    if (found.kind !== kind) throw new HandsetError("CREDENTIAL_NOT_FOUND", `No ${NOUN[kind]} ${id}.`);
    return found;
  };
  const print = (c: CredentialView, json: boolean) =>
    io.stdout(json ? `${JSON.stringify(presentCredential(c))}\n` : credentialBlock(c));

  const list = group
    .command("list")
    .description(`List the tenant's ${NOUN[kind]}s, newest first (never a secret)`)
    .option("--tenant <id>", "the tenant (default: HANDSET_DEFAULT_TENANT)", parseTenant);
  if (kind === "user_token") list.option("--user <id>", "only this user's tokens");
  list
    .option("--all", "include revoked ones")
    .option("--limit <n>", "how many (1 to 100)", parseLimit, 50)
    .option("--after <cursor>", "the next_cursor of the previous page")
    .option("--json", "print the result as JSON (the API's shape)")
    .action(async (opts: Common & { user?: string; all?: boolean; limit: number; after?: string }) => {
      const page = await run(opts, (h, caller) =>
        h.credentials.list(caller, {
          kind,
          userId: opts.user,
          includeRevoked: opts.all === true,
          limit: opts.limit,
          after: opts.after,
        }),
      );
      if (opts.json) {
        const body = { data: page.credentials.map(presentCredential), next_cursor: page.nextCursor };
        io.stdout(`${JSON.stringify(body)}\n`);
        return;
      }
      io.stdout(
        page.credentials.length > 0 ? credentialTable(page.credentials, kind) : `no ${NOUN[kind]}s\n`,
      );
      if (page.nextCursor) io.stdout(`more: --after ${page.nextCursor}\n`);
    });

  group
    .command("show")
    .description(`Show one ${NOUN[kind]}, with its last use (within a minute)`)
    .argument("<id>", "its id (cred_...)")
    .option("--tenant <id>", "the tenant (default: HANDSET_DEFAULT_TENANT)", parseTenant)
    .option("--json", "print the result as JSON (the API's shape)")
    .action(async (id: string, opts: Common) => {
      print(await run(opts, (h, caller) => ofKind(h, caller, id)), opts.json === true);
    });

  group
    .command("revoke")
    .description(`Revoke a ${NOUN[kind]}: every Handset process refuses it from its next request`)
    .argument("<id>", "its id (cred_...)")
    .option("--tenant <id>", "the tenant (default: HANDSET_DEFAULT_TENANT)", parseTenant)
    .option("--json", "print the result as JSON (the API's shape)")
    .action(async (id: string, opts: Common) => {
      const revoked = await run(opts, async (h, caller) => {
        await ofKind(h, caller, id);
        return h.credentials.revoke(caller, id);
      });
      print(revoked, opts.json === true);
    });
}

/** `handset keys ...` and `handset tokens ...`: straight on the database, through the admin API's services. */
export function registerCredentialCommands(
  program: Command,
  io: CliIo,
  config: () => Promise<Config>,
  parseTenant: (value: string) => string,
): void {
  const keys = program.command("keys").description("Admin API keys (tenant-wide)");
  keys
    .command("create")
    .description("Create an admin API key and print its secret once")
    .option("--tenant <id>", "tenant the key belongs to (created if missing)", parseTenant)
    .option("--name <name>", "a label to tell keys apart")
    .option(
      "--scopes <list>",
      "comma-separated scopes (default: all but tenants:manage and codes:return)",
      parseScopes,
    )
    .addOption(
      new Option("--expires <when>", "expiry: a duration like 90d or an ISO 8601 time (default: never)"),
    )
    .option("--json", "print the result as JSON (the API's shape)")
    .addOption(
      new Option(
        "--format <format>",
        "the secret's form: handset (hsk_...), clerk (a Clerk secret key for @clerk/backend) or " +
          "twilio (an account_sid and auth_token for the twilio SDK's Verify)",
      )
        .choices(["handset", "clerk", "twilio"])
        .default("handset"),
    )
    .action(
      async (opts: {
        tenant?: string;
        name?: string;
        scopes?: Scope[];
        expires?: string;
        json?: boolean;
        format: string;
      }) => {
        const cfg = await config();
        const expiresAt = expiryOption(opts.expires);
        const { withHandset } = await import("./offline.js");
        const issued = await withHandset(cfg, (h) =>
          h.credentials.issueAdminKey({
            tenantId: opts.tenant ?? cfg.defaultTenant,
            name: opts.name,
            scopes: opts.scopes,
            expiresAt,
          }),
        );
        const shown =
          opts.format === "clerk"
            ? { ...issued, secret: toClerkSecretKey(issued.secret, cfg.production) }
            : issued;
        const twilio =
          opts.format === "twilio" ? toTwilioCredentials(issued.tenantId, issued.secret) : undefined;
        printIssued(io, shown, opts.json === true, twilio);
      },
    );
  registerKindCommands(keys, "admin_key", io, config, parseTenant);

  const tokens = program.command("tokens").description("User tokens (one user, a set of scopes, an expiry)");
  tokens
    .command("create")
    .description("Create a token for one user and print its secret once")
    .requiredOption("--user <id>", "the user's id (the user appears on the token's first use)")
    .option("--tenant <id>", "tenant of the user", parseTenant)
    .option("--name <name>", "a label to tell tokens apart")
    .option(
      "--scopes <list>",
      "comma-separated scopes (default: phone:read,phone:write,phone:verify)",
      parseScopes,
    )
    .addOption(
      new Option("--expires <when>", "expiry: a duration like 30d or an ISO 8601 time (default: never)"),
    )
    .option("--json", "print the result as JSON (the API's shape)")
    .action(
      async (opts: {
        user: string;
        tenant?: string;
        name?: string;
        scopes?: Scope[];
        expires?: string;
        json?: boolean;
      }) => {
        const cfg = await config();
        const expiresAt = expiryOption(opts.expires);
        const { withHandset } = await import("./offline.js");
        const issued = await withHandset(cfg, (h) =>
          h.credentials.issueUserToken({
            tenantId: opts.tenant ?? cfg.defaultTenant,
            userId: opts.user,
            name: opts.name,
            scopes: opts.scopes,
            expiresAt,
          }),
        );
        printIssued(io, issued, opts.json === true);
      },
    );
  registerKindCommands(tokens, "user_token", io, config, parseTenant);
}
