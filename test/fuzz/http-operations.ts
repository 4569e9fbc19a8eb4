import http from "node:http";
import { isImplemented, sampleBody } from "../security/route-table.js";
import type { FuzzServer } from "./fuzz-server.js";

/** The part of a JSON Schema the fuzzer reads to make values of the right type and of the wrong one. */
export interface FieldSchema {
  type?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

/** One operation of an HTTP surface: what the fuzzer knows of its path, query, body and credential. */
export interface Operation {
  surface: string;
  method: string;
  /** Fastify's template, `:name` for a path parameter. */
  url: string;
  query: Record<string, FieldSchema>;
  /** The body's fields: from the OpenAPI document (native) or a well-formed sample (the others). */
  fields: Record<string, FieldSchema>;
  /** A body the operation accepts as well formed, when it takes one. */
  sample: Record<string, unknown> | undefined;
  credential: string;
  /** A ZITADEL method Handset does not implement: it answers 501 Unimplemented, by design. */
  unimplemented: boolean;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema?: FieldSchema }[];
  requestBody?: { content?: Record<string, { schema?: OpenApiBodySchema }> };
}
interface OpenApiBodySchema {
  properties?: Record<string, FieldSchema>;
  anyOf?: OpenApiBodySchema[];
}

function bodyFields(schema: OpenApiBodySchema | undefined): Record<string, FieldSchema> {
  if (!schema) return {};
  return Object.assign({}, schema.properties, ...(schema.anyOf ?? []).map(bodyFields));
}

function typeOf(value: unknown): FieldSchema {
  return { type: typeof value === "number" ? "number" : typeof value };
}

/**
 * Every operation of the native, Linode and Clerk surfaces and of ZITADEL's REST gateway. The native
 * API's come from the OpenAPI document the server serves (path and query parameters, body fields and
 * their types); the vendor surfaces have none of their own, so theirs come from the route table and
 * the well-formed samples of the security tests.
 */
export async function httpOperations(server: FuzzServer): Promise<Operation[]> {
  const response = await fetch(`${server.url}/openapi.json`);
  const doc = (await response.json()) as { paths: Record<string, Record<string, OpenApiOperation>> };
  const documented = new Map<string, OpenApiOperation>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      documented.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`, operation);
    }
  }
  const operations: Operation[] = [];
  for (const route of server.routes) {
    if (route.surface === "public" || route.surface === "zitadel-connect") continue;
    const sample = sampleBody(route, server.ids);
    const openApi = documented.get(`${route.method} ${route.url}`);
    if (route.surface === "native" && !openApi)
      throw new Error(`${route.method} ${route.url} is not documented`);
    const query: Record<string, FieldSchema> = {};
    for (const parameter of openApi?.parameters ?? []) {
      if (parameter.in === "query") query[parameter.name] = parameter.schema ?? {};
    }
    const fields = openApi
      ? bodyFields(openApi.requestBody?.content?.["application/json"]?.schema)
      : Object.fromEntries(Object.entries(sample ?? {}).map(([name, value]) => [name, typeOf(value)]));
    operations.push({
      surface: route.surface,
      method: route.method,
      url: route.url,
      query,
      fields,
      sample,
      credential: server.credentialFor(route),
      unimplemented: !isImplemented(route),
    });
  }
  return operations;
}

export interface RawRequest {
  method: string;
  /** The path and query as sent, unnormalised. */
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface RawResponse {
  status: number;
  body: string;
}

/**
 * Sends a request as written (node:http sends the path as given, `..` and bad escapes included), on a
 * connection of its own: a server may close a connection after an error answer, and a request on a
 * reused one would then fail for that reason, not its own.
 */
export function send(url: string, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      `${url}/`,
      { method: request.method, path: request.path, headers: request.headers, agent: false },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        incoming.on("error", reject);
      },
    );
    outgoing.on("error", (error: Error & { code?: string; rawPacket?: Buffer }) => {
      // Fastify answers a path it cannot decode (`%FF`) without reading the body, and Node then answers
      // that body as a request of its own on the closing connection: the first answer is the one.
      const status = /^HTTP\/1\.1 (\d{3})/.exec(error.rawPacket?.toString("latin1") ?? "")?.[1];
      if (error.code === "HPE_CLOSED_CONNECTION" && status) resolve({ status: Number(status), body: "" });
      else reject(error);
    });
    outgoing.end(request.body);
  });
}
