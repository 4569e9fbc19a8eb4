import type { Config } from "../config.js";
import { createCallbackLinks } from "../delivery/callback-links.js";
import type { DeliveryLogger, ProviderContext, ReceiptSink, SmsProvider } from "../delivery/provider.js";
import { createInboxProvider, type InboxProvider } from "../delivery/providers/inbox/inbox-provider.js";
import { createRouter, type RoutedProvider } from "../delivery/routing/router.js";
import type { Clock } from "../domain/clock.js";
import type { CodeKeyring } from "../domain/code.js";

/** Start-up stopped on purpose (a development provider in production), not by a fault. */
export class StartupRefused extends Error {}

export interface ProviderWiring {
  clock: Clock;
  keyring: CodeKeyring;
  logger: DeliveryLogger;
  /** Where each provider's receipts go, by provider name. */
  receiptsFor(provider: string): ReceiptSink;
}

/** The configured SMS providers, or the one a test hands in; the inbox is kept apart for its page. */
export async function chooseProvider(
  config: Config,
  wiring: ProviderWiring,
  replacement?: SmsProvider,
): Promise<{
  provider: SmsProvider;
  providers: ReadonlyMap<string, SmsProvider>;
  inbox: InboxProvider | null;
}> {
  if (replacement) {
    return { provider: replacement, providers: new Map([[replacement.name, replacement]]), inbox: null };
  }
  const { routing } = config.sms;
  if (routing.providers.length === 0) {
    const inbox = createInboxProvider({ now: () => wiring.clock.now() });
    return { provider: inbox, providers: new Map([[inbox.name, inbox]]), inbox };
  }
  const links = createCallbackLinks(config.sms.publicUrl, () =>
    [wiring.keyring.active, ...wiring.keyring.byId.values()].map((k) => k.secret),
  );
  const providers = new Map<string, SmsProvider>();
  const routed = new Map<string, RoutedProvider>();
  for (const entry of routing.providers) {
    const context: ProviderContext = {
      name: entry.name,
      now: () => wiring.clock.now(),
      logger: wiring.logger,
      receipts: wiring.receiptsFor(entry.name),
      callbackUrl: (messageId) => links.urlFor(entry.name, messageId),
      callbackMessageId: (url) => links.messageIdOf(entry.name, url),
    };
    const provider = await entry.configured.create(context);
    providers.set(entry.name, provider);
    routed.set(entry.name, { provider, policy: entry.policy, timeoutMs: entry.configured.timeoutMs });
  }
  // One provider goes behind the router too: its rate limit and circuit breaker apply all the same, and
  // the outbox names it (the router sets `provider` on every acceptance).
  const router = createRouter({
    providers: routed,
    routes: routing.routes,
    now: () => wiring.clock.now(),
    logger: wiring.logger,
    // A delivery at commit may start with half the lease left (the dispatcher gives back less).
    budgetMs: config.sms.dispatchLeaseMs / 2,
  });
  return { provider: router, providers, inbox: null };
}
