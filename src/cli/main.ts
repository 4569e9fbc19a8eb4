import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { openConfiguredStore, StartupRefused } from "../app/core.js";
import { type Config, ConfigError, loadConfig } from "../config.js";
import { isHandsetError } from "../domain/errors.js";
import { isScope, type Scope } from "../domain/scopes.js";
import type { IssuedCredential } from "../services/credentials.js";
import { migrateToLatest } from "../store/migrate.js";
import { toClerkSecretKey } from "../surfaces/clerk/secret-key.js";
import { withHandset } from "./offline.js";
import { registerPhoneCommands } from "./phone.js";
import { serve } from "./serve.js";

/** Exit codes: 0 done, 1 the task failed, 2 the command line (or configuration) is wrong. */
const EXIT_USAGE = 2;

class UsageError extends Error {}

function parseScopes(value: string): Scope[] {
  const scopes = value.split(/[,\s]+/).filter((s) => s.length > 0);
  // A credential without scopes can do nothing: an empty list is a slip, not a wish.
  if (scopes.length === 0) throw new InvalidArgumentError("give at least one scope");
  for (const scope of scopes) {
    if (!isScope(scope)) throw new InvalidArgumentError(`unknown scope ${scope}`);
  }
  return scopes as Scope[];
}

/** The same shape HANDSET_DEFAULT_TENANT takes, so every tenant can be named in configuration too. */
const TENANT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function parseTenant(value: string): string {
  if (!TENANT_ID_PATTERN.test(value)) {
    throw new InvalidArgumentError("a tenant id has 1 to 64 letters, digits, '_' or '-'");
  }
  return value;
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** `30d`, `12h`, `90m`, or an ISO 8601 time. */
export function parseExpiry(value: string, now: number): number {
  const at = readExpiry(value, now);
  // Outside the range of a Date the credential would be stored and its expiry then unprintable.
  if (at === undefined || Number.isNaN(new Date(at).getTime())) {
    throw new InvalidArgumentError("expected a duration like 30d or an ISO 8601 time");
  }
  return at;
}

function readExpiry(value: string, now: number): number | undefined {
  const relative = /^(\d+)([smhd])$/.exec(value);
  if (relative) {
    const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2] as "s" | "m" | "h" | "d"];
    return now + Number(relative[1]) * unit;
  }
  // Date.parse alone takes `12` for December 2001 and rolls 30 February into March.
  const iso = ISO_8601.exec(value);
  if (!iso) return undefined;
  const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
}

function config(): Config {
  return loadConfig(process.env);
}

function printCredential(issued: IssuedCredential, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(issued)}\n`);
    return;
  }
  const lines = [
    `id:       ${issued.id}`,
    `tenant:   ${issued.tenantId}`,
    ...(issued.userId ? [`user:     ${issued.userId}`] : []),
    `scopes:   ${issued.scopes.join(" ")}`,
    `expires:  ${issued.expiresAt === null ? "never" : new Date(issued.expiresAt).toISOString()}`,
    `secret:   ${issued.secret}`,
    "",
    "The secret is shown this once; Handset keeps only its hash.",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

export function buildCli(): Command {
  const program = new Command("handset")
    .description("Handset: users' phone numbers, proven with SMS one-time codes.")
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({
      outputError: (message, write) => write(`handset: ${message.replace(/^error: /, "").trim()}\n`),
    });

  program
    .command("serve")
    .description("Run the HTTP server (configured by environment variables; see README)")
    .action(async () => serve(config()));

  program
    .command("migrate")
    .description("Bring the database schema to the latest version, then exit")
    .action(async () => {
      const store = openConfiguredStore(config(), 1);
      try {
        const { applied } = await migrateToLatest(store.db);
        process.stdout.write(applied.length ? `applied: ${applied.join(", ")}\n` : "schema is up to date\n");
      } finally {
        await store.close();
      }
    });

  const keys = program.command("keys").description("Admin API keys (tenant-wide)");
  keys
    .command("create")
    .description("Create an admin API key and print its secret once")
    .option("--tenant <id>", "tenant the key belongs to (created if missing)", parseTenant)
    .option("--name <name>", "a label to tell keys apart")
    .option("--scopes <list>", "comma-separated scopes (default: all)", parseScopes)
    .option("--json", "print the result as JSON")
    .addOption(
      new Option(
        "--format <format>",
        "the secret's form: handset (hsk_...) or clerk (a Clerk secret key for @clerk/backend)",
      )
        .choices(["handset", "clerk"])
        .default("handset"),
    )
    .action(
      async (opts: { tenant?: string; name?: string; scopes?: Scope[]; json?: boolean; format: string }) => {
        const cfg = config();
        const issued = await withHandset(cfg, (h) =>
          h.credentials.issueAdminKey({
            tenantId: opts.tenant ?? cfg.defaultTenant,
            name: opts.name,
            scopes: opts.scopes,
          }),
        );
        const shown =
          opts.format === "clerk"
            ? { ...issued, secret: toClerkSecretKey(issued.secret, cfg.production) }
            : issued;
        printCredential(shown, opts.json === true);
      },
    );

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
    .option("--json", "print the result as JSON")
    .action(
      async (opts: {
        user: string;
        tenant?: string;
        name?: string;
        scopes?: Scope[];
        expires?: string;
        json?: boolean;
      }) => {
        const cfg = config();
        let expiresAt: number | null = null;
        if (opts.expires !== undefined) {
          try {
            expiresAt = parseExpiry(opts.expires, Date.now());
          } catch (error) {
            throw new UsageError(`option '--expires <when>': ${(error as Error).message}`);
          }
        }
        const issued = await withHandset(cfg, (h) =>
          h.credentials.issueUserToken({
            tenantId: opts.tenant ?? cfg.defaultTenant,
            userId: opts.user,
            name: opts.name,
            scopes: opts.scopes,
            expiresAt,
          }),
        );
        printCredential(issued, opts.json === true);
      },
    );

  registerPhoneCommands(program);

  return program;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildCli();
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`handset: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (isHandsetError(error) && (error.code === "INVALID_REQUEST" || error.details.fields)) {
      process.stderr.write(`handset: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof StartupRefused) {
      process.stderr.write(`handset: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`handset: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
