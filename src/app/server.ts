import type { FastifyInstance, FastifyServerOptions, RouteOptions } from "fastify";
import type { Config } from "../config.js";
import { systemClock } from "../domain/clock.js";
import { HandsetError } from "../domain/errors.js";
import { createAuthenticator } from "../http/authenticator.js";
import { devInboxRoutes } from "../http/dev-inbox.js";
import { createFastify } from "../http/fastify.js";
import { registerHealth } from "../http/health.js";
import { registerMetrics } from "../http/metrics-route.js";
import { registerOpenApi } from "../http/openapi.js";
import { registerRequestLog } from "../http/request-log.js";
import { registerRequestScope, settlingErrors } from "../http/request-scope.js";
import { smsCallbackRoutes } from "../http/sms-callbacks.js";
import { consolePlugin } from "../surfaces/console/plugin.js";
import { sendNativeError } from "../surfaces/native/errors.js";
import {
  defaultResponseDescriptions,
  nativeOpenApiInfo,
  nativePostParameters,
} from "../surfaces/native/openapi-document.js";
import type { ZitadelGrpcServer } from "../surfaces/zitadel/grpc-server.js";
import { type Core, type CoreOptions, createCore } from "./core.js";
import { registerSurfaces } from "./surfaces.js";

export { StartupRefused } from "./core.js";

export interface BuildOptions extends Omit<CoreOptions, "log" | "mode"> {
  /** False leaves the dispatcher stopped: messages stay queued until `dispatcher.runOnce()`. */
  runDispatcher?: boolean;
  logger?: FastifyServerOptions["logger"];
  /** Told of every route as it is added: the security tests enumerate the route table with it. */
  onRoute?: (route: RouteOptions) => void;
  /** prom-client's process metrics in `/metrics` (`handset serve` asks; tests mostly do not). */
  processMetrics?: boolean;
}

export interface HandsetApp
  extends Omit<Core, "close" | "keyring" | "provider" | "startDelivery" | "housekeeping"> {
  app: FastifyInstance;
  /** ZITADEL's gRPC port: started with the app when HANDSET_ZITADEL_GRPC_PORT is set. */
  zitadelGrpc: ZitadelGrpcServer;
}

/**
 * The HTTP server: the core, plus Fastify with the edge toolkit (request ids, health, OpenAPI, the
 * development inbox) and the four surfaces. Closing the app stops the gRPC port, the dispatcher and
 * the store, in that order.
 */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<HandsetApp> {
  const clock = options.clock ?? systemClock;
  const app = createFastify(config, clock, options.logger);
  const { onRoute } = options;
  if (onRoute) app.addHook("onRoute", (route) => onRoute(route));
  let core: Core;
  try {
    core = await createCore(config, {
      clock,
      smsProvider: options.smsProvider,
      keyring: options.keyring,
      log: app.log,
      mode: "server",
      processMetrics: options.processMetrics,
    });
  } catch (error) {
    await app.close();
    throw error;
  }
  const { handset, store, inbox, dispatcher, providers } = core;
  // First of the hooks, on the root: every request, of every surface and of none, is logged and counted.
  registerRequestLog(app, config.metrics ? core.metrics.http : null);

  // Before any route: each request runs in its own scope, where a credential served from the cache is
  // proven with the request's commit or before its answer leaves (see `createCredentialService`).
  registerRequestScope(app, {
    enter: (next) => handset.credentials.inRequestScope(next),
    settle: () => handset.credentials.settleAccess(),
  });

  // Before the plugins that are awaited below: each one keeps the error handler in force when it loads,
  // and outside every surface Handset answers errors in its own (native) envelope.
  app.setErrorHandler(
    settlingErrors((error, request, reply) => sendNativeError(error, request, reply, clock.now())),
  );

  await registerOpenApi(app, {
    info: nativeOpenApiInfo,
    responseDescriptions: defaultResponseDescriptions(),
    postParameters: nativePostParameters,
  });
  registerHealth(app, { database: store.dialect, ping: () => store.ping() });
  if (config.metrics) registerMetrics(app, { registry: core.metrics.registry, token: config.metricsToken });
  if (inbox && !config.production) await app.register(devInboxRoutes, { inbox });
  await app.register(smsCallbackRoutes, { providers, publicUrl: config.sms.publicUrl });

  const authenticator = createAuthenticator(handset);
  const zitadelGrpc = await registerSurfaces(app, {
    handset,
    authenticator,
    clock,
    config,
    ...(config.metrics ? { grpcCalls: core.metrics.http.grpcCall } : {}),
  });
  await app.register(consolePlugin, { prefix: "/console", handset, clock });

  // Outside every surface's prefix, Handset answers in its own (native) envelope.
  app.setNotFoundHandler((request, reply) =>
    sendNativeError(
      new HandsetError("ROUTE_NOT_FOUND", `No route ${request.method} ${request.url.split("?")[0]}.`),
      request,
      reply,
      clock.now(),
    ),
  );

  if (options.runDispatcher !== false) app.addHook("onReady", async () => core.startDelivery());
  app.addHook("onClose", async () => core.close());

  return {
    app,
    handset,
    store,
    dispatcher,
    webhookWorker: core.webhookWorker,
    inbox,
    providers,
    config,
    clock,
    zitadelGrpc,
    metrics: core.metrics,
    codeSecrets: core.codeSecrets,
  };
}
