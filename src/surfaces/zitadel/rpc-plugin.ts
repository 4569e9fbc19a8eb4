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
import type { FastifyInstance } from "fastify";
import { rpcRequestKey } from "./error-edge.js";

export interface RpcPluginOptions {
  routes: (router: ConnectRouter) => void;
  readMaxBytes: number;
}

/** Router options shared by the main port and the gRPC port. */
export function routerOptions(readMaxBytes: number) {
  return { readMaxBytes, acceptCompression: [compressionGzip, compressionBrotli] };
}

/**
 * Connect and gRPC-Web (HTTP/1.1) on Fastify: one route per RPC path, handed to the Connect handler
 * with the raw request and response. The body is left unread for Connect to decode, so every content
 * type passes through here untouched; Connect answers a wrong one itself.
 */
export async function zitadelRpcPlugin(app: FastifyInstance, options: RpcPluginOptions): Promise<void> {
  const router = createConnectRouter(routerOptions(options.readMaxBytes));
  options.routes(router);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", (_request, _payload, done) => done(null, undefined));

  for (const handler of router.handlers) {
    app.route({
      method: handler.allowedMethods,
      url: handler.requestPath,
      schema: { hide: true },
      async handler(request, reply) {
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
      },
    });
  }
}
