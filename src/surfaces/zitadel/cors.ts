import type { IncomingHttpHeaders } from "node:http";

/**
 * CORS as ZITADEL answers it (its `DefaultCORSOptions`, served by rs/cors): credentials allowed, the
 * request's origin echoed when allowed, ZITADEL's request headers, and the gRPC status headers exposed
 * so that gRPC-Web and Connect clients in a browser can read an error. Which origins are allowed is the
 * operator's (`HANDSET_ZITADEL_CORS_ORIGINS`); ZITADEL itself allows any (`*`).
 */
export interface CorsPolicy {
  /** Allowed origins; `*` in the list allows any. */
  origins: readonly string[];
}

/** ZITADEL's allowed request headers, plus Handset's `x-request-id`; rs/cors always allows `Origin`. */
const ALLOWED_HEADERS = new Set([
  "origin",
  "content-type",
  "accept",
  "accept-language",
  "authorization",
  "x-zitadel-orgid",
  "x-user-agent",
  "x-grpc-web",
  "x-requested-with",
  "connect-protocol-version",
  "connect-timeout-ms",
  "grpc-timeout",
  "x-request-id",
]);
const ALLOWED_METHODS = new Set(["OPTIONS", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]);
/** ZITADEL's exposed headers, plus Handset's facts a client may act on (tries left, when to retry). */
const EXPOSED_HEADERS = [
  "Location",
  "Content-Length",
  "Grpc-Status",
  "Grpc-Message",
  "Grpc-Status-Details-Bin",
  "Retry-After",
  "X-Request-Id",
  "Handset-Attempts-Left",
  "Handset-Expires-At",
  "Handset-Retry-At",
].join(", ");

export interface CorsAnswer {
  /** A preflight is answered here (204) and goes no further; any other request continues. */
  preflight: boolean;
  headers: Record<string, string>;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function originAllowed(policy: CorsPolicy, origin: string): boolean {
  return policy.origins.includes("*") || policy.origins.includes(origin);
}

/**
 * What CORS adds to a request's answer. A preflight (OPTIONS with `Access-Control-Request-Method`)
 * that asks for a method or header ZITADEL does not allow, or comes from an origin not allowed, is
 * answered 204 without CORS headers, as rs/cors does: the browser then refuses the call.
 */
export function corsAnswer(policy: CorsPolicy, method: string, headers: IncomingHttpHeaders): CorsAnswer {
  const origin = single(headers.origin);
  const requestedMethod = single(headers["access-control-request-method"]);
  if (method === "OPTIONS" && requestedMethod !== undefined) {
    const answer: CorsAnswer = {
      preflight: true,
      headers: { vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers" },
    };
    if (origin === undefined || !originAllowed(policy, origin)) return answer;
    const asked = requestedMethod.toUpperCase();
    if (!ALLOWED_METHODS.has(asked)) return answer;
    const requestedHeaders = (single(headers["access-control-request-headers"]) ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== "");
    if (!requestedHeaders.every((h) => ALLOWED_HEADERS.has(h))) return answer;
    answer.headers["access-control-allow-origin"] = origin;
    answer.headers["access-control-allow-methods"] = asked;
    if (requestedHeaders.length > 0) {
      answer.headers["access-control-allow-headers"] = requestedHeaders.join(", ");
    }
    answer.headers["access-control-allow-credentials"] = "true";
    return answer;
  }
  const answer: CorsAnswer = { preflight: false, headers: { vary: "Origin" } };
  if (origin === undefined || !originAllowed(policy, origin)) return answer;
  answer.headers["access-control-allow-origin"] = origin;
  answer.headers["access-control-allow-credentials"] = "true";
  answer.headers["access-control-expose-headers"] = EXPOSED_HEADERS;
  return answer;
}

/** The minimal response both HTTP/1.1 and HTTP/2 compatibility responses offer. */
interface RawResponse {
  setHeader(name: string, value: string): unknown;
  writeHead(status: number): unknown;
  end(): unknown;
}

/**
 * Applies CORS to a raw request: sets the headers on the response (kept by whatever writes the
 * answer later, Connect included) and answers a preflight. Returns true when the request is answered.
 */
export function applyCors(
  policy: CorsPolicy,
  request: { method?: string; headers: IncomingHttpHeaders },
  response: RawResponse,
): boolean {
  const answer = corsAnswer(policy, request.method ?? "GET", request.headers);
  for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
  if (!answer.preflight) return false;
  response.writeHead(204);
  response.end();
  return true;
}

/** The paths ZITADEL's APIs use at the root of a port: the RPC services and the REST gateway. */
export function isZitadelRootPath(path: string): boolean {
  return (
    path.startsWith("/zitadel.auth.v1.AuthService/") ||
    path.startsWith("/zitadel.user.v2.UserService/") ||
    path.startsWith("/auth/v1/") ||
    path.startsWith("/v2/")
  );
}
