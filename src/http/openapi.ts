import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

/**
 * `/openapi.json` and the docs page at `/docs`, generated from the routes' zod schemas. Only routes
 * under `documentedPrefix` are ours to document; vendor surfaces follow their vendors' documents.
 * Register before the routes: the generator sees only routes added after it.
 */
export async function registerOpenApi(app: FastifyInstance, documentedPrefix = "/v1"): Promise<void> {
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
      if (!input.url.startsWith(documentedPrefix)) {
        return { schema: { ...input.schema, hide: true }, url: input.url };
      }
      return jsonSchemaTransform(input);
    },
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
