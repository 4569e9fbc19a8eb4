import type { FastifyInstance } from "fastify";
import { HandsetError } from "../../domain/errors.js";
import { settlingErrors } from "../../http/request-scope.js";
import type { SurfaceDeps } from "../deps.js";
import { createClerkContext } from "./context.js";
import { sendClerkError } from "./error-edge.js";
import { clerkErrors } from "./errors.js";
import { registerPhoneNumberRoutes } from "./phone-number-routes.js";
import { registerUserRoutes } from "./user-routes.js";
import { registerVerificationRoutes } from "./verification-routes.js";

/** `Clerk-API-Version` is a release date; any date is served (newer SDKs send newer dates). */
const API_VERSION = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Clerk's Backend API under its mount (`/clerk` by default, so the SDK's `apiUrl` is
 * `http://host:port/clerk` and it calls `/clerk/v1/...`).
 */
export async function clerkSurface(app: FastifyInstance, deps: SurfaceDeps): Promise<void> {
  const ctx = createClerkContext(deps.handset, deps.authenticator, deps.clock);
  // The SDK sends `Content-Type: application/json` on every request, with no body on an empty PATCH,
  // GET and DELETE: an empty body is `{}`, as Clerk reads it.
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (text.trim().length === 0) {
      done(null, {});
      return;
    }
    parseJson(request, text, done);
  });

  app.addHook("onRequest", async (request) => {
    const version = request.headers["clerk-api-version"];
    const query = (request.query as Record<string, unknown> | undefined)?.__clerk_api_version;
    if (typeof version === "string" && query !== undefined) {
      throw clerkErrors.apiVersionInvalid("give the version either as a header or as a query parameter");
    }
    const given = typeof version === "string" ? version : typeof query === "string" ? query : undefined;
    if (given !== undefined && !API_VERSION.test(given)) {
      throw clerkErrors.apiVersionInvalid(`${given} is not a version date (YYYY-MM-DD)`);
    }
  });

  // `@clerk/backend` parses a body as JSON only when the header is exactly `application/json`:
  // Fastify's `; charset=utf-8` would turn every answer into a string and every error into `errors: []`.
  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("content-type", "application/json");
    reply.header("clerk-trace-id", request.id);
    return payload;
  });

  app.setErrorHandler(
    settlingErrors((error, request, reply) => sendClerkError(error, request, reply, ctx.clock.now())),
  );
  app.setNotFoundHandler((request, reply) =>
    sendClerkError(
      new HandsetError("ROUTE_NOT_FOUND", `No route ${request.method} ${request.url.split("?")[0]}.`),
      request,
      reply,
      ctx.clock.now(),
    ),
  );

  await app.register(
    async (v1) => {
      registerPhoneNumberRoutes(v1, ctx);
      registerUserRoutes(v1, ctx);
      registerVerificationRoutes(v1, ctx);
    },
    { prefix: "/v1" },
  );
}
