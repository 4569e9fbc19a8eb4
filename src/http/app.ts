import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import type { Config } from "../config.js";
import { createDispatcher, type Dispatcher } from "../delivery/dispatcher.js";
import type { SmsProvider } from "../delivery/provider.js";
import { createInboxProvider, type InboxProvider } from "../delivery/providers/inbox/inbox-provider.js";
import { createWebhookProvider } from "../delivery/providers/webhook/webhook-provider.js";
import { type Clock, systemClock } from "../domain/clock.js";
import type { CodeKeyring } from "../domain/code.js";
import { HandsetError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import { loadOrCreateKeyring } from "../secrets.js";
import { createHandset, type Handset } from "../services/handset.js";
import { openStore, type Store } from "../store/database.js";
import type { LooseFileMode } from "../store/file-modes.js";
import { migrateToLatest } from "../store/migrate.js";
import { ensureTenant } from "../store/tenants.js";
import { sendNativeError } from "../surfaces/native/errors.js";
import { createZitadelGrpcServer, type ZitadelGrpcServer } from "../surfaces/zitadel/grpc-server.js";
import { createAuthenticator } from "./authenticator.js";
import { devInboxRoutes } from "./dev-inbox.js";
import { registerSurfaces } from "./surfaces.js";

export interface BuildOptions {
  clock?: Clock;
  /** Replaces the configured provider (tests use this to watch deliveries or make them fail). */
  smsProvider?: SmsProvider;
  /** Replaces the secrets file (tests). */
  keyring?: CodeKeyring;
  /** False leaves the dispatcher stopped: messages stay queued until `dispatcher.runOnce()`. */
  runDispatcher?: boolean;
  logger?: FastifyServerOptions["logger"];
}

export interface HandsetApp {
  app: FastifyInstance;
  handset: Handset;
  store: Store;
  dispatcher: Dispatcher;
  /** The development inbox, when the inbox provider is in use. */
  inbox: InboxProvider | null;
  config: Config;
  clock: Clock;
  /** ZITADEL's gRPC port: started with the app when HANDSET_ZITADEL_GRPC_PORT is set. */
  zitadelGrpc: ZitadelGrpcServer;
}

export class StartupRefused extends Error {}

function chooseProvider(
  config: Config,
  clock: Clock,
): { provider: SmsProvider; inbox: InboxProvider | null } {
  if (config.sms.provider === "webhook" && config.sms.webhookUrl && config.sms.webhookSecret) {
    const provider = createWebhookProvider({
      url: config.sms.webhookUrl,
      secret: config.sms.webhookSecret,
      timeoutMs: config.sms.webhookTimeoutMs,
      now: () => clock.now(),
    });
    return { provider, inbox: null };
  }
  const inbox = createInboxProvider({ now: () => clock.now() });
  return { provider: inbox, inbox };
}

/** The composition root: every dependency is made here and handed down as a plain parameter. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<HandsetApp> {
  const clock = options.clock ?? systemClock;
  const { provider, inbox } = options.smsProvider
    ? { provider: options.smsProvider, inbox: null }
    : chooseProvider(config, clock);
  if (config.production && provider.development && !config.sms.allowDevProviderInProduction) {
    throw new StartupRefused(
      `refusing to start: the ${provider.name} SMS provider is for development and NODE_ENV is production. ` +
        "Configure a real provider (HANDSET_SMS_PROVIDER=webhook), or set HANDSET_ALLOW_DEV_PROVIDER_IN_PRODUCTION=true.",
    );
  }
  // Found before the logger exists; logged once it does.
  const looseFileModes: LooseFileMode[] = [];
  const store = openStore({
    url: config.databaseUrl,
    poolSize: config.databasePoolSize,
    connectTimeoutMs: config.databaseConnectTimeoutMs,
    statementTimeoutMs: config.databaseStatementTimeoutMs,
    onLooseFileMode: (found) => looseFileModes.push(found),
  });
  await migrateToLatest(store.db);
  await ensureTenant(store.db, config.defaultTenant, config.defaultTenant, clock.now());
  const keyring =
    options.keyring ?? loadOrCreateKeyring(config.dataDir, (found) => looseFileModes.push(found));

  const logger = options.logger ?? { level: config.logLevel };
  const app = Fastify({
    logger:
      typeof logger === "object" && logger !== null
        ? { ...logger, redact: ["req.headers.authorization", "req.headers.cookie"] }
        : logger,
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => newId("req", clock.now()),
    requestIdHeader: "x-request-id",
    logController: new LogController({
      requestIdLogLabel: "request_id",
      // One line per request is noise at info level; debug and trace show them.
      disableRequestLogging: config.logLevel !== "debug" && config.logLevel !== "trace",
    }),
  });
  for (const { path, mode } of looseFileModes) {
    app.log.warn(
      { path, mode },
      "data file or directory was open to other users; tightened it to owner-only",
    );
  }
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  const dispatcher = createDispatcher({
    store,
    provider,
    clock,
    keyring,
    ttlMs: config.otp.ttlMs,
    senderName: config.sms.senderName,
    logger: app.log,
    intervalMs: config.sms.dispatchIntervalMs,
    maxAttempts: config.sms.dispatchMaxAttempts,
    leaseMs: config.sms.dispatchLeaseMs,
  });
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
    onOutboxCommitted: () => dispatcher.wake(),
    codeDisclosure: inbox !== null && !config.production,
  });
  const authenticator = createAuthenticator(handset);

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Handset API",
        version: "1",
        description:
          "Phone numbers and SMS one-time codes. Admin routes take an admin API key, `/v1/me` routes a user " +
          "token, both as `Authorization: Bearer <secret>`.",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
    },
    transform: (input) => {
      // Only the native API is ours to document; vendor surfaces follow their vendors' documents.
      if (!input.url.startsWith("/v1")) return { schema: { ...input.schema, hide: true }, url: input.url };
      return jsonSchemaTransform(input);
    },
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
    try {
      await store.ping();
      return { status: "ready", database: store.dialect };
    } catch {
      return reply
        .code(503)
        .send({ status: "not_ready", database: store.dialect, reason: "database unreachable" });
    }
  });

  if (inbox && !config.production) await app.register(devInboxRoutes, { inbox });

  await registerSurfaces(app, { handset, authenticator, clock, config });
  const zitadelGrpc = createZitadelGrpcServer({ handset, authenticator, clock, config }, app.log);
  const zitadelGrpcPort = config.zitadel.grpcPort;
  if (zitadelGrpcPort !== null) {
    app.addHook("onReady", async () => void (await zitadelGrpc.start(config.host, zitadelGrpcPort)));
  }
  app.addHook("onClose", async () => zitadelGrpc.stop());

  app.setNotFoundHandler((request, reply) =>
    sendNativeError(
      new HandsetError("ROUTE_NOT_FOUND", `No route ${request.method} ${request.url.split("?")[0]}.`),
      request,
      reply,
      clock.now(),
    ),
  );
  app.setErrorHandler((error, request, reply) => sendNativeError(error, request, reply, clock.now()));

  if (options.runDispatcher !== false) app.addHook("onReady", async () => dispatcher.start());
  app.addHook("onClose", async () => {
    await dispatcher.stop();
    await store.close();
  });

  return { app, handset, store, dispatcher, inbox, config, clock, zitadelGrpc };
}
