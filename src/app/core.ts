import { createReloadingKeyring, type ReloadingKeyring } from "../code-secrets/reloading-keyring.js";
import type { Config } from "../config.js";
import { createWebhookWorker, type WebhookWorker } from "../delivery/app-webhooks/worker.js";
import { createDispatcher, type Dispatcher, type DispatcherLogger } from "../delivery/dispatcher.js";
import type { SmsProvider } from "../delivery/provider.js";
import type { InboxProvider } from "../delivery/providers/inbox/inbox-provider.js";
import { createReceiptSink } from "../delivery/receipts.js";
import { preferredLocale } from "../delivery/templates/locale.js";
import { createMessageRenderer } from "../delivery/templates/message-renderer.js";
import { type Clock, systemClock } from "../domain/clock.js";
import type { CodeKeyring } from "../domain/code.js";
import { createMetrics, type HandsetMetrics } from "../metrics/registry.js";
import { createHandset, type Handset } from "../services/handset.js";
import { openStore, type Store, type StoreOptions } from "../store/database.js";
import type { LooseFileMode } from "../store/file-modes.js";
import { migrateToLatest } from "../store/migrate.js";
import { ensureTenant } from "../store/tenants.js";
import { createGuards } from "./guards.js";
import { createHousekeeping, type Housekeeping } from "./housekeeping.js";
import { chooseProvider, StartupRefused } from "./providers.js";
import { createUsageFlusher } from "./usage-flusher.js";

export { StartupRefused };

export interface CoreOptions {
  clock?: Clock;
  /** Replaces the configured provider (tests use this to watch deliveries or make them fail). */
  smsProvider?: SmsProvider;
  /** Replaces the secrets file (tests). */
  keyring?: CodeKeyring;
  /** Where the dispatcher reports; silent when not given. */
  log?: DispatcherLogger;
  /**
   * A server delivers SMS, so it refuses a development provider in production mode. The offline CLI
   * only writes rows (credentials) for a server to use, so it neither refuses nor holds a full pool.
   */
  mode?: "server" | "offline";
  /** Adds prom-client's process metrics to the registry (`handset serve`; tests leave them out). */
  processMetrics?: boolean;
}

/** Everything below the transports: what the server and the CLI share. */
export interface Core {
  config: Config;
  clock: Clock;
  store: Store;
  keyring: CodeKeyring;
  /** Reloads secrets.json when it changes (a rotation); started with delivery. Null when a keyring was handed in. */
  codeSecrets: ReloadingKeyring | null;
  provider: SmsProvider;
  /** Every configured provider by name: their callbacks and `handset providers check` reach them here. */
  providers: ReadonlyMap<string, SmsProvider>;
  /** The development inbox, when the inbox provider is in use. */
  inbox: InboxProvider | null;
  /** Built stopped: the server starts it; the CLI leaves its messages to a running server. */
  dispatcher: Dispatcher;
  handset: Handset;
  /** This core's Prometheus registry and counters. */
  metrics: HandsetMetrics;
  /** Sends the app's webhooks (docs/webhooks.md); started with delivery, like the dispatcher. */
  webhookWorker: WebhookWorker;
  /** Purges what has expired (the budget ledger's past windows); started with delivery. */
  housekeeping: Housekeeping;
  /** Stops the dispatcher, then closes the store. */
  /** Opens the providers' connections and starts the dispatcher (a server, once it listens). */
  startDelivery(): Promise<void>;
  close(): Promise<void>;
}

const silent: DispatcherLogger = { info() {}, warn() {}, error() {} };

/** The store as configured; `handset migrate` opens it this way too, so the two cannot drift. */
export function openConfiguredStore(
  config: Config,
  poolSize = config.databasePoolSize,
  hooks: Pick<StoreOptions, "onLooseFileMode" | "onHookError" | "onCheckpointError" | "onCommit"> = {},
): Store {
  return openStore({
    url: config.databaseUrl,
    poolSize,
    preparedStatements: config.databasePreparedStatements,
    connectTimeoutMs: config.databaseConnectTimeoutMs,
    statementTimeoutMs: config.databaseStatementTimeoutMs,
    ...hooks,
  });
}

/**
 * The composition root: opens and migrates the store, makes sure the default tenant exists, loads
 * the code keyring, chooses the SMS provider and builds the dispatcher and the use cases, each given
 * its dependencies as plain parameters. Transports (HTTP, gRPC, the CLI) are added by their callers.
 */
