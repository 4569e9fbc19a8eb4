// The peer: better-auth with its phone-number plugin on better-sqlite3, served by node:http through
// toNodeHandler, the way its docs set it up. Started by bench/run.mjs; configured by environment:
//   PEER_PORT       port to listen on (127.0.0.1)
//   PEER_DATA_DIR   folder for the SQLite file
// Two routes sit beside better-auth's own: GET /healthz (ready) and GET /__bench/otp?phone=...,
// the test hook through which the load generator reads the code `sendOTP` was handed.
import { randomBytes } from "node:crypto";
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

const baseURL = `http://127.0.0.1:${port}`;
const auth = betterAuth({
  baseURL,
  secret: process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString("hex"),
  database,
  telemetry: { enabled: false },
  // One load generator on one IP would trip the per-IP limiter at once; Handset has none per IP either.
  rateLimit: { enabled: false },
  logger: { level: "error" },
  plugins: [
    phoneNumber({
      sendOTP: ({ phoneNumber: to, code }) => {
        sentCodes.set(to, code);
      },
      signUpOnVerification: {
        getTempEmail: (to) => `${to.replace(/\D/g, "")}@bench.invalid`,
        getTempName: (to) => to,
      },
    }),
  ],
});

const { runMigrations } = await getMigrations(auth.options);
await runMigrations();

const authHandler = toNodeHandler(auth);

const server = createServer((req, res) => {
  const url = req.url ?? "/";
  if (url === "/healthz") {
    res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    return;
  }
  if (url.startsWith("/__bench/otp?")) {
    const to = new URLSearchParams(url.slice(url.indexOf("?") + 1)).get("phone") ?? "";
    const code = sentCodes.get(to);
    if (code === undefined) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"code":null}');
      return;
    }
    sentCodes.delete(to);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ code }));
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
