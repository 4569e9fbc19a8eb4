import type { z } from "zod";
import type { ProviderContext, SmsProvider } from "../provider.js";

/**
 * One type of SMS provider, as the configuration knows it. An operator configures providers by type,
 * either one in environment variables (`HANDSET_SMS_PROVIDER=<type>`, then `HANDSET_<TYPE>_<KEY>` for
 * each setting: `HANDSET_TWILIO_ACCOUNT_SID` is `account_sid`) or several in the SMS config file
 * (`providers: { <name>: { type: <type>, <key>: … } }`). Settings keys are snake_case; any of them may
 * instead be given as `<key>_file` (`HANDSET_<TYPE>_<KEY>_FILE`), read from a file, for secrets.
 */
export interface ProviderKind<Settings> {
  type: string;
  /**
   * The settings of one provider: snake_case keys, strict (an unknown key is an error naming it),
   * with defaults. Strings arrive as written in the file or the environment, so coerce numbers.
   */
  settings: z.ZodType<Settings, Record<string, unknown>>;
  /** One line for the start-up log: where it sends, as whom; never a secret. */
  describe(settings: Settings): string;
  /** How long one send may take at most, to check against the dispatch lease; null when unbounded. */
  timeoutMs(settings: Settings): number | null;
  /** How its receipts come back, as configured (for the start-up log and `handset providers list`). */
  receipts(settings: Settings): ReceiptPath;
  /**
   * Creates the provider. Load its implementation here with a dynamic `import()`: its libraries
   * (an SDK, an SMPP stack) are then read only when it is configured, not at every start.
   */
  create(settings: Settings, context: ProviderContext): Promise<SmsProvider>;
}

/**
 * `callbacks`: the provider calls `/sms/callbacks/<name>` (needs HANDSET_PUBLIC_URL); `connection`: on
 * its own long-lived connection (an SMPP bind); `none`: it gives no receipts, or is set up without them.
 */
export type ReceiptPath = "callbacks" | "connection" | "none";

/** A provider type with its settings checked, ready to create: the registry's settings-free view. */
export interface ConfiguredProvider {
  type: string;
  description: string;
  timeoutMs: number | null;
  receipts: ReceiptPath;
  create(context: ProviderContext): Promise<SmsProvider>;
}

export interface RegisteredKind {
  type: string;
  /** Checks raw settings (secrets already read from their files); throws the `ZodError` otherwise. */
  configure(raw: Record<string, unknown>): ConfiguredProvider;
}

export function registerKind<Settings>(kind: ProviderKind<Settings>): RegisteredKind {
  return {
    type: kind.type,
    configure(raw) {
      const settings = kind.settings.parse(raw);
      return {
        type: kind.type,
        description: kind.describe(settings),
        timeoutMs: kind.timeoutMs(settings),
        receipts: kind.receipts(settings),
        create: (context) => kind.create(settings, context),
      };
    },
  };
}
