import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import { clerkSurface } from "../surfaces/clerk/plugin.js";
import type { SurfaceDeps } from "../surfaces/deps.js";
import { linodeSurface } from "../surfaces/linode/plugin.js";
import { createNativeContext } from "../surfaces/native/context.js";
import { nativeSurface } from "../surfaces/native/plugin.js";
import type { ZitadelGrpcServer } from "../surfaces/zitadel/grpc-server.js";
import { zitadelSurface } from "../surfaces/zitadel/plugin.js";

/** Where each surface is mounted; the security tests read this table too. */
export const SURFACE_PREFIXES = {
  native: "/v1",
  linode: "/linode",
  clerk: "/clerk",
  zitadel: "/zitadel",
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

  const zitadelGrpc = lazyZitadelGrpcServer(deps, app.log);
  const grpcPort = deps.config.zitadel.grpcPort;
  if (grpcPort !== null) {
    app.addHook("onReady", async () => void (await zitadelGrpc.start(deps.config.host, grpcPort)));
  }
  app.addHook("onClose", async () => zitadelGrpc.stop());
  return zitadelGrpc;
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
