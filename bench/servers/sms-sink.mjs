// The shared SMS sink for Handset on PostgreSQL: Handset's webhook SMS provider (HANDSET_SMS_PROVIDER=
// webhook) POSTs every message here, from however many Handset processes share the database, and the
// load generator reads each code from here. It verifies nothing (the signature is not the point); it
// records each message's arrival time and code.
//   POST /sms                                 a Handset webhook delivery; answers {"id": <message id>}
//   GET  /codes?to=&verification_id=&wait_ms= {data: [{id, to, code, verification_id, arrived_at_ms}]},
//                                             newest first; a long poll when wait_ms is given
//   GET  /healthz
// arrived_at_ms is performance.timeOrigin + performance.now() (epoch milliseconds, sub-millisecond), read
// as soon as the request's body is in. Configured by SINK_PORT.
import { createServer } from "node:http";

const port = Number(process.env.SINK_PORT ?? 4050);
const wallNow = () => performance.timeOrigin + performance.now();

/** Messages by number, newest first. */
const byNumber = new Map();
/** Waiting reads by number. */
const waiters = new Map();
let received = 0;

function record(payload, arrivedAt) {
  const data = payload?.data ?? {};
  const message = {
    id: String(data.id ?? ""),
    to: String(data.to ?? ""),
    code: String(data.code ?? ""),
    verification_id: String(data.verification_id ?? ""),
    arrived_at_ms: arrivedAt,
  };
  received += 1;
  const list = byNumber.get(message.to) ?? [];
  list.unshift(message);
  // A flow reads its code once; keep a few per number, not the whole run.
  if (list.length > 8) list.length = 8;
  byNumber.set(message.to, list);
  for (const wake of waiters.get(message.to) ?? []) wake();
  return message;
}

function select(to, verificationId) {
  const list = byNumber.get(to) ?? [];
  return verificationId ? list.filter((m) => m.verification_id === verificationId) : list;
}

async function readCodes(query) {
  const to = `+${(query.get("to") ?? "").trim().replace(/^\+/, "")}`;
  const verificationId = query.get("verification_id");
  const waitMs = Math.min(Math.max(Number(query.get("wait_ms")) || 0, 0), 30_000);
  let data = select(to, verificationId);
  if (data.length === 0 && waitMs > 0) {
    await new Promise((resolve) => {
      const set = waiters.get(to) ?? new Set();
      waiters.set(to, set);
      let timer;
      const done = () => {
        clearTimeout(timer);
        set.delete(wake);
        if (set.size === 0) waiters.delete(to);
        resolve();
      };
      const wake = () => {
        if (select(to, verificationId).length > 0) done();
      };
      timer = setTimeout(done, waitMs);
      set.add(wake);
    });
    data = select(to, verificationId);
  }
  return { data };
}

const server = createServer((req, res) => {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  const answer = (status, body) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  if (req.method === "POST" && path === "/sms") {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const arrivedAt = wallNow();
      try {
        const message = record(JSON.parse(Buffer.concat(chunks).toString("utf8")), arrivedAt);
        answer(200, { id: message.id });
      } catch {
        answer(400, { error: "bad json" });
      }
    });
    return;
  }
  if (req.method === "GET" && path === "/codes") {
    readCodes(new URLSearchParams(url.slice(q + 1))).then((body) => answer(200, body));
    return;
  }
  if (req.method === "GET" && path === "/healthz") return answer(200, { status: "ok", received });
  answer(404, { error: "not found" });
});

function shutdown() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
server.listen(port, "127.0.0.1");