export async function createCore(config: Config, options: CoreOptions = {}): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const mode = options.mode ?? "server";
  // Before anything opens: the inbox is the provider exactly when none is configured or handed in.
  const development = options.smsProvider
    ? options.smsProvider.development
    : config.sms.routing.providers.length === 0;
  if (mode === "server" && config.production && development && !config.sms.allowDevProviderInProduction) {
    throw new StartupRefused(
      `refusing to start: the ${options.smsProvider?.name ?? "inbox"} SMS provider is for development and NODE_ENV is production. ` +
        "Configure a real provider (HANDSET_SMS_PROVIDER or HANDSET_SMS_CONFIG), or set HANDSET_ALLOW_DEV_PROVIDER_IN_PRODUCTION=true.",
    );
  }
  const log = options.log ?? silent;
  const looseFileModes: LooseFileMode[] = [];
  const metrics = createMetrics({ processMetrics: options.processMetrics === true });
  // The CLI runs one task at a time: two connections are plenty.
  const store = openConfiguredStore(config, mode === "offline" ? 2 : config.databasePoolSize, {
    onLooseFileMode: (found) => looseFileModes.push(found),
    onHookError: (error) => log.error({ err: error }, "an after-commit hook failed; the change is committed"),
    onCheckpointError: (error) =>
      log.warn({ err: error }, "a SQLite WAL checkpoint failed; the next one retries"),
    onCommit: metrics.commit,
  });
  try {
    await migrateToLatest(store.db);
    await ensureTenant(store.db, config.defaultTenant, config.defaultTenant, clock.now());
    // App JWTs name no tenant: theirs is configured, and exists from the start like the default one.
    if (config.appJwt)
      await ensureTenant(store.db, config.appJwt.tenantId, config.appJwt.tenantId, clock.now());
  } catch (error) {
    await store.close();
    throw error;
  }
  const codeSecrets = options.keyring
    ? null
    : createReloadingKeyring({
        dataDir: config.dataDir,
        clock,
        intervalMs: config.secretsReloadMs,
        log,
        onLoose: (found) => looseFileModes.push(found),
      });
  const keyring = options.keyring ?? (codeSecrets as ReloadingKeyring).keyring;
  for (const { path, mode: fileMode } of looseFileModes) {
    log.warn(
      { path, mode: fileMode },
      "data file or directory was open to other users; tightened it to owner-only",
    );
  }

  let chosen: Awaited<ReturnType<typeof chooseProvider>>;
  try {
    chosen = await chooseProvider(
      config,
      {
        clock,
        keyring,
        logger: log,
        receiptsFor: (name) => createReceiptSink(store, name, clock, log, metrics.sms),
      },
      options.smsProvider,
    );
  } catch (error) {
    await store.close();
    throw error;
  }
  const { provider, providers, inbox } = chosen;
  const renderer = createMessageRenderer(config.sms.routing.messages);
  const dispatcher = createDispatcher({
    store,
    provider,
    clock,
    keyring,
    ttlMs: config.otp.ttlMs,
    renderer,
    logger: log,
    intervalMs: config.sms.dispatchIntervalMs,
    maxAttempts: config.sms.dispatchMaxAttempts,
    leaseMs: config.sms.dispatchLeaseMs,
    metrics: metrics.sms,
  });
  metrics.observeStore(store, clock);
  const housekeeping = createHousekeeping(store, clock, log);
  const handset = createHandset({
    store,
    clock,
    keyring,
    otp: config.otp,
    phone: {
      validation: config.phone.validation,
      allowVoip: config.phone.allowVoip,
      allowedRegions: config.phone.allowedRegions,
      deniedRegions: config.phone.deniedRegions,
    },
    testNumbers: config.testNumbers,
    // While the dispatcher is stopped (the CLI), messages are written unclaimed for a server's poll loop.
    sms: dispatcher,
    codeDisclosure: inbox !== null && !config.production,
    guards: createGuards({ config, store, clock, metrics: metrics.guards }),
    guardMetrics: metrics.guards,
    codeMetrics: metrics.codes,
    tenantBudgets: config.budgets.tenant,
    defaultTenant: config.defaultTenant,
    guessLock: config.guessLock,
    appJwt: config.appJwt,
    webhooks: { allowPrivateNetworks: config.webhooks.allowPrivateNetworks },
    messages: {
      // Most sends ask for nothing: the tenant's locales are listed only for a request that asks.
      localeFor: (tenantId, asked) =>
        asked.field || asked.acceptLanguage ? preferredLocale(asked, renderer.locales(tenantId)) : null,
    },
  });
  const webhookWorker = createWebhookWorker({
    store,
    clock,
    logger: log,
    intervalMs: config.webhooks.intervalMs,
    timeoutMs: config.webhooks.timeoutMs,
    allowPrivateNetworks: config.webhooks.allowPrivateNetworks,
  });
  const usageFlusher = createUsageFlusher(handset, log);
  // The CLI authenticates nothing, so only a server has last-used times to write.
  if (mode === "server") usageFlusher.start();

  return {
    config,
    clock,
    store,
    keyring,
    codeSecrets,
    provider,
    providers,
    inbox,
    dispatcher,
    webhookWorker,
    handset,
    metrics,
    housekeeping,
    async startDelivery() {
      // Long-lived connections first (an SMPP bind's first attempt), so that the first sends find them.
      await provider.start?.();
      dispatcher.start();
      webhookWorker.start();
      housekeeping.start();
      codeSecrets?.start();
    },
    async close() {
      codeSecrets?.stop();
      housekeeping.stop();
      await usageFlusher.stop();
      await dispatcher.stop();
      await webhookWorker.stop();
      try {
        await provider.close?.();
      } catch (error) {
        log.warn({ err: error }, "an SMS provider did not close cleanly");
      }
      await store.close();
    },
  };
}
