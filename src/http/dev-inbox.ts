import type { ServerResponse } from "node:http";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { InboxMessage, InboxProvider } from "../delivery/providers/inbox/inbox-provider.js";
import { HandsetError } from "../domain/errors.js";
import { INBOX_PAGE_CSP, type InboxMessageJson, inboxPage } from "./dev-inbox-page.js";

function present(m: InboxMessage): InboxMessageJson {
  return {
    id: m.id,
    tenant_id: m.tenantId,
    to: m.to,
    body: m.body,
    code: m.code,
    verification_id: m.verificationId,
    delivered_at: new Date(m.deliveredAt).toISOString(),
  };
}

/** The longest a `GET /dev/inbox?wait_ms=` waits for a message before it answers the empty list. */
export const INBOX_MAX_WAIT_MS = 30_000;

/** How often an idle event stream says it is alive, so that proxies and browsers keep it open. */
export const INBOX_HEARTBEAT_MS = 15_000;

interface InboxQuery {
  to?: string;
  tenant?: string;
  limit?: string;
  verification_id?: string;
  after?: string;
  wait_ms?: string;
}

/**
 * `after=` as a test: a message id (ids sort in the order messages were queued) keeps the messages
 * queued after that one; an ISO time keeps those delivered strictly later.
 */
function afterFilter(after: string | undefined): ((m: InboxMessage) => boolean) | null {
  if (after === undefined || after === "") return null;
  const time = /^\d{4}-\d{2}-\d{2}T/.test(after) ? Date.parse(after) : Number.NaN;
  if (!Number.isNaN(time)) return (m) => m.deliveredAt > time;
  return (m) => m.id > after;
}

interface InboxFilter {
  to?: string;
  tenant?: string;
  verificationId?: string;
  matches(m: InboxMessage): boolean;
  /** The matching messages, newest first. */
  select(inbox: InboxProvider, limit: number): InboxMessage[];
}

function inboxFilter(query: InboxQuery, after = query.after): InboxFilter {
  // A bare `+` in a query string arrives as a space: accept `?to=+41...` as people type it.
  const trimmedTo = query.to?.trim().replace(/^\+/, "");
  const to = trimmedTo ? `+${trimmedTo}` : undefined;
  const tenant = query.tenant?.trim() || undefined;
  const verificationId = query.verification_id || undefined;
  const isAfter = afterFilter(after);
  const matches = (m: InboxMessage) =>
    (to === undefined || m.to === to) &&
    (tenant === undefined || m.tenantId === tenant) &&
    (verificationId === undefined || m.verificationId === verificationId) &&
    (isAfter === null || isAfter(m));
  const narrowed = tenant !== undefined || verificationId !== undefined || isAfter !== null;
  return {
    to,
    tenant,
    verificationId,
    matches,
    select: (inbox, limit) =>
      narrowed
        ? inbox.list({ to, verificationId, limit: 1000 }).filter(matches).slice(0, limit)
        : inbox.list({ to, limit }),
  };
}

/**
 * A browser's form or script from another site must not clear the inbox. Browsers say where a request
 * comes from (Sec-Fetch-Site, else Origin); a request with neither is not a browser's (curl, a script).
 */
function fromSameOrigin(request: FastifyRequest): boolean {
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined) return site === "same-origin" || site === "none";
  const origin = request.headers.origin;
  return origin === undefined || origin === `${request.protocol}://${request.host}`;
}

/** An open `/dev/inbox/events` stream. */
interface EventStream {
  cleared(): void;
  end(): void;
}

/**
 * The development inbox, registered only outside production mode:
 *
 * - `GET /dev/inbox`: the inbox provider's messages as JSON, or as a page for a browser
 *   (`Accept: text/html`). `?to=+41...` filters by number, `tenant=` by tenant, `verification_id=` by
 *   verification, `after=<message id or ISO time>` keeps only later messages. `wait_ms=` (capped at
 *   30 s) makes it a long poll: when nothing matches yet, the answer waits until a matching message is
 *   delivered or the wait ends (then the empty list).
 * - `GET /dev/inbox/events`: the same filters as server-sent events, each message as it is delivered
 *   (`after=` or Last-Event-ID first replays those since), `cleared` when the inbox is emptied.
 * - `DELETE /dev/inbox` (scripts) and `POST /dev/inbox/clear` (the page's button, same origin only)
 *   empty it.
 */
