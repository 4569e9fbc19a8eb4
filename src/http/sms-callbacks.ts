import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { CallbackRequest, SmsProvider } from "../delivery/provider.js";

export interface SmsCallbackOptions {
  providers: ReadonlyMap<string, SmsProvider>;
  /** The configured public URL: the callback URL a provider signed is this plus the path and query. */
  publicUrl: string | null;
}

/**
 * `/sms/callbacks/<provider>`: delivery receipts and status callbacks from SMS providers. There is no
 * credential here: each provider proves the request is genuine (its signature, or the token Handset
 * put in the callback URL) and answers 403 otherwise. The body is kept raw, as signatures cover it.
 */
export async function smsCallbackRoutes(app: FastifyInstance, options: SmsCallbackOptions): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => done(null, body));

  const handle = async (request: FastifyRequest<{ Params: { provider: string } }>, reply: FastifyReply) => {
    const provider = options.providers.get(request.params.provider);
    if (!provider?.handleCallback) {
      return reply.code(404).type("text/plain").send("no such SMS provider takes callbacks here");
    }
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
    }
    const origin = options.publicUrl ?? `${request.protocol}://${request.host}`;
    const callback: CallbackRequest = {
      method: request.method,
      url: `${origin}${request.url}`,
      headers,
      body: typeof request.body === "string" ? request.body : "",
    };
    try {
      const answer = await provider.handleCallback(callback);
      reply.code(answer.status);
      if (answer.contentType) reply.type(answer.contentType);
      return reply.send(answer.body ?? "");
    } catch (error) {
      // The receipt could not be kept (the database is away): the provider retries on a 5xx.
      request.log.error({ err: error, provider: provider.name }, "sms callback could not be recorded");
      return reply.code(503).type("text/plain").send("try again later");
    }
  };
  app.get("/sms/callbacks/:provider", { schema: { hide: true } }, handle);
  app.post("/sms/callbacks/:provider", { schema: { hide: true } }, handle);
}
