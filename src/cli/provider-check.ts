import { randomUUID } from "node:crypto";
import type { Config } from "../config.js";
import {
  type DeliveryLogger,
  type ProviderContext,
  SmsDeliveryError,
  type SmsMessage,
} from "../delivery/provider.js";
import { smsText } from "../delivery/sms-text.js";
import { DEFAULT_APP_NAME } from "../delivery/templates/messages-section.js";
import { isHandsetError } from "../domain/errors.js";
import { parsePhone } from "../domain/phone.js";
import { UsageError } from "./usage-error.js";

export interface ProviderCheck {
  /** The configured provider name. */
  name: string;
  /** The number as typed: E.164, or national with no region is refused by the parser. */
  to: string;
  text?: string;
  /** How long to wait for a long-lived connection (an SMPP bind) before trying the send anyway. */
  startTimeoutMs: number;
}

export type CheckOutcome =
  | { accepted: true; provider: string; providerMessageId: string | null }
  /** `retryable` is null when the provider threw something else than an `SmsDeliveryError`. */
  | { accepted: false; provider: string; error: string; retryable: boolean | null };

/** The operator's own test, so its text names the app and holds no code. */
export function checkText(config: Config): string {
  return `Handset test message from ${config.sms.routing.messages.app_name ?? DEFAULT_APP_NAME}`;
}

/** A provider's own log lines (a bind lost, a warning) go to stderr; its info lines are left out. */
function stderrLogger(write: (text: string) => void): DeliveryLogger {
  const line = (level: string) => (obj: object, msg: string) =>
    write(`handset: ${level}: ${msg} ${JSON.stringify(obj)}\n`);
  return { info: () => {}, warn: line("warn"), error: line("error") };
}

/** Resolves after `promise` or `ms`, whichever is first; whether it settled in time is not needed. */
async function atMost(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      promise.catch(() => {}),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function hasWhenBound(value: object): value is { whenBound(timeoutMs: number): Promise<void> } {
  return typeof (value as { whenBound?: unknown }).whenBound === "function";
}

/**
 * Sends one test SMS through the named provider itself, not the router: no rate limit, breaker or
 * failover hides what the provider answers. No receipt is asked for (the callback URL is null), so
 * nothing is written anywhere.
 */
export async function checkProvider(
  config: Config,
  check: ProviderCheck,
  stderr: (text: string) => void,
): Promise<CheckOutcome> {
  const { providers } = config.sms.routing;
  const inbox =
    "the development inbox sends no SMS, so there is nothing to check; " +
    "configure a provider (HANDSET_SMS_PROVIDER or HANDSET_SMS_CONFIG) and check it by name";
  if (providers.length === 0) throw new UsageError(inbox);
  const entry = providers.find((p) => p.name === check.name);
  if (!entry) {
    const configured = `configured: ${providers.map((p) => p.name).join(", ")}`;
    // A file may name a real provider `inbox`: only a name that matches none means the development one.
    throw new UsageError(
      check.name === "inbox" ? `${inbox} (${configured})` : `no provider named ${check.name}; ${configured}`,
    );
  }
  let to: string;
  try {
    to = parsePhone(check.to, undefined, config.phone).e164;
  } catch (error) {
    if (isHandsetError(error)) throw new UsageError(`<to>: ${error.message}`);
    throw error;
  }
  const body = check.text ?? checkText(config);
  if (body.trim().length === 0) throw new UsageError("--text: give a text to send, or leave it out");

  const context: ProviderContext = {
    name: entry.name,
    now: () => Date.now(),
    logger: stderrLogger(stderr),
    // No callback URL is given, so no receipt should come; one that does is not recorded.
    receipts: { report: async () => false },
    callbackUrl: () => null,
    callbackMessageId: () => null,
  };
  const provider = await entry.configured.create(context);
  const shape = smsText(body);
  const message: SmsMessage = {
    id: `check_${randomUUID()}`,
    tenantId: config.defaultTenant,
    to,
    body,
    code: "",
    verificationId: "",
    createdAt: Date.now(),
    encoding: shape.encoding,
    segments: shape.segments,
  };
  try {
    if (provider.start) await atMost(provider.start(), check.startTimeoutMs);
    // Not bound in time: the send below fails with the bind's own reason, which says more than a timeout.
    if (hasWhenBound(provider)) await atMost(provider.whenBound(check.startTimeoutMs), check.startTimeoutMs);
    const accepted = await provider.send(message);
    return { accepted: true, provider: entry.name, providerMessageId: accepted.providerMessageId };
  } catch (error) {
    if (error instanceof SmsDeliveryError) {
      return { accepted: false, provider: entry.name, error: error.message, retryable: error.retryable };
    }
    return {
      accepted: false,
      provider: entry.name,
      error: error instanceof Error ? error.message : String(error),
      retryable: null,
    };
  } finally {
    try {
      await provider.close?.();
    } catch (error) {
      stderr(`handset: warn: the provider did not close cleanly: ${(error as Error).message}\n`);
    }
  }
}