export async function devInboxRoutes(app: FastifyInstance, opts: { inbox: InboxProvider }): Promise<void> {
  const { inbox } = opts;
  /** Wakes every waiting request: the server is closing and must not wait for them. */
  const waiting = new Set<() => void>();
  const streams = new Set<EventStream>();
  app.addHook("preClose", async () => {
    for (const wake of [...waiting]) wake();
    for (const stream of [...streams]) stream.end();
  });

  app.get("/dev/inbox", { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as InboxQuery;
    const limit = Math.min(Math.max(Number.parseInt(query.limit ?? "100", 10) || 100, 1), 1000);
    const waitMs = Math.min(Math.max(Number.parseInt(query.wait_ms ?? "0", 10) || 0, 0), INBOX_MAX_WAIT_MS);
    const filter = inboxFilter(query);

    let messages = filter.select(inbox, limit);
    if (messages.length === 0 && waitMs > 0) {
      await new Promise<void>((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        const wake = () => {
          clearTimeout(timer);
          unsubscribe();
          reply.raw.off("close", wake);
          waiting.delete(wake);
          resolve();
        };
        const unsubscribe = inbox.subscribe((m) => {
          if (filter.matches(m)) wake();
        });
        timer = setTimeout(wake, waitMs);
        // The client went away: stop waiting for it.
        reply.raw.once("close", wake);
        waiting.add(wake);
      });
      messages = filter.select(inbox, limit);
    }
    if ((request.headers.accept ?? "").includes("text/html")) {
      return reply
        .type("text/html; charset=utf-8")
        .header("content-security-policy", INBOX_PAGE_CSP)
        .header("cache-control", "no-store")
        .send(inboxPage(messages.map(present), { to: filter.to, tenant: filter.tenant }));
    }
    return { data: messages.map(present) };
  });

  app.get("/dev/inbox/events", { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as InboxQuery;
    const lastEventId = request.headers["last-event-id"];
    const filter = inboxFilter(query, typeof lastEventId === "string" ? lastEventId : query.after);
    reply.hijack();
    const raw: ServerResponse = reply.raw;
    raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    });
    const send = (m: InboxMessage) => raw.write(`id: ${m.id}\ndata: ${JSON.stringify(present(m))}\n\n`);
    raw.write("retry: 2000\n\n");
    // What was delivered since the reader's last message, oldest first, then each one as it comes.
    if (query.after !== undefined || lastEventId !== undefined) {
      for (const m of filter.select(inbox, 1000).reverse()) send(m);
    }
    const unsubscribe = inbox.subscribe((m) => {
      if (filter.matches(m)) send(m);
    });
    const heartbeat = setInterval(() => raw.write(": heartbeat\n\n"), INBOX_HEARTBEAT_MS);
    const stream: EventStream = {
      cleared: () => raw.write("event: cleared\ndata: {}\n\n"),
      end: () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(stream);
        raw.off("close", stream.end);
        if (!raw.writableEnded) raw.end();
      },
    };
    streams.add(stream);
    raw.on("close", stream.end);
  });

  const clear = () => {
    inbox.clear();
    for (const stream of streams) stream.cleared();
  };
  app.delete("/dev/inbox", { schema: { hide: true } }, async (_request, reply) => {
    clear();
    return reply.code(204).send();
  });

  // The page's form posts an empty urlencoded body; nothing in it is read.
  if (!app.hasContentTypeParser("application/x-www-form-urlencoded")) {
    app.addContentTypeParser("application/x-www-form-urlencoded", (_request, payload, done) => {
      payload.resume();
      payload.once("end", () => done(null, undefined));
    });
  }
  app.post("/dev/inbox/clear", { schema: { hide: true } }, async (request, reply) => {
    if (!fromSameOrigin(request)) {
      throw new HandsetError("INVALID_REQUEST", "Only the inbox page itself may clear the inbox.");
    }
    clear();
    return reply.redirect("/dev/inbox", 303);
  });
}
