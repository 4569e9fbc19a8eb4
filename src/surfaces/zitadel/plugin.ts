import type { FastifyInstance } from "fastify";
import { settlingErrors } from "../../http/request-scope.js";
import type { SurfaceDeps } from "../deps.js";
import { ZITADEL_ROUTES } from "./route-table.js";
import type { ZitadelHandlers } from "./surface.js";

/**
 * ZITADEL's phone APIs under one mount (`/zitadel`): Connect and gRPC-Web at
 * `/zitadel/<service>/<method>`, the REST gateway at `/zitadel/auth/v1/...` and `/zitadel/v2/...`.
 * gRPC itself needs HTTP/2 and is served on its own port (`grpc-server.ts`).
 *
 * Every route is registered at start, from the route table; what answers on them (the protobufs,
 * Connect, the RPCs) is loaded on the surface's first request, so a server that is never asked in
 * ZITADEL's dialect never loads it.
 */
export async function zitadelSurface(
  app: FastifyInstance,
  deps: SurfaceDeps & { atRoot?: boolean },
): Promise<void> {
  let loaded: Promise<ZitadelHandlers> | undefined;
  const handlers = (): Promise<ZitadelHandlers> => {
    loaded ??= import("./surface.js")
      .then((surface) => surface.createZitadelHandlers(deps))
      .catch((error: unknown) => {
        loaded = undefined;
        throw error;
      });
    return loaded;
  };

  // At the root (HANDSET_ZITADEL_AT_ROOT) the surface shares the app's not-found answer: paths that are
  // no route of any surface stay Handset's.
  if (!deps.atRoot) {
    app.setNotFoundHandler(async (request, reply) => (await handlers()).notFound(request, reply));
  }
  app.setErrorHandler(
    settlingErrors(async (error, request, reply) => (await handlers()).error(error, request, reply)),
  );

  // Connect and gRPC-Web: the body is left unread for Connect to decode, so every content type passes
  // through here untouched; Connect answers a wrong one itself.
  await app.register(async (rpc) => {
    rpc.removeAllContentTypeParsers();
    rpc.addContentTypeParser("*", (_request, _payload, done) => done(null, undefined));
    for (const [methods, path] of ZITADEL_ROUTES.connect) {
      rpc.route({
        method: [...methods],
        url: path,
        schema: { hide: true },
        async handler(request, reply) {
          const handler = (await handlers()).connect.get(path);
          if (!handler) throw new Error(`no handler for ${path}: the route table is stale`);
          await handler(request, reply);
        },
      });
    }
  });

  // The REST gateway reads any body as JSON, whatever its content type, and an empty body as `{}`.
  await app.register(async (gateway) => {
    gateway.removeAllContentTypeParsers();
    gateway.addContentTypeParser(
      "*",
      { parseAs: "string", bodyLimit: deps.config.bodyLimitBytes },
      (_request, body, done) => done(null, body),
    );
    for (const [verb, url] of ZITADEL_ROUTES.gateway) {
      gateway.route({
        method: verb,
        url,
        schema: { hide: true },
        async handler(request, reply) {
          const handler = (await handlers()).gateway.get(`${verb} ${url}`);
          if (!handler) throw new Error(`no handler for ${verb} ${url}: the route table is stale`);
          return handler(request, reply);
        },
      });
    }
  });
}
