import { Code } from "@connectrpc/connect";
import type { FastifyReply, FastifyRequest } from "fastify";
import { toHandsetError } from "../../http/request-errors.js";
import type { SurfaceDeps } from "../deps.js";
import { sendGatewayError, withCause } from "./error-edge.js";
import { plainError, toZitadelError } from "./errors.js";
import { type GatewayRouteHandler, gatewayHandlers } from "./rest-gateway.js";
import { connectRoutes, createZitadelRpcs } from "./routes.js";
import { connectHandlers, type RpcRouteHandler } from "./rpc-plugin.js";

/**
 * What answers on ZITADEL's routes: the Connect and gRPC-Web handlers by RPC path, the REST gateway's
 * by verb and URL, and the surface's not-found and error answers. It holds the protobufs and Connect,
 * so `zitadelSurface` loads it on the surface's first request, not at start.
 */
export interface ZitadelHandlers {
  connect: ReadonlyMap<string, RpcRouteHandler>;
  gateway: ReadonlyMap<string, GatewayRouteHandler>;
  notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply;
  error(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply;
}

export function createZitadelHandlers(deps: SurfaceDeps): ZitadelHandlers {
  const rpcs = createZitadelRpcs(deps);
  const now = () => deps.clock.now();
  return {
    connect: connectHandlers({
      routes: connectRoutes(rpcs, deps.clock, () => deps.handset.credentials.settleAccess()),
      readMaxBytes: deps.config.bodyLimitBytes,
    }),
    gateway: gatewayHandlers({ rpcs, clock: deps.clock }),
    notFound: (request, reply) =>
      sendGatewayError(request, reply, plainError(Code.NotFound, "Not Found"), now()),
    // What fails before an RPC runs (a body too large, say) is answered as the gateway would.
    error: (error, request, reply) =>
      sendGatewayError(
        request,
        reply,
        withCause(toZitadelError(toHandsetError(error), "v1", "get"), error),
        now(),
      ),
  };
}
