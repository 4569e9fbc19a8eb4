import { createHash } from "node:crypto";

/** One inbox message as the JSON endpoint, the event stream and the page show it. */
export interface InboxMessageJson {
  id: string;
  tenant_id: string;
  to: string;
  body: string;
  code: string;
  verification_id: string;
  delivered_at: string;
}

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const STYLE = `body{font:15px/1.4 system-ui,sans-serif;margin:0 auto;max-width:64rem;padding:1rem;color:#111}
h1{font-size:1.4rem;margin:.2rem 0}form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:.6rem 0}
label{display:flex;flex-direction:column;font-size:.85rem}input{font:inherit;padding:.35rem;min-width:10rem}
button,.button{font:inherit;padding:.35rem .8rem;cursor:pointer}#live{color:#555;font-size:.9rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}
.code span{font:600 1.25rem ui-monospace,monospace;letter-spacing:.05em;margin-right:.4rem}
@media (max-width:640px){thead{display:none}tr{display:block;border-bottom:1px solid #ccc;padding:.4rem 0}
td{display:block;border:0;padding:.1rem 0}td[data-label]::before{content:attr(data-label) ": ";color:#666;font-size:.85rem}}`;

/**
 * Live updates: the page subscribes to `/dev/inbox/events` with its own filter and the newest message
 * it shows, so nothing delivered between the page and the stream is missed; the browser's Last-Event-ID
 * takes over on reconnect. Rows are built with textContent, so a message body cannot inject markup.
 */
const SCRIPT = `(() => {
  const rows = document.getElementById("messages");
  const live = document.getElementById("live");
  const shown = new Set(Array.from(rows.querySelectorAll("tr[data-id]"), (r) => r.dataset.id));
  const copy = async (text, button) => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = document.createElement("textarea");
      area.value = text;
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = "Copy"; }, 1500);
  };
  document.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-copy]");
    if (button) copy(button.dataset.copy, button);
  });
  const cell = (label, text) => {
    const td = document.createElement("td");
    td.dataset.label = label;
    td.textContent = text;
    return td;
  };
  const row = (m) => {
    const tr = document.createElement("tr");
    tr.dataset.id = m.id;
    const code = cell("Code", "");
    code.className = "code";
    const digits = document.createElement("span");
    digits.textContent = m.code;
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.copy = m.code;
    button.textContent = "Copy";
    code.append(digits, button);
    tr.append(cell("Delivered", m.delivered_at), cell("Tenant", m.tenant_id), cell("To", m.to), code, cell("Message", m.body));
    return tr;
  };
  const empty = () => {
    const tr = document.createElement("tr");
    tr.id = "empty";
    const td = document.createElement("td");
    td.colSpan = 5;
    td.textContent = "No messages yet.";
    tr.append(td);
    return tr;
  };
  const params = new URLSearchParams(location.search);
  params.set("after", rows.querySelector("tr[data-id]")?.dataset.id ?? "0");
  const source = new EventSource("/dev/inbox/events?" + params);
  source.addEventListener("message", (event) => {
    const m = JSON.parse(event.data);
    if (shown.has(m.id)) return;
    shown.add(m.id);
    document.getElementById("empty")?.remove();
    rows.prepend(row(m));
  });
  source.addEventListener("cleared", () => {
    shown.clear();
    rows.replaceChildren(empty());
  });
  source.addEventListener("open", () => { live.textContent = "Live: new messages appear here as they are sent."; });
  source.addEventListener("error", () => { live.textContent = "Disconnected; reconnecting…"; });
})();`;

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/**
 * The page's own policy: its one inline script and style by hash, the event stream and the forms on
 * this origin, nothing else. It works as it is under this strict a policy, so it works under any the
 * operator's proxy adds that allows the same.
 */
export const INBOX_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

function messageRow(m: InboxMessageJson): string {
  const code = escapeHtml(m.code);
  return (
    `<tr data-id="${escapeHtml(m.id)}"><td data-label="Delivered">${escapeHtml(m.delivered_at)}</td>` +
    `<td data-label="Tenant">${escapeHtml(m.tenant_id)}</td><td data-label="To">${escapeHtml(m.to)}</td>` +
    `<td data-label="Code" class="code"><span>${code}</span><button type="button" data-copy="${code}">Copy</button></td>` +
    `<td data-label="Message">${escapeHtml(m.body)}</td></tr>`
  );
}

/** The development inbox page: the messages (newest first), the filter, the clear button. */
export function inboxPage(messages: InboxMessageJson[], filter: { to?: string; tenant?: string }): string {
  const rows = messages.map(messageRow).join("\n");
  const filtered = filter.to !== undefined || filter.tenant !== undefined;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Handset development inbox</title><style>${STYLE}</style></head>
<body><h1>Development inbox</h1>
<p>Every SMS Handset would have sent, newest first. This page exists only outside production mode.</p>
<form method="get" action="/dev/inbox" role="search">
<label>Number <input name="to" type="tel" inputmode="tel" placeholder="+447400123456" value="${escapeHtml(filter.to ?? "")}"></label>
<label>Tenant <input name="tenant" placeholder="default" value="${escapeHtml(filter.tenant ?? "")}"></label>
<button type="submit">Filter</button>${filtered ? ' <a class="button" href="/dev/inbox">Show all</a>' : ""}
</form>
<form method="post" action="/dev/inbox/clear"><button type="submit">Clear the inbox</button></form>
<p id="live" role="status">Connecting…</p>
<table><thead><tr><th>Delivered</th><th>Tenant</th><th>To</th><th>Code</th><th>Message</th></tr></thead>
<tbody id="messages">${rows || '<tr id="empty"><td colspan="5">No messages yet.</td></tr>'}</tbody></table>
<script>${SCRIPT}</script></body></html>`;
}
