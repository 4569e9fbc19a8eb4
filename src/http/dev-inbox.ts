import type { FastifyInstance } from "fastify";
import type { InboxMessage, InboxProvider } from "../delivery/providers/inbox/inbox-provider.js";

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

function present(m: InboxMessage) {
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

function page(messages: InboxMessage[]): string {
  const rows = messages
    .map(
      (m) =>
        `<tr><td>${escapeHtml(new Date(m.deliveredAt).toISOString())}</td><td>${escapeHtml(m.to)}</td>` +
        `<td class="code">${escapeHtml(m.code)}</td><td>${escapeHtml(m.body)}</td></tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Handset development inbox</title>
<meta http-equiv="refresh" content="5">
<style>body{font:14px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}.code{font:600 1.2rem monospace}</style></head>
<body><h1>Development inbox</h1>
<p>Every SMS Handset would have sent, newest first. This page exists only outside production mode.</p>
<table><thead><tr><th>Delivered</th><th>To</th><th>Code</th><th>Message</th></tr></thead>
<tbody>${rows || '<tr><td colspan="4">No messages yet.</td></tr>'}</tbody></table></body></html>`;
}

/** The longest a `GET /dev/inbox?wait_ms=` waits for a message before it answers the empty list. */
export const INBOX_MAX_WAIT_MS = 30_000;

interface InboxQuery {
  to?: string;
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

/**
 * `GET /dev/inbox`: the inbox provider's messages as JSON, or as a page for a browser
 * (`Accept: text/html`). `?to=+41...` filters by number, `verification_id=` by verification,
 * `after=<message id or ISO time>` keeps only later messages. `wait_ms=` (capped at 30 s) makes it a
 * long poll: when nothing matches yet, the answer waits until a matching message is delivered or the
 * wait ends (then the empty list). Registered only outside production mode.
 */
export async function devInboxRoutes(app: FastifyInstance, opts: { inbox: InboxProvider }): Promise<void> {
  /** Wakes every waiting request: the server is closing and must not wait for them. */
  const waiting = new Set<() => void>();
  app.addHook("preClose", async () => {
    for (const wake of [...waiting]) wake();
  });

  app.get("/dev/inbox", { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as InboxQuery;
    const limit = Math.min(Math.max(Number.parseInt(query.limit ?? "100", 10) || 100, 1), 1000);
    // A bare `+` in a query string arrives as a space: accept `?to=+41...` as people type it.
    const to = query.to === undefined ? undefined : `+${query.to.trim().replace(/^\+/, "")}`;
    const verificationId = query.verification_id || undefined;
    const isAfter = afterFilter(query.after);
    const waitMs = Math.min(Math.max(Number.parseInt(query.wait_ms ?? "0", 10) || 0, 0), INBOX_MAX_WAIT_MS);
    const filtered = verificationId !== undefined || isAfter !== null;
    const matches = (m: InboxMessage) =>
      (to === undefined || m.to === to) &&
      (verificationId === undefined || m.verificationId === verificationId) &&
      (isAfter === null || isAfter(m));
    const select = () =>
      filtered
        ? opts.inbox.list({ to, verificationId, limit: 1000 }).filter(matches).slice(0, limit)
        : opts.inbox.list({ to, limit });

    let messages = select();
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
        const unsubscribe = opts.inbox.subscribe((m) => {
          if (matches(m)) wake();
        });
        timer = setTimeout(wake, waitMs);
        // The client went away: stop waiting for it.
        reply.raw.once("close", wake);
        waiting.add(wake);
      });
      messages = select();
    }
    if ((request.headers.accept ?? "").includes("text/html")) {
      return reply.type("text/html; charset=utf-8").send(page(messages));
    }
    return { data: messages.map(present) };
  });
  app.delete("/dev/inbox", { schema: { hide: true } }, async (_request, reply) => {
    opts.inbox.clear();
    return reply.code(204).send();
  });
}
