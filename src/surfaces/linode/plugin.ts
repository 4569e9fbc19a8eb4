import type { FastifyInstance } from "fastify";
import { HandsetError } from "../../domain/errors.js";
import { settlingErrors } from "../../http/request-scope.js";
import type { SurfaceDeps } from "../deps.js";
import { createLinodeContext } from "./context.js";
import { sendLinodeError } from "./errors.js";
import { createRateLimiting, LINODE_REQUEST_LIMIT, RequestWindows } from "./rate-limit.js";
import { registerProfileRoutes } from "./routes.js";

/** The API versions Linode's spec allows in the path; `@linode/api-v4` always calls `v4`. */
export const LINODE_API_VERSIONS = ["v4", "v4beta"] as const;

/**
 * Linode's profile phone number under `/linode/{v4,v4beta}`: its paths, bodies, envelope and
 * statuses, so that `@linode/api-v4` and linode-cli work against Handset unchanged.
 */
export async function linodeSurface(app: FastifyInstance, deps: SurfaceDeps): Promise<void> {
  const ctx = createLinodeContext(deps);
  const now = () => deps.clock.now();

  // linode-cli sends `Content-Type: application/json` on a bodiless DELETE; Fastify's own parser
  // would refuse the empty body. Everything else goes through the default (poisoning-safe) parser.
  // Linode takes JSON only, so the inherited text/plain parser goes: such a body is refused as such.
  const defaultJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (text.trim() === "") {
      done(null, undefined);
      return;
    }
    defaultJson(request, text, done);
  });

  // Counted before anything else, so that every response, a refused token's included, carries the
  // rate-limit headers Linode documents.
  const rateLimiting = createRateLimiting(
    deps.clock,
    new RequestWindows(LINODE_REQUEST_LIMIT.limit, LINODE_REQUEST_LIMIT.windowMs),
  );
  app.addHook("onRequest", rateLimiting.count);
  app.addHook("onSend", rateLimiting.headers);

  app.setErrorHandler(
    settlingErrors((error, request, reply) => sendLinodeError(error, request, reply, now())),
  );
  app.setNotFoundHandler((request, reply) =>
    sendLinodeError(
      new HandsetError("ROUTE_NOT_FOUND", `No route ${request.method} ${request.url.split("?")[0]}.`),
      request,
      reply,
      now(),
    ),
  );
  for (const version of LINODE_API_VERSIONS) {
    await app.register(async (scope) => registerProfileRoutes(scope, ctx), { prefix: `/${version}` });
  }
}
