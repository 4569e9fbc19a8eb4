import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import Fastify from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";

declare module "fastify" {
  interface FastifySchema {
    /**
     * Documentation only: what a response status means on this route ("No such user"), where it says
     * more than the document's default for that status.
     */
    responseDescriptions?: Partial<Record<number, string>>;
  }
}

export interface OpenApiOptions {
  /** Only routes under it are documented; vendor surfaces follow their vendors' documents. */
  documentedPrefix?: string;
  info: { title: string; version: string; description: string };
  /** Each status's description where a route gives none of its own. */
  responseDescriptions: Record<number, string>;
  /** The docs page's HTML title. */
  pageTitle?: string;
  /**
   * Parameters every POST takes (the native API's `Idempotency-Key`), by component name: declared
   * once under `components.parameters` and referenced by each POST operation.
   */
  postParameters?: Record<string, SharedParameter>;
}

/** An OpenAPI parameter declared once under `components.parameters`. */
export interface SharedParameter {
  name: string;
  in: "header" | "query";
  required: boolean;
  description: string;
  schema: Record<string, unknown>;
  example?: string;
}

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
export async function registerOpenApi(app: FastifyInstance, options: OpenApiOptions): Promise<void> {
  const documentedPrefix = options.documentedPrefix ?? "/v1";
  const documented: RouteOptions[] = [];
  app.addHook("onRoute", (route) => {
    // Fastify adds a HEAD route for every GET; the generator leaves those out, as it does here.
    if (route.url.startsWith(documentedPrefix) && route.method !== "HEAD") documented.push(route);
  });

  let docsApp: Promise<FastifyInstance> | undefined;
  const loadDocsApp = (): Promise<FastifyInstance> => {
    docsApp ??= buildDocsApp(documented, { ...options, documentedPrefix }).catch((error: unknown) => {
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
  options: OpenApiOptions & { documentedPrefix: string },
): Promise<FastifyInstance> {
  const { documentedPrefix } = options;
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
      info: options.info,
      components: {
        securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
        ...(options.postParameters ? { parameters: options.postParameters } : {}),
      },
      security: [{ bearer: [] }],
    },
    transform: (input) => {
      if (!input.url.startsWith(documentedPrefix)) {
        return { schema: { ...input.schema, hide: true }, url: input.url };
      }
      const { responseDescriptions, ...schema } = input.schema ?? {};
      const transformed = jsonSchemaTransform({ ...input, schema });
      describeResponses(transformed.schema, { ...options.responseDescriptions, ...responseDescriptions });
      return transformed;
    },
    transformObject: (input) =>
      withPostParameters(
        withOptionalBodies(withSortedSchemas(withoutZodArtefacts(jsonSchemaTransformObject(input)))),
        Object.keys(options.postParameters ?? {}),
      ),
  });
  await docs.register(swaggerUi, {
    routePrefix: "/docs",
    theme: { title: options.pageTitle ?? `${options.info.title} API` },
  });
  // Only what the document is made of: the routes themselves answer in the main app.
  for (const { method, url, schema } of routes) {
    docs.route({ method, url, schema, handler: async () => undefined });
  }
  await docs.ready();
  return docs;
}

/** Makes every POST operation reference the shared POST parameters by name. */
function withPostParameters<T>(document: T, names: readonly string[]): T {
  if (names.length === 0) return document;
  const paths = (document as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  for (const item of Object.values(paths)) {
    const post = item.post as { parameters?: unknown[] } | undefined;
    if (!post) continue;
    post.parameters = [
      ...(post.parameters ?? []),
      ...names.map((name) => ({ $ref: `#/components/parameters/${name}` })),
    ];
  }
  return document;
}

/** Gives every response of a transformed route schema its description (@fastify/swagger's extension). */
function describeResponses(schema: unknown, descriptions: Partial<Record<number, string>>): void {
  const responses = (schema as { response?: Record<string, Record<string, unknown>> } | undefined)?.response;
  if (!responses) return;
  for (const [status, response] of Object.entries(responses)) {
    const description = descriptions[Number(status)];
    if (description === undefined) continue;
    // A reference keeps no extension beside it through @fastify/swagger's resolver, but a description.
    const key = "$ref" in response ? "description" : "x-response-description";
    responses[status] = { ...response, [key]: description };
  }
}

type Operation = { requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> } };

/**
 * A body the route takes or leaves (`.nullish()`, as send-code's `{ locale }`) comes out of the generator
 * as a required body of "object or null": client generators then make every caller send one. It is
 * written as what it is, an optional body of the object.
 */
function withOptionalBodies<T>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, Operation>> }).paths ?? {};
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      const body = operation.requestBody;
      const json = body?.content?.["application/json"];
      const anyOf = (json?.schema as { anyOf?: unknown[] } | undefined)?.anyOf;
      if (!body || !json || !anyOf) continue;
      const isNull = (branch: unknown) => (branch as { type?: unknown }).type === "null";
      const rest = anyOf.filter((branch) => !isNull(branch));
      if (rest.length === anyOf.length || rest.length !== 1) continue;
      json.schema = rest[0];
      body.required = false;
    }
  }
  return document;
}

/**
 * zod writes bounds that only restate the JSON number type (±2^53-1 on every integer) and a regular
 * expression beside `format: date-time`; the docs page builds its examples from those, which is where
 * `-9007199254740991` and a year-2929 time came from. Both go; a schema's own `example` stays first.
 */
/**
 * `components.schemas` in name order. The generator lists them in the order zod's global registry
 * met them, which is the order their modules were first imported: a process that imported a migration
 * (which imports the tenant settings' schema) before the routes wrote another document than one that
 * did not, and the checked-in client (clients/typescript) went stale by the test order alone.
 */
function withSortedSchemas<T>(document: T): T {
  const components = (document as { components?: { schemas?: Record<string, unknown> } }).components;
  if (components?.schemas) {
    const schemas = components.schemas;
    components.schemas = Object.fromEntries(
      Object.keys(schemas)
        .sort()
        .map((name) => [name, schemas[name]]),
    );
  }
  return document;
}

function withoutZodArtefacts<T>(document: T): T {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (record.minimum === Number.MIN_SAFE_INTEGER) delete record.minimum;
    if (record.maximum === Number.MAX_SAFE_INTEGER) delete record.maximum;
    if (record.format === "date-time" && typeof record.pattern === "string") delete record.pattern;
    for (const value of Object.values(record)) visit(value);
  };
  visit(document);
  return document;
}
