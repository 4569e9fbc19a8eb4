import { Command, CommanderError, InvalidArgumentError } from "commander";
import type { Config } from "../config.js";
import { isHandsetError } from "../domain/errors.js";
import { HANDSET_VERSION } from "../version.js";
import { registerCredentialCommands } from "./credentials.js";
import { registerEventCommands } from "./events.js";
import { parseExpiry } from "./expiry.js";
import { registerGuessLockCommands } from "./guess-lock.js";
import { registerLookupCommand } from "./lookup.js";
import { registerMessageCommands } from "./messages.js";
import { registerOpenApiCommand } from "./openapi.js";
import { registerPhoneCommands } from "./phone.js";
import { registerProviderCommands } from "./providers.js";
import { registerSecretsCommands } from "./secrets.js";
import { registerTenantAdminCommands } from "./tenant-admin.js";
import { registerTenantCommands } from "./tenants.js";
import { UsageError } from "./usage-error.js";
import { registerUserCommands } from "./users.js";
import { registerVerifyServiceCommands } from "./verify-services.js";
import { registerWebhookCommands } from "./webhooks.js";

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

export { parseExpiry } from "./expiry.js";

/** The same shape HANDSET_DEFAULT_TENANT takes, so every tenant can be named in configuration too. */
const TENANT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function parseTenant(value: string): string {
  if (!TENANT_ID_PATTERN.test(value)) {
    throw new InvalidArgumentError("a tenant id has 1 to 64 letters, digits, '_' or '-'");
  }
  return value;
}

/** The `handset` program; commander's own output (help, usage errors) goes to `io` too. */
export function buildCli(io: CliIo = processIo): Command {
  const config = async (): Promise<Config> => (await import("../config.js")).loadConfig(io.env);
  const program = new Command("handset")
    .description("Handset: users' phone numbers, proven with SMS one-time codes.")
    .version(HANDSET_VERSION, "-V, --version", "print Handset's version")
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

  registerCredentialCommands(program, io, config, parseTenant);
  registerPhoneCommands(program, io);
  registerGuessLockCommands(program, io, config, parseTenant);
  registerProviderCommands(program, io, config);
  const tenants = registerTenantCommands(program, io, config, parseTenant);
  registerTenantAdminCommands(tenants, io, config, parseTenant);
  registerLookupCommand(program, { io, config, parseTenant, parseExpiry });
  registerUserCommands(program, { io, config, parseTenant, parseExpiry });
  registerMessageCommands(program, { io, config, parseTenant, parseExpiry });
  registerEventCommands(program, { io, config, parseTenant, parseExpiry });
  registerWebhookCommands(program, { io, config, parseTenant, parseExpiry });
  registerVerifyServiceCommands(program, { io, config, parseTenant, parseExpiry });
  registerSecretsCommands(program, io, config);
  registerOpenApiCommand(program, io);

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
