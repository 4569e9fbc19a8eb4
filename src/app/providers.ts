import type { Config } from "../config.js";
import type { SmsProvider } from "../delivery/provider.js";
import { createInboxProvider, type InboxProvider } from "../delivery/providers/inbox/inbox-provider.js";
import { createKannelProvider } from "../delivery/providers/kannel/kannel-provider.js";
import { createWebhookProvider } from "../delivery/providers/webhook/webhook-provider.js";
import type { Clock } from "../domain/clock.js";

/** Start-up stopped on purpose (a development provider in production), not by a fault. */
export class StartupRefused extends Error {}

/** The configured SMS provider, or the one a test hands in; the inbox is kept apart for its page. */
export function chooseProvider(
  config: Config,
  clock: Clock,
  replacement?: SmsProvider,
): { provider: SmsProvider; inbox: InboxProvider | null } {
  if (replacement) return { provider: replacement, inbox: null };
  if (config.sms.provider === "webhook" && config.sms.webhookUrl && config.sms.webhookSecret) {
    const provider = createWebhookProvider({
      url: config.sms.webhookUrl,
      secret: config.sms.webhookSecret,
      timeoutMs: config.sms.webhookTimeoutMs,
      now: () => clock.now(),
    });
    return { provider, inbox: null };
  }
  if (config.sms.provider === "kannel" && config.sms.kannel) {
    return { provider: createKannelProvider(config.sms.kannel), inbox: null };
  }
  const inbox = createInboxProvider({ now: () => clock.now() });
  return { provider: inbox, inbox };
}
