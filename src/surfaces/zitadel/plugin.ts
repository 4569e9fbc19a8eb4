import { Code } from "@connectrpc/connect";
import type { FastifyInstance } from "fastify";
import { toHandsetError } from "../../http/request-errors.js";
import type { SurfaceDeps } from "../deps.js";
import { plainError, toZitadelError } from "./errors.js";
import { sendGatewayError } from "./rest-errors.js";
import { zitadelRestGateway } from "./rest-gateway.js";
import { connectRoutes, createZitadelRpcs } from "./routes.js";
import { zitadelRpcPlugin } from "./rpc-plugin.js";

/**
 * ZITADEL's phone APIs under one mount (`/zitadel`): Connect and gRPC-Web at
 * `/zitadel/<service>/<method>`, the REST gateway at `/zitadel/auth/v1/...` and `/zitadel/v2/...`.
 * gRPC itself needs HTTP/2 and is served on its own port (`grpc-server.ts`).
 */
export async function zitadelSurface(app: FastifyInstance, deps: SurfaceDeps): Promise<void> {
  const ctx = { ...deps, log: app.log };
  const rpcs = createZitadelRpcs(ctx);

  app.setNotFoundHandler((_request, reply) =>
    sendGatewayError(reply, plainError(Code.NotFound, "Not Found")),
  );
  app.setErrorHandler((error, request, reply) => {
    const handsetError = toHandsetError(error);
    if (handsetError.code === "INTERNAL") request.log.error({ err: error }, "zitadel request failed");
    return sendGatewayError(reply, toZitadelError(handsetError, "v1", "get", deps.clock.now()));
  });

  await app.register(zitadelRpcPlugin, {
    routes: connectRoutes(rpcs),
    readMaxBytes: deps.config.bodyLimitBytes,
  });
  await app.register(zitadelRestGateway, { rpcs, bodyLimit: deps.config.bodyLimitBytes });
}
