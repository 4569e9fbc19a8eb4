import { Counter, Histogram, type Registry } from "prom-client";

/** The surfaces a request is counted under: a closed set, so the label cannot grow. */
export type Surface =
  | "native"
  | "linode"
  | "clerk"
  | "zitadel"
  | "twilio"
  | "console"
  | "inbox"
  | "docs"
  | "metrics"
  | "health"
  | "other";

export interface HttpRequestSample {
  surface: Surface;
  /** The route's template (`/v1/users/:user_id`), never the URL, or `unmatched`. */
  route: string;
  method: string;
  status: number;
  seconds: number;
}

export interface HttpMetrics {
  request(sample: HttpRequestSample): void;
  /** One call on ZITADEL's gRPC port: its method (`zitadel.auth.v1.AuthService/GetMyPhone`) and code. */
  grpcCall(method: string, code: string): void;
}

/** Latency buckets (seconds) from a cached read to a request that waited on a slow database. */
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createHttpMetrics(registry: Registry): HttpMetrics {
  const requests = new Counter({
    name: "handset_http_requests_total",
    help: "HTTP requests answered, by surface, route template, method and status.",
    labelNames: ["surface", "route", "method", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "handset_http_request_duration_seconds",
    help: "Time from a request's arrival to its answer, by surface, route template and method.",
    labelNames: ["surface", "route", "method"] as const,
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  const grpc = new Counter({
    name: "handset_grpc_requests_total",
    help: "Calls on ZITADEL's gRPC port, by method and gRPC status code.",
    labelNames: ["method", "code"] as const,
    registers: [registry],
  });
  return {
    request({ surface, route, method, status, seconds }) {
      requests.inc({ surface, route, method, status: String(status) });
      duration.observe({ surface, route, method }, seconds);
    },
    grpcCall(method, code) {
      grpc.inc({ method, code });
    },
  };
}
