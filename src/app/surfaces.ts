import type { IncomingMessage, ServerResponse } from "node:http";
import type { Http2ServerRequest, Http2ServerResponse } from "node:http2";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import { clerkSurface } from "../surfaces/clerk/plugin.js";
import type { SurfaceDeps } from "../surfaces/deps.js";
import { linodeSurface } from "../surfaces/linode/plugin.js";
import { createNativeContext } from "../surfaces/native/context.js";
import { nativeSurface } from "../surfaces/native/plugin.js";
import { twilioVerifySurface } from "../surfaces/twilio-verify/plugin.js";
import { applyCors, type CorsPolicy, isZitadelRootPath } from "../surfaces/zitadel/cors.js";
import type { ZitadelGrpcServer } from "../surfaces/zitadel/grpc-server.js";
import { zitadelSurface } from "../surfaces/zitadel/plugin.js";
import { type SinglePort, serveH2cAlongside } from "./single-port.js";

/** Where each surface is mounted; the security tests read this table too. */
export const SURFACE_PREFIXES = {
  native: "/v1",
  linode: "/linode",
  clerk: "/clerk",
  zitadel: "/zitadel",
  twilio: "/twilio",
} as const;

/**
 * Mounts every API surface, each an encapsulated plugin with its own prefix and error envelope, and
 * builds ZITADEL's gRPC server, which starts with the app when HANDSET_ZITADEL_GRPC_PORT is set.
 */
export async function registerSurfaces(app: FastifyInstance, deps: SurfaceDeps): Promise<ZitadelGrpcServer> {
  await app.register(nativeSurface, {
    prefix: SURFACE_PREFIXES.native,
    ...createNativeContext(deps.handset, deps.authenticator, deps.clock),
  });
  await app.register(linodeSurface, { prefix: SURFACE_PREFIXES.linode, ...deps });
  await app.register(clerkSurface, { prefix: SURFACE_PREFIXES.clerk, ...deps });
  await app.register(zitadelSurface, { prefix: SURFACE_PREFIXES.zitadel, ...deps });
  await app.register(twilioVerifySurface, { ...deps, prefix: SURFACE_PREFIXES.twilio });
  const { corsOrigins, atRoot } = deps.config.zitadel;
  // ZITADEL's one base URL: the same routes at the root too (REST, Connect, gRPC-Web; gRPC below).
  if (atRoot) await app.register(zitadelSurface, { ...deps, atRoot: true });
  if (corsOrigins.length > 0) registerZitadelCors(app, { origins: corsOrigins }, atRoot);
  if (atRoot) serveZitadelH2c(app, deps);

  const zitadelGrpc = lazyZitadelGrpcServer(deps, app.log);
  const grpcPort = deps.config.zitadel.grpcPort;
  if (grpcPort !== null) {
    app.addHook("onReady", async () => void (await zitadelGrpc.start(deps.config.host, grpcPort)));
  }
  app.addHook("onClose", async () => zitadelGrpc.stop());
  return zitadelGrpc;
}

/**
 * CORS on ZITADEL's routes only (the mount, and the root paths when ZITADEL is served there): the
 * headers are set on the raw response, so they stay on answers Connect writes itself, and a preflight
 * is answered here, whether or not a route has the OPTIONS method.
 */
function registerZitadelCors(app: FastifyInstance, policy: CorsPolicy, atRoot: boolean): void {
  const mount = `${SURFACE_PREFIXES.zitadel}/`;
  app.addHook("onRequest", async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (!path.startsWith(mount) && !(atRoot && isZitadelRootPath(path))) return;
    if (applyCors(policy, request.raw, reply.raw)) reply.hijack();
  });
}

/**
 * HTTP/2 cleartext on the main port beside HTTP/1.1 (HANDSET_ZITADEL_AT_ROOT), as ZITADEL serves gRPC
 * on its one port: ZITADEL's RPCs answer at the root; any other path is handed to the app, so the
 * native API and the other surfaces answer over h2c too. Loaded (with the protobufs) at start.
 */
function serveZitadelH2c(app: FastifyInstance, deps: SurfaceDeps): void {
  let port: SinglePort | undefined;
  app.addHook("onReady", async () => {
    const { createZitadelH2Handler } = await import("../surfaces/zitadel/grpc-server.js");
    const toApp = (request: Http2ServerRequest, response: Http2ServerResponse) =>
      // Fastify's router takes HTTP/2's compatibility request and response as it does on an HTTP/2 server.
      app.routing(request as unknown as IncomingMessage, response as unknown as ServerResponse);
    port = serveH2cAlongside(app.server, createZitadelH2Handler(deps, app.log, toApp));
  });
  app.addHook("preClose", async () => port?.closeSessions());
}

/**
 * ZITADEL's gRPC server, loaded (with the protobufs and Connect) when it is started: a server without
 * a gRPC port never loads it.
 */
function lazyZitadelGrpcServer(deps: SurfaceDeps, log: FastifyBaseLogger): ZitadelGrpcServer {
  let server: ZitadelGrpcServer | null = null;
  return {
    async start(host, port) {
      if (!server) {
        const { createZitadelGrpcServer } = await import("../surfaces/zitadel/grpc-server.js");
        server ??= createZitadelGrpcServer(deps, log);
      }
      return server.start(host, port);
    },
    stop: async () => server?.stop(),
    address: () => server?.address() ?? null,
  };
}
