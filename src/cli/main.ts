import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { Config } from "../config.js";
import { isHandsetError } from "../domain/errors.js";
import { isScope, type Scope } from "../domain/scopes.js";
import type { IssuedCredential } from "../services/credentials.js";
import { toClerkSecretKey } from "../surfaces/clerk/secret-key.js";
import { registerEventCommands } from "./events.js";
import { registerGuessLockCommands } from "./guess-lock.js";
import { registerLookupCommand } from "./lookup.js";
import { registerMessageCommands } from "./messages.js";
import { registerPhoneCommands } from "./phone.js";
import { registerProviderCommands } from "./providers.js";
import { registerSecretsCommands } from "./secrets.js";
import { registerTenantCommands } from "./tenants.js";
import { UsageError } from "./usage-error.js";
import { registerUserCommands } from "./users.js";

// The configuration (zod), the server, the store and the services are imported inside the actions that
// use them, so that `--help` and a wrong command line answer without loading Fastify, the protobufs
// or a database driver. scripts/bundle.mjs splits the bundle at these imports.

/** Exit codes: 0 done, 1 the task failed, 2 the command line (or configuration) is wrong. */
const EXIT_USAGE = 2;

/** Where a CLI run reads its environment and writes its output: the process's own, or a test's. */
export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The process's environment and streams, looked up at each write so that tests may spy on them. */
export const processIo: CliIo = {
  env: process.env,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

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

function printCredential(io: CliIo, issued: IssuedCredential, json: boolean): void {
  if (json) {
    io.stdout(`${JSON.stringify(issued)}\n`);
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
  io.stdout(`${lines.join("\n")}\n`);
}

/** The `handset` program; commander's own output (help, usage errors) goes to `io` too. */
export function buildCli(io: CliIo = processIo): Command {
  const config = async (): Promise<Config> => (await import("../config.js")).loadConfig(io.env);
  const program = new Command("handset")
    .description("Handset: users' phone numbers, proven with SMS one-time codes.")
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (message, write) => write(`handset: ${message.replace(/^error: /, "").trim()}\n`),
    });

  program
    .command("serve")
    .description("Run the HTTP server (configured by environment variables; see README)")
    .action(async () => {
      const cfg = await config();
      const { serve } = await import("./serve.js");
      await serve(cfg);
    });

  program
    .command("migrate")
    .description("Bring the database schema to the latest version, then exit")
    .action(async () => {
      const cfg = await config();
      const [{ openConfiguredStore }, { migrateToLatest }] = await Promise.all([
        import("../app/core.js"),
        import("../store/migrate.js"),
      ]);
      const store = openConfiguredStore(cfg, 1);
      try {
        const { applied } = await migrateToLatest(store.db);
        io.stdout(applied.length ? `applied: ${applied.join(", ")}\n` : "schema is up to date\n");
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
        const cfg = await config();
        const { withHandset } = await import("./offline.js");
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
        printCredential(io, shown, opts.json === true);
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
        const cfg = await config();
        let expiresAt: number | null = null;
        if (opts.expires !== undefined) {
          try {
            expiresAt = parseExpiry(opts.expires, Date.now());
          } catch (error) {
            throw new UsageError(`option '--expires <when>': ${(error as Error).message}`);
          }
        }
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
        printCredential(io, issued, opts.json === true);
      },
    );

  registerPhoneCommands(program, io);
  registerGuessLockCommands(program, io, config, parseTenant);
  registerProviderCommands(program, io, config);
  registerTenantCommands(program, io, config, parseTenant);
  registerLookupCommand(program, { io, config, parseTenant, parseExpiry });
  registerUserCommands(program, { io, config, parseTenant, parseExpiry });
  registerMessageCommands(program, { io, config, parseTenant, parseExpiry });
  registerEventCommands(program, { io, config, parseTenant, parseExpiry });
  registerSecretsCommands(program, io, config);

  return program;
}

/** Loads config.js only to ask: whatever threw a ConfigError has loaded it already. */
async function asConfigError(error: unknown): Promise<Error | undefined> {
  const { ConfigError } = await import("../config.js");
  return error instanceof ConfigError ? error : undefined;
}

/**
 * Runs one command line to its end and returns its exit code; `bin.ts` exits with it. `serve`
 * returns once the server listens, and the server keeps the process alive.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = buildCli(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    const wrongUsage = error instanceof UsageError ? error : await asConfigError(error);
    if (wrongUsage) {
      io.stderr(`handset: ${wrongUsage.message}\n`);
      return EXIT_USAGE;
    }
    if (isHandsetError(error) && (error.code === "INVALID_REQUEST" || error.details.fields)) {
      io.stderr(`handset: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // Anything else, a refused start-up (StartupRefused) or a taken port among them, failed the task.
    io.stderr(`handset: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
