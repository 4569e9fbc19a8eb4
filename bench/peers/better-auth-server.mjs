// The peer: better-auth with its phone-number plugin on better-sqlite3, served by node:http through
// toNodeHandler, the way its docs set it up. Started by bench/run.mjs; configured by environment:
//   PEER_PORT       port to listen on (127.0.0.1)
//   PEER_DATA_DIR   folder for the SQLite file
// Three routes sit beside better-auth's own: GET /healthz (ready); POST /__bench/users {ids}, which
// creates users each with a session through better-auth's own adapter before the clock starts (as the
// bench creates Handset's users) and answers each one's signed session cookie; and
// GET /__bench/otp?phone=...&wait_ms=..., the test hook through which the load generator reads the code
// `sendOTP` was handed (a long poll: it waits up to wait_ms for the code), with the time it was handed.
import { createHmac, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { join } from "node:path";
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { toNodeHandler } from "better-auth/node";
import { phoneNumber } from "better-auth/plugins/phone-number";
import Database from "better-sqlite3";

const port = Number(process.env.PEER_PORT ?? 4020);
const dataDir = process.env.PEER_DATA_DIR ?? ".";

const database = new Database(join(dataDir, "better-auth.sqlite"));
// The same durability as Handset's embedded store: WAL, every commit synced.
database.pragma("journal_mode = WAL");
database.pragma("synchronous = FULL");

/** Codes handed to sendOTP, by phone number, until the load generator reads them. */
const sentCodes = new Map();
/** Reads waiting for a code, by phone number. */
const codeWaiters = new Map();
const wallNow = () => performance.timeOrigin + performance.now();
const secret = process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString("hex");

const baseURL = `http://127.0.0.1:${port}`;
const auth = betterAuth({
  baseURL,
  secret,
  database,
  telemetry: { enabled: false },
  // One load generator on one IP would trip the per-IP limiter at once; Handset has none per IP either.
  rateLimit: { enabled: false },
  logger: { level: "error" },
  plugins: [
    phoneNumber({
      sendOTP: ({ phoneNumber: to, code }) => {
        sentCodes.set(to, { code, sentAt: wallNow() });
        codeWaiters.get(to)?.();
      },
    }),
  ],
});

const { runMigrations } = await getMigrations(auth.options);
await runMigrations();

const authHandler = toNodeHandler(auth);
const authContext = await auth.$context;

/** The session cookie better-auth sets at sign-in: the token, signed with the secret (HMAC-SHA256). */
function sessionCookie(token) {
  const signature = createHmac("sha256", secret).update(token).digest("base64");
  return `${authContext.authCookies.sessionToken.name}=${encodeURIComponent(`${token}.${signature}`)}`;
}

/** @param {import("node:http").IncomingMessage} req */
async function readJson(req) {
  let text = "";
  for await (const chunk of req) text += chunk;
  return JSON.parse(text || "{}");
}

/** Users for the load generator, each with a session, through better-auth's own internal adapter. */
async function createUsers(ids) {
  const users = [];
  for (const id of ids) {
    const user = await authContext.internalAdapter.createUser({
      email: `${String(id).replace(/[^a-zA-Z0-9-]/g, "")}@bench.invalid`,
      name: String(id),
      emailVerified: false,
    });
    const session = await authContext.internalAdapter.createSession(user.id);
    users.push({ id: user.id, cookie: sessionCookie(session.token) });
  }
  return users;
}

/** The code sendOTP was handed for `to`, waiting up to `waitMs` for it. */
async function takeCode(to, waitMs) {
  if (!sentCodes.has(to) && waitMs > 0) {
    await new Promise((resolve) => {
      const timer = setTimeout(done, waitMs);
      function done() {
        clearTimeout(timer);
        codeWaiters.delete(to);
        resolve();
      }
      codeWaiters.set(to, done);
    });
  }
  const sent = sentCodes.get(to);
  sentCodes.delete(to);
  return sent;
}

const server = createServer((req, res) => {
  const url = req.url ?? "/";
  if (url === "/healthz") {
    res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    return;
  }
  if (url === "/__bench/users" && req.method === "POST") {
    readJson(req)
      .then((body) => createUsers(body.ids ?? []))
      .then(
        (users) => res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ users })),
        (error) => res.writeHead(500).end(String(error?.stack ?? error)),
      );
    return;
  }
  if (url.startsWith("/__bench/otp?")) {
    const query = new URLSearchParams(url.slice(url.indexOf("?") + 1));
    const to = query.get("phone") ?? "";
    const waitMs = Math.min(Math.max(Number(query.get("wait_ms")) || 0, 0), 30_000);
    takeCode(to, waitMs).then((sent) => {
      if (sent === undefined) {
        res.writeHead(404, { "content-type": "application/json" }).end('{"code":null}');
        return;
      }
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ code: sent.code, sent_at_ms: sent.sentAt }));
    });
    return;
  }
  authHandler(req, res);
});

function shutdown() {
  server.close(() => {
    database.close();
    process.exit(0);
  });
  server.closeAllConnections();
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);

server.listen(port, "127.0.0.1");
