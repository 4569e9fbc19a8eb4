import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from "fastify";
import type { Config } from "../config.js";
import type { Clock } from "../domain/clock.js";
import { newId } from "../domain/ids.js";

/**
 * The Fastify instance every surface is mounted on: body limit, structured logs without secrets,
 * and a request id on every request (taken from `x-request-id` when the caller sends one) that is
 * echoed on every response, success or error, so a caller can quote it and an operator find it.
 */
export function createFastify(
  config: Config,
  clock: Clock,
  logger: FastifyServerOptions["logger"] = { level: config.logLevel },
): FastifyInstance {
  const app = Fastify({
    logger:
      typeof logger === "object" && logger !== null
        ? { ...logger, redact: ["req.headers.authorization", "req.headers.cookie"] }
        : logger,
    bodyLimit: config.bodyLimitBytes,
    // `request.ip` is the client's: the socket's, or the forwarded one from a proxy the operator trusts.
    // A hop count becomes the function proxy-addr builds from it, the form Fastify's types accept.
    trustProxy: typeof config.trustProxy === "number" ? trustHops(config.trustProxy) : config.trustProxy,
    genReqId: () => newId("req", clock.now()),
    requestIdHeader: "x-request-id",
    logController: new LogController({
      requestIdLogLabel: "request_id",
      // Fastify's own lines name the URL, which may hold a phone number: `request-log.ts` writes one
      // line per request instead, with the route's template.
      disableRequestLogging: true,
    }),
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  return app;
}

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}
