import { Code } from "@connectrpc/connect";
import type { FastifyInstance } from "fastify";
import { toHandsetError } from "../../http/request-errors.js";
import type { SurfaceDeps } from "../deps.js";
import { sendGatewayError, withCause } from "./error-edge.js";
import { plainError, toZitadelError } from "./errors.js";
import { zitadelRestGateway } from "./rest-gateway.js";
import { connectRoutes, createZitadelRpcs } from "./routes.js";
import { zitadelRpcPlugin } from "./rpc-plugin.js";

/**
 * ZITADEL's phone APIs under one mount (`/zitadel`): Connect and gRPC-Web at
 * `/zitadel/<service>/<method>`, the REST gateway at `/zitadel/auth/v1/...` and `/zitadel/v2/...`.
 * gRPC itself needs HTTP/2 and is served on its own port (`grpc-server.ts`).
 */
export async function zitadelSurface(app: FastifyInstance, deps: SurfaceDeps): Promise<void> {
  const rpcs = createZitadelRpcs(deps);
  const now = () => deps.clock.now();

  app.setNotFoundHandler((request, reply) =>
    sendGatewayError(request, reply, plainError(Code.NotFound, "Not Found"), now()),
  );
  // What fails before an RPC runs (a body too large, say) is answered as the gateway would.
  app.setErrorHandler((error, request, reply) =>
    sendGatewayError(
      request,
      reply,
      withCause(toZitadelError(toHandsetError(error), "v1", "get"), error),
      now(),
    ),
  );

  await app.register(zitadelRpcPlugin, {
    routes: connectRoutes(rpcs, deps.clock),
    readMaxBytes: deps.config.bodyLimitBytes,
  });
  await app.register(zitadelRestGateway, { rpcs, bodyLimit: deps.config.bodyLimitBytes, clock: deps.clock });
}
