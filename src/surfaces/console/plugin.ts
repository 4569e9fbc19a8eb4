import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import type { FastifyInstance } from "fastify";
import type { Clock } from "../../domain/clock.js";
import { HandsetError } from "../../domain/errors.js";
import { settlingErrors } from "../../http/request-scope.js";
import type { Handset } from "../../services/handset.js";
import { registerConsoleAssets } from "./assets.js";
import { registerAuthRoutes } from "./auth-routes.js";
import { sendConsoleError } from "./errors.js";
import { registerEventsRoutes } from "./events-routes.js";
import { registerKeysRoutes } from "./keys-routes.js";
import { registerLookupRoutes } from "./lookup-routes.js";
import { registerOverviewRoutes } from "./overview-routes.js";
import { registerSettingsRoutes } from "./settings-routes.js";

export interface ConsoleOptions {
  handset: Handset;
  clock: Clock;
}

/**
 * Same-origin scripts and styles only (no inline script: the charts' figures travel as JSON in a
 * non-executed script element), forms post only here, and no page can be framed.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The operator's console (docs/console.md), mounted under /console: server-rendered pages over the
 * same services as the admin API, signed in with an admin key. Not part of the OpenAPI document.
 */
export async function consolePlugin(app: FastifyInstance, { handset, clock }: ConsoleOptions): Promise<void> {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  app.addHook("onRequest", async (_request, reply) => {
    reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "same-origin");
    reply.header("cache-control", "no-store");
  });
  app.setErrorHandler(settlingErrors((error, request, reply) => sendConsoleError(error, request, reply)));
  app.setNotFoundHandler((request, reply) =>
    sendConsoleError(
      new HandsetError("ROUTE_NOT_FOUND", `The console has no page ${request.url.split("?")[0]}.`),
      request,
      reply,
    ),
  );

  const { chartJsUrl } = registerConsoleAssets(app);
  registerAuthRoutes(app, handset.consoleSessions);
  registerOverviewRoutes(app, handset, chartJsUrl);
  registerSettingsRoutes(app, handset);
  registerLookupRoutes(app, handset);
  registerEventsRoutes(app, handset);
  registerKeysRoutes(app, handset, clock);
}
