import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Clock } from "../../domain/clock.js";
import { HandsetError } from "../../domain/errors.js";

/**
 * Linode's general limit for every command, as its API reference states it: 400 requests a minute,
 * counted per user (per token) and endpoint, or per client address where no token is sent.
 */
export const LINODE_REQUEST_LIMIT = { limit: 400, windowMs: 60_000 } as const;

/** Where one caller stands in one endpoint's window. */
export interface RequestWindow {
  limit: number;
  /** Requests still allowed in the window, this one counted. */
  remaining: number;
  /** When the window ends and the count starts again (epoch ms). */
  resetAt: number;
  allowed: boolean;
}

/**
 * Fixed request windows per key, kept in this process's memory: each Handset process counts its own
 * requests (several processes behind one balancer each allow the limit). The table is bounded: ended
 * windows go first, then the oldest, so a flood of made-up tokens cannot grow it without end.
 */
export class RequestWindows {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  hit(key: string, now: number): RequestWindow {
    let window = this.windows.get(key);
    if (window === undefined || now >= window.start + this.windowMs) {
      this.makeRoom(now);
      window = { start: now, count: 0 };
      this.windows.delete(key);
      this.windows.set(key, window);
    }
    // A refused request is not counted further: the count cannot run past the limit plus one.
    window.count = Math.min(window.count + 1, this.limit + 1);
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.count),
      resetAt: window.start + this.windowMs,
      allowed: window.count <= this.limit,
    };
  }

  private makeRoom(now: number): void {
    if (this.windows.size < this.maxKeys) return;
    for (const [key, window] of this.windows) {
      if (now >= window.start + this.windowMs) this.windows.delete(key);
    }
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}

/** Who is asking (a hash of the bearer token, or the client address) and which endpoint. */
function windowKey(request: FastifyRequest): string {
  const authorization = request.headers.authorization;
  const who =
    typeof authorization === "string" && authorization !== ""
      ? `t:${createHash("sha256").update(authorization).digest("base64url").slice(0, 22)}`
      : `ip:${request.ip}`;
  // v4 and v4beta are one endpoint; unknown paths share one window, so they cannot fill the table.
  const route = request.routeOptions.url?.replace("/v4beta/", "/v4/") ?? "*";
  return `${who} ${request.method} ${route}`;
}

/**
 * Linode's rate-limit headers on every response of the surface. `X-RateLimit-*` describe the
 * caller's window on this endpoint; when Handset refuses with a 429 for any reason (this window, a
 * resend cooldown, a send or guess budget), Remaining is 0 and Reset is the moment the refusing limit
 * lets the request through, the same moment `Retry-After` names.
 */
export function createRateLimiting(clock: Clock, windows: RequestWindows) {
  const seen = new WeakMap<FastifyRequest, RequestWindow>();
  return {
    /** `onRequest`: counts the request and refuses it once the window is used up. */
    async count(request: FastifyRequest): Promise<void> {
      const window = windows.hit(windowKey(request), clock.now());
      seen.set(request, window);
      if (!window.allowed) {
        const perMinute = windows.windowMs === 60_000 ? "a minute" : `per ${windows.windowMs / 1000} s`;
        throw new HandsetError(
          "BUDGET_EXCEEDED",
          `Too many requests: at most ${windows.limit} ${perMinute} to this endpoint.`,
          { retryAt: window.resetAt, limit: "linode_requests_per_window" },
        );
      }
    },

    /** `onSend`: the headers, errors included. */
    async headers(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
      const window = seen.get(request);
      if (window === undefined) return payload;
      let { remaining, resetAt } = window;
      const retryAfter = Number(reply.getHeader("retry-after"));
      if (reply.statusCode === 429) {
        remaining = 0;
        if (Number.isFinite(retryAfter)) resetAt = clock.now() + retryAfter * 1000;
      }
      reply.header("x-ratelimit-limit", String(window.limit));
      reply.header("x-ratelimit-remaining", String(remaining));
      reply.header("x-ratelimit-reset", String(Math.ceil(resetAt / 1000)));
      return payload;
    },
  };
}
