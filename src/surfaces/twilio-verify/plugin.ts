import formbody from "@fastify/formbody";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { appNameOf } from "../../delivery/templates/message-renderer.js";
import { HandsetError } from "../../domain/errors.js";
import { sendErrorReply } from "../../http/error-edge.js";
import { toHandsetError } from "../../http/request-errors.js";
import { settlingErrors } from "../../http/request-scope.js";
import type { SurfaceDeps } from "../deps.js";
import { createTwilioVerifyContext } from "./context.js";
import { TwilioApiError, toTwilioError, twilioEnvelope } from "./errors.js";
import { registerTwilioVerifyRoutes } from "./routes.js";

export interface TwilioVerifyOptions extends SurfaceDeps {
  /** Where the surface is mounted (`/twilio`): its resources' `url` fields are absolute. */
  prefix: string;
}

function sendTwilioError(error: unknown, request: FastifyRequest, reply: FastifyReply, now: number) {
  const twilioError =
    error instanceof TwilioApiError
      ? error
      : toTwilioError(toHandsetError(error), request.url.split("?")[0] ?? "");
  return sendErrorReply(
    request,
    reply,
    {
      status: twilioError.status,
      body: twilioEnvelope(twilioError),
      cause: error,
      retryAt: twilioError.retryAt,
    },
    now,
  );
}

/**
 * Twilio Verify v2 under its mount (`/twilio` by default): the `twilio` SDK's requests to
 * `https://verify.twilio.com/v2/...` are sent to `http://host:port/twilio/v2/...` by a custom
 * `httpClient` (docs/twilio-verify.md). Form-encoded requests, JSON answers, Twilio's error envelope.
 */
export async function twilioVerifySurface(app: FastifyInstance, options: TwilioVerifyOptions): Promise<void> {
  const messages = options.config.sms.routing.messages;
  const ctx = createTwilioVerifyContext(options.handset, options.authenticator, options.clock, {
    codeLength: options.config.otp.codeLength,
    appNameOf: (tenantId) => appNameOf(messages, tenantId),
  });
  await app.register(formbody, { bodyLimit: 64 * 1024 });

  app.setErrorHandler(
    settlingErrors((error, request, reply) => sendTwilioError(error, request, reply, ctx.clock.now())),
  );
  app.setNotFoundHandler((request, reply) =>
    sendTwilioError(
      new HandsetError("ROUTE_NOT_FOUND", `No route ${request.method} ${request.url.split("?")[0]}.`),
      request,
      reply,
      ctx.clock.now(),
    ),
  );

  await app.register(async (v2) => registerTwilioVerifyRoutes(v2, ctx, options.prefix), { prefix: "/v2" });
}
