import {
  Code,
  ConnectError,
  type ConnectRouter,
  createConnectRouter,
  createContextValues,
} from "@connectrpc/connect";
import {
  compressionBrotli,
  compressionGzip,
  universalRequestFromNodeRequest,
  universalResponseToNodeResponse,
} from "@connectrpc/connect-node";
import type { FastifyReply, FastifyRequest } from "fastify";
import { rpcRequestKey } from "./error-edge.js";
import { answerGrpcWebText } from "./grpc-web-text.js";

export interface RpcHandlerOptions {
  routes: (router: ConnectRouter) => void;
  readMaxBytes: number;
}

/** A Fastify route handler for one RPC path: the route itself is registered from the route table. */
export type RpcRouteHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** Router options shared by the main port and the gRPC port. */
export function routerOptions(readMaxBytes: number) {
  return { readMaxBytes, acceptCompression: [compressionGzip, compressionBrotli] };
}

/**
 * Connect and gRPC-Web (HTTP/1.1) on Fastify: one handler per RPC path, by path, each handing the
 * raw request and response to the Connect handler. The route's scope must leave the body unread
 * (`zitadelSurface` registers every content type as passed through) for Connect to decode; Connect
 * answers a wrong content type itself.
 */
export function connectHandlers(options: RpcHandlerOptions): Map<string, RpcRouteHandler> {
  const router = createConnectRouter(routerOptions(options.readMaxBytes));
  options.routes(router);
  // Outermost: a text-mode gRPC-Web call is decoded before anything else sees it.
  answerGrpcWebText(router, options.readMaxBytes);
  const handlers = new Map<string, RpcRouteHandler>();
  for (const handler of router.handlers) {
    handlers.set(handler.requestPath, async (request, reply) => {
      reply.hijack();
      reply.raw.setHeader("x-request-id", request.id);
      const values = createContextValues().set(rpcRequestKey, request);
      try {
        const response = await handler(
          universalRequestFromNodeRequest(request.raw, reply.raw, undefined, values),
        );
        await universalResponseToNodeResponse(response, reply.raw);
      } catch (error) {
        // An aborted call is the client going away; anything else is a failure to write the answer.
        if (ConnectError.from(error).code !== Code.Aborted) {
          request.log.error({ err: error, rpc: handler.requestPath }, "zitadel rpc transport failed");
        }
        if (!reply.raw.headersSent) reply.raw.writeHead(500);
        reply.raw.end();
      }
    });
  }
  return handlers;
}
