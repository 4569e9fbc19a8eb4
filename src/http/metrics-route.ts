import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Registry } from "prom-client";

export interface MetricsRouteOptions {
  registry: Registry;
  /** The bearer token Prometheus must send; null leaves the page open (bind the port accordingly). */
  token: string | null;
}

/** `GET /metrics`: the registry in Prometheus' text format, for a scraper. */
export function registerMetrics(app: FastifyInstance, options: MetricsRouteOptions): void {
  const expected = options.token === null ? null : digest(options.token);
  app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
    if (expected !== null) {
      const sent = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
      // Digests of equal length, so the comparison takes the same time whatever was sent.
      if (sent === undefined || !timingSafeEqual(digest(sent), expected)) {
        return reply
          .code(401)
          .header("www-authenticate", 'Bearer realm="metrics"')
          .type("text/plain; charset=utf-8")
          .send("The metrics need the bearer token set in HANDSET_METRICS_TOKEN.\n");
      }
    }
    return reply.type(options.registry.contentType).send(await options.registry.metrics());
  });
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
