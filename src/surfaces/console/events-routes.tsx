import type { FastifyInstance } from "fastify";
import type { Handset } from "../../services/handset.js";
import { EventsPage } from "./pages/events.js";
import { PAGE_SIZE, queryText, queryTime } from "./query.js";
import { rememberSession, sendHtml } from "./reply.js";
import { requireScope, signedIn } from "./session.js";

/** The event log with its filters (events:read). */
export function registerEventsRoutes(app: FastifyInstance, admin: Handset): void {
  const sessions = admin.consoleSessions;
  app.get("/events", { schema: { hide: true } }, async (request, reply) => {
    const signed = await signedIn(sessions, request);
    const session = rememberSession(request, signed);
    requireScope(signed.caller, "events:read");
    const filters = {
      user: queryText(request.query, "user", 64),
      type: queryText(request.query, "type", 100),
      since: queryText(request.query, "since", 40),
      until: queryText(request.query, "until", 40),
      after: queryText(request.query, "after"),
    };
    const page = await admin.events.list(signed.caller, {
      userId: filters.user,
      type: filters.type,
      since: queryTime(request.query, "since"),
      until: queryTime(request.query, "until"),
      limit: PAGE_SIZE,
      after: filters.after,
    });
    return sendHtml(
      reply,
      200,
      <EventsPage session={session} events={page.events} nextCursor={page.nextCursor} filters={filters} />,
    );
  });
}
