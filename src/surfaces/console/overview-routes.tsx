import type { FastifyInstance } from "fastify";
import { HandsetError } from "../../domain/errors.js";
import type { Handset } from "../../services/handset.js";
import { isStatsRange, type StatsRange } from "../../services/stats.js";
import { OverviewPage } from "./pages/overview.js";
import { presentStats } from "./present-stats.js";
import { rememberSession, sendHtml } from "./reply.js";
import { requireScope, signedIn } from "./session.js";

function rangeOf(query: unknown): StatsRange {
  const range = (query as Record<string, unknown> | undefined)?.range;
  if (range === undefined || range === "") return "24h";
  if (!isStatsRange(range)) {
    throw new HandsetError("INVALID_REQUEST", "range is 24h (by the hour) or 30d (by the day).", {
      fields: [{ path: "range", message: "24h or 30d" }],
    });
  }
  return range;
}

/** The overview with its charts, and the same figures as JSON. */
export function registerOverviewRoutes(app: FastifyInstance, handset: Handset, chartJsUrl: string): void {
  app.get("/overview", { schema: { hide: true } }, async (request, reply) => {
    const signed = await signedIn(handset.consoleSessions, request);
    const session = rememberSession(request, signed);
    requireScope(signed.caller, "phone:read");
    const stats = await handset.stats.overview(signed.caller, rangeOf(request.query));
    return sendHtml(reply, 200, <OverviewPage session={session} stats={stats} chartJsUrl={chartJsUrl} />);
  });

  app.get("/api/stats", { schema: { hide: true } }, async (request) => {
    const signed = await signedIn(handset.consoleSessions, request);
    requireScope(signed.caller, "phone:read");
    return presentStats(await handset.stats.overview(signed.caller, rangeOf(request.query)));
  });
}
