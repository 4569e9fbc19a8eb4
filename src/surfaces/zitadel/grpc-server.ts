import http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { Code, ConnectError, createContextValues, type Interceptor } from "@connectrpc/connect";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import type { FastifyBaseLogger } from "fastify";
import { newId } from "../../domain/ids.js";
import type { SurfaceDeps } from "../deps.js";
import { applyCors, type CorsPolicy, isZitadelRootPath } from "./cors.js";
import { rpcRequestKey } from "./error-edge.js";
import { answerGrpcWebText } from "./grpc-web-text.js";
import { connectRoutes, createZitadelRpcs } from "./routes.js";
import { routerOptions } from "./rpc-plugin.js";

export interface ZitadelGrpcServer {
  start(host: string, port: number): Promise<AddressInfo>;
  stop(): Promise<void>;
  /** Where it listens, once started. */
  address(): AddressInfo | null;
}

/** How long stopping waits for calls in flight before it cuts the sessions still open. */
const STOP_GRACE_MS = 2_000;

/** What answers a request on HTTP/2: a raw request listener for `http2.createServer`. */
export type H2Handler = (request: http2.Http2ServerRequest, response: http2.Http2ServerResponse) => void;

/**
 * ZITADEL's RPCs over HTTP/2 at the root paths a real ZITADEL uses: gRPC, and Connect and gRPC-Web
 * (binary and text) too, behind CORS as the main port answers it. `fallback` answers any other path
 * (the single-port mode hands it to the HTTP/1.1 app); unset, it is a bare 404.
 */
export function createZitadelH2Handler(
  deps: SurfaceDeps,
  log: FastifyBaseLogger,
  fallback?: H2Handler,
): H2Handler {
  const { grpcCalls } = deps;
  const handler = connectNodeAdapter({
    ...routerOptions(deps.config.bodyLimitBytes),
    interceptors: grpcCalls ? [countingCalls(grpcCalls)] : [],
    routes: (router) => {
      connectRoutes(createZitadelRpcs(deps), deps.clock, () => deps.handset.credentials.settleAccess())(
        router,
      );
      answerGrpcWebText(router, deps.config.bodyLimitBytes);
    },
    ...(fallback ? { fallback: fallback as Parameters<typeof connectNodeAdapter>[0]["fallback"] } : {}),
    // Each call gets a request id as a Fastify request does, taken from `x-request-id` when sent.
    contextValues: (request) => {
      const sent = request.headers["x-request-id"];
      const id = typeof sent === "string" && sent.length > 0 ? sent : newId("req", deps.clock.now());
      const call = {
        id,
        log: log.child({ request_id: id }),
        method: request.method,
        url: request.url,
        ip: request.socket?.remoteAddress,
      };
      return createContextValues().set(rpcRequestKey, call);
    },
  });
  const cors: CorsPolicy = { origins: deps.config.zitadel.corsOrigins };
  return (request, response) => {
    const path = (request.url ?? "").split("?")[0] ?? "";
    if (cors.origins.length > 0 && isZitadelRootPath(path) && applyCors(cors, request, response)) return;
    handler(request, response);
  };
}

/**
 * gRPC over HTTP/2 cleartext (prior knowledge), as ZITADEL's own clients speak it (`createGrpcTransport`,
 * `createServerTransport`). The same router also answers Connect and gRPC-Web on this port, at the
 * root paths a real ZITADEL uses.
 */
export function createZitadelGrpcServer(deps: SurfaceDeps, log: FastifyBaseLogger): ZitadelGrpcServer {
  const server = http2.createServer(createZitadelH2Handler(deps, log));
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on("session", (session) => {
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
  });
  let listening: AddressInfo | null = null;

  return {
    start(host, port) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          listening = server.address() as AddressInfo;
          log.info({ address: listening }, "zitadel grpc listening");
          resolve(listening);
        });
      });
    },
    async stop() {
      if (!listening) return;
      listening = null;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Clients keep idle HTTP/2 sessions open; closing them lets in-flight calls finish and the server stop.
      for (const session of sessions) session.close();
      // A session closes once its streams have; a client that keeps sending into a stream already
      // answered (a body over the limit is refused before it is read) would hold it open for ever.
      // What is still open after the grace period is cut.
      const cut = setTimeout(() => {
        for (const session of sessions) session.destroy();
      }, STOP_GRACE_MS);
      cut.unref();
      await closed;
      clearTimeout(cut);
    },
    address: () => listening,
  };
}

/** Counts every call that reached an implementation, by `service/method` and its status code. */
function countingCalls(count: (method: string, code: string) => void): Interceptor {
  return (next) => async (request) => {
    const method = `${request.service.typeName}/${request.method.name}`;
    try {
      const response = await next(request);
      count(method, "OK");
      return response;
    } catch (error) {
      count(method, Code[ConnectError.from(error).code]);
      throw error;
    }
  };
}
