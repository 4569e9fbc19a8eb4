import { type Command, InvalidArgumentError } from "commander";
import type { Config } from "../config.js";
import type { CliIo } from "./main.js";

const DEFAULT_START_TIMEOUT_SECONDS = 15;

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new InvalidArgumentError("a number of seconds above 0");
  return seconds;
}

function retryableText(retryable: boolean | null): string {
  if (retryable === null) return "unknown (not a delivery error)";
  return retryable ? "yes (the provider's own trouble: later, or another provider, may work)" : "no";
}

/**
 * `handset providers list|check`: what the SMS configuration says, and one real SMS through one
 * provider. Both read the configuration only; neither opens the database.
 */
export function registerProviderCommands(program: Command, io: CliIo, config: () => Promise<Config>): void {
  const providers = program
    .command("providers")
    .description("SMS providers as configured (HANDSET_SMS_PROVIDER or HANDSET_SMS_CONFIG)");

  providers
    .command("list")
    .description("Show the providers, their policy, the routes, receipts and message settings (no secrets)")
    .option("--json", "print the result as JSON")
    .action(async (opts: { json?: boolean }) => {
      const cfg = await config();
      const [{ summarizeDelivery }, { providerListJson, providerListText }] = await Promise.all([
        import("../app/delivery-summary.js"),
        import("./provider-list.js"),
      ]);
      const summary = summarizeDelivery(cfg);
      io.stdout(opts.json ? `${JSON.stringify(providerListJson(summary))}\n` : providerListText(summary));
    });

  providers
    .command("check")
    .description(
      "Send ONE real test SMS (it costs what an SMS costs) through the named provider, not the routes, " +
        "and print whether it accepted it. Exit 0 accepted, 1 refused, 2 wrong command line",
    )
    .argument("<name>", "the configured provider name (see `handset providers list`)")
    .argument("<to>", "the number to send to, in E.164 (+41781234567)")
    .option("--text <text>", 'the text (default: "Handset test message from <app name>")')
    .option(
      "--timeout <seconds>",
      `how long to wait for the provider to connect (an SMPP bind) (default: ${DEFAULT_START_TIMEOUT_SECONDS})`,
      parseSeconds,
    )
    .action(async (name: string, to: string, opts: { text?: string; timeout?: number }) => {
      const cfg = await config();
      const { checkProvider } = await import("./provider-check.js");
      const outcome = await checkProvider(
        cfg,
        {
          name,
          to,
          text: opts.text,
          startTimeoutMs: (opts.timeout ?? DEFAULT_START_TIMEOUT_SECONDS) * 1000,
        },
        io.stderr,
      );
      if (!outcome.accepted) {
        // runCli prints it and exits 1: the task (the send) failed.
        throw new Error(
          `${outcome.provider} refused the test SMS: ${outcome.error}; retryable: ${retryableText(outcome.retryable)}`,
        );
      }
      io.stdout(
        `accepted by ${outcome.provider}; provider message id: ${outcome.providerMessageId ?? "none given"}\n`,
      );
    });
}
