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

/**
 * `GET /dev/inbox`: the inbox provider's messages as JSON, or as a page for a browser
 * (`Accept: text/html`). `?to=+41...` filters by number. Registered only outside production mode.
 */
export async function devInboxRoutes(app: FastifyInstance, opts: { inbox: InboxProvider }): Promise<void> {
  app.get("/dev/inbox", { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as { to?: string; limit?: string };
    const limit = Math.min(Math.max(Number.parseInt(query.limit ?? "100", 10) || 100, 1), 1000);
    // A bare `+` in a query string arrives as a space: accept `?to=+41...` as people type it.
    const to = query.to === undefined ? undefined : `+${query.to.trim().replace(/^\+/, "")}`;
    const messages = opts.inbox.list({ to, limit });
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
