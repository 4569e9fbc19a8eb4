import type { FastifyInstance, FastifyRequest } from "fastify";
import type { HttpMetrics, Surface } from "../metrics/http-metrics.js";
import { requestTenant } from "./request-tenant.js";

/** Path prefixes → the surface a request is counted and logged under; the first match wins. */
const SURFACE_PREFIXES: readonly (readonly [string, Surface])[] = [
  ["/v1/", "native"],
  ["/linode/", "linode"],
  ["/clerk/", "clerk"],
  ["/zitadel/", "zitadel"],
  ["/twilio/", "twilio"],
  ["/console", "console"],
  ["/dev/inbox", "inbox"],
  ["/docs", "docs"],
  ["/openapi.json", "docs"],
  ["/metrics", "metrics"],
  ["/healthz", "health"],
  ["/readyz", "health"],
];

/** The surface of a path (the route template, or the URL's path when no route matched): a closed set. */
export function surfaceOf(path: string): Surface {
  for (const [prefix, surface] of SURFACE_PREFIXES) {
    if (path.startsWith(prefix) || `${path}/` === prefix) return surface;
  }
  return "other";
}

/** Scrapers and probes call these every few seconds: their lines go to debug. */
const QUIET: ReadonlySet<Surface> = new Set(["health", "metrics"]);

/**
 * One line per request at info, once it is answered, and its count and latency in the metrics. The
 * line holds the route's template, never the URL (a path or query may hold a phone number or a code),
 * and no header: a secret cannot reach it.
 */
export function registerRequestLog(app: FastifyInstance, metrics: HttpMetrics | null): void {
  app.addHook("onResponse", (request, reply, done) => {
    const route = routeOf(request);
    const path = route === "unmatched" ? (request.url.split("?")[0] ?? "") : route;
    const surface = surfaceOf(path);
    const status = reply.statusCode;
    const seconds = reply.elapsedTime / 1000;
    metrics?.request({ surface, route, method: request.method, status, seconds });
    const tenant = requestTenant(request);
    const line = {
      method: request.method,
      route,
      status,
      duration_ms: Math.round(reply.elapsedTime * 100) / 100,
      surface,
      ...(tenant !== undefined ? { tenant } : {}),
    };
    if (QUIET.has(surface)) request.log.debug(line, "request completed");
    else request.log.info(line, "request completed");
    done();
  });
}

/** Fastify's template of the matched route, or `unmatched` (a 404 names no route). */
function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? "unmatched";
}
