import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import Fastify from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";

/** Headers of the docs app's answer that belong to its own (injected) connection, not to ours. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length"]);

/**
 * `/openapi.json` and the docs page at `/docs`, generated from the routes' zod schemas. Only routes
 * under `documentedPrefix` are ours to document; vendor surfaces follow their vendors' documents.
 * Register before the routes: only routes added after it are seen.
 *
 * The generator (@fastify/swagger, with its YAML writer) and the docs page (@fastify/swagger-ui) are
 * loaded on the first request for either, not at start: they live in a small Fastify app of their
 * own, built then from the documented routes' method, URL and schema, and these two routes answer
 * with what it answers.
 */
export async function registerOpenApi(app: FastifyInstance, documentedPrefix = "/v1"): Promise<void> {
  const documented: RouteOptions[] = [];
  app.addHook("onRoute", (route) => {
    // Fastify adds a HEAD route for every GET; the generator leaves those out, as it does here.
    if (route.url.startsWith(documentedPrefix) && route.method !== "HEAD") documented.push(route);
  });

  let docsApp: Promise<FastifyInstance> | undefined;
  const loadDocsApp = (): Promise<FastifyInstance> => {
    docsApp ??= buildDocsApp(documented, documentedPrefix).catch((error: unknown) => {
      docsApp = undefined;
      throw error;
    });
    return docsApp;
  };
  const forward = async (request: FastifyRequest, reply: FastifyReply) => {
    const docs = await loadDocsApp();
    const answer = await docs.inject({
      method: request.method === "HEAD" ? "HEAD" : "GET",
      url: request.url,
      headers: request.headers,
    });
    // What the docs page does not have is not found in Handset's own envelope, as any other route.
    if (answer.statusCode === 404) return reply.callNotFound();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) reply.header(name, value);
    }
    return reply.code(answer.statusCode).send(answer.rawPayload.length > 0 ? answer.rawPayload : undefined);
  };

  app.addHook("onClose", async () => {
    const built = await docsApp?.catch(() => undefined);
    await built?.close();
  });
  app.get("/openapi.json", { schema: { hide: true } }, async () => (await loadDocsApp()).swagger());
  app.get("/docs", { schema: { hide: true } }, forward);
  app.get("/docs/*", { schema: { hide: true } }, forward);
}

async function buildDocsApp(
  routes: readonly RouteOptions[],
  documentedPrefix: string,
): Promise<FastifyInstance> {
  const [{ default: swagger }, { default: swaggerUi }] = await Promise.all([
    import("@fastify/swagger"),
    import("@fastify/swagger-ui"),
  ]);
  const docs = Fastify({ logger: false });
  docs.setValidatorCompiler(validatorCompiler);
  docs.setSerializerCompiler(serializerCompiler);
  await docs.register(swagger, {
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
      if (!input.url.startsWith(documentedPrefix)) {
        return { schema: { ...input.schema, hide: true }, url: input.url };
      }
      return jsonSchemaTransform(input);
    },
    transformObject: jsonSchemaTransformObject,
  });
  await docs.register(swaggerUi, { routePrefix: "/docs" });
  // Only what the document is made of: the routes themselves answer in the main app.
  for (const { method, url, schema } of routes) {
    docs.route({ method, url, schema, handler: async () => undefined });
  }
  await docs.ready();
  return docs;
}
