import type { FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { settlingErrors } from "../../http/request-scope.js";
import type { NativeContext } from "./context.js";
import { registerCredentialRoutes } from "./credential-routes.js";
import { sendNativeError } from "./errors.js";
import { registerGuardRoutes } from "./guard-routes.js";
import { registerGuessLockRoutes } from "./guess-lock-routes.js";
import { registerIdempotencyKeys } from "./idempotency-hook.js";
import { registerMessageRoutes } from "./message-routes.js";
import { registerOperatorRoutes } from "./operator-routes.js";
import { registerPhoneNumberRoutes } from "./phone-number-routes.js";
import { registerSettingsRoutes } from "./settings-routes.js";
import { registerTenantRoutes } from "./tenant-routes.js";
import { registerUserRoutes } from "./user-routes.js";
import { registerVerificationRoutes } from "./verification-routes.js";
import { registerVerifyServiceRoutes } from "./verify-service-routes.js";
import { registerWebhookRoutes } from "./webhook-routes.js";

/** Handset's own API under `/v1`: admin routes for API keys, `/v1/me` routes for user tokens. */
export async function nativeSurface(app: FastifyInstance, ctx: NativeContext): Promise<void> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(
    settlingErrors((error, request, reply) => sendNativeError(error, request, reply, ctx.clock.now())),
  );
  // First: its hooks cover every POST of this surface, routes registered after it included.
  registerIdempotencyKeys(app, ctx);
  registerUserRoutes(app, ctx);
  registerPhoneNumberRoutes(app, ctx, "admin");
  registerPhoneNumberRoutes(app, ctx, "self");
  registerGuessLockRoutes(app, ctx, "admin");
  registerGuessLockRoutes(app, ctx, "self");
  registerMessageRoutes(app, ctx, "admin");
  registerMessageRoutes(app, ctx, "self");
  registerSettingsRoutes(app, ctx);
  registerGuardRoutes(app, ctx);
  registerCredentialRoutes(app, ctx);
  registerWebhookRoutes(app, ctx);
  registerTenantRoutes(app, ctx);
  registerOperatorRoutes(app, ctx);
  registerVerificationRoutes(app, ctx);
  registerVerifyServiceRoutes(app, ctx);
}
