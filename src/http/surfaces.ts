import type { FastifyInstance } from "fastify";
import { clerkSurface } from "../surfaces/clerk/plugin.js";
import { linodeSurface } from "../surfaces/linode/plugin.js";
import { createNativeContext } from "../surfaces/native/context.js";
import { nativeSurface } from "../surfaces/native/plugin.js";
import { zitadelSurface } from "../surfaces/zitadel/plugin.js";
import type { SurfaceDeps } from "./surface-deps.js";

/** Mounts every API surface, each an encapsulated plugin with its own prefix and error envelope. */
export async function registerSurfaces(app: FastifyInstance, deps: SurfaceDeps): Promise<void> {
  await app.register(nativeSurface, {
    prefix: "/v1",
    ...createNativeContext(deps.handset, deps.authenticator, deps.clock),
  });
  await app.register(linodeSurface, { prefix: "/linode", ...deps });
  await app.register(clerkSurface, { prefix: "/clerk", ...deps });
  await app.register(zitadelSurface, { prefix: "/zitadel", ...deps });
}
