// The durable ceiling: the least a server can do and still keep Handset's promise ("a request answered
// 2xx has its rows on disk") for the same flow. Bare node:http, raw better-sqlite3 prepared statements,
// WAL + synchronous=FULL, and group commit: every unit of work that arrives within one turn of the
// event loop runs in its own SAVEPOINT inside one BEGIN IMMEDIATE ... COMMIT, and is answered only after
// that COMMIT (one fsync per batch).
//
// It writes the same durable rows per flow as Handset does (bench/lib/count-sqlite.mjs shows Handset's):
//   add      INSERT phone_numbers; UPDATE users (sequence); INSERT events
//   send     INSERT verifications (or a resend on the open one); INSERT outbox; UPDATE users; INSERT events
//   deliver  UPDATE outbox (claim), then the SMS, then UPDATE outbox (sent): two more transactions
//   verify   UPDATE verifications (conditional: pending, unexpired, attempts left); UPDATE phone_numbers;
//            UPDATE users; INSERT events
// with only the reads those need (the number for send, the open verification for verify), no framework,
// no query builder, no validation beyond the shape, one admin key compared in memory. The code is an
// HMAC of the verification id, as in Handset. The same HTTP shape as Handset's flow, so the same load
// generator drives it:
//   POST /v1/users {id}                      201
//   POST /v1/phone-numbers {user_id, phone_number}   201 {id, ...}
//   POST /v1/phone-numbers/:id/send-code     202 {verification: {id, ...}}
//   GET  /dev/inbox?to=&verification_id=&wait_ms=&limit=   {data: [{code, delivered_at, ...}]}
//   POST /v1/phone-numbers/:id/verify {code} 200
// Configured by environment: DURABLE_PORT, DURABLE_DATA_DIR, DURABLE_ADMIN_KEY.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { join } from "node:path";
import Database from "better-sqlite3";

const port = Number(process.env.DURABLE_PORT ?? 4040);
const dataDir = process.env.DURABLE_DATA_DIR ?? ".";
const adminKey = Buffer.from(`Bearer ${process.env.DURABLE_ADMIN_KEY ?? "bench"}`);
const TENANT = "default";
const CODE_TTL_MS = 10 * 60_000;
const MAX_ATTEMPTS = 5;
const codeSecret = randomBytes(32);

const db = new Database(join(dataDir, "durable-minimal.sqlite"));
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma("foreign_keys = ON");
// Handset's tables and indexes, reduced to what this flow touches (every index a write maintains).
db.exec(`
  CREATE TABLE IF NOT EXISTS users (tenant_id TEXT NOT NULL, id TEXT NOT NULL, sequence INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (tenant_id, id));
  CREATE TABLE IF NOT EXISTS phone_numbers (tenant_id TEXT NOT NULL, id TEXT NOT NULL, user_id TEXT NOT NULL,
    e164 TEXT NOT NULL, is_primary INTEGER NOT NULL DEFAULT 0, verified_at INTEGER, verification_strategy TEXT,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE);
  CREATE UNIQUE INDEX IF NOT EXISTS phone_numbers_e164 ON phone_numbers (tenant_id, e164);
  CREATE INDEX IF NOT EXISTS phone_numbers_user ON phone_numbers (tenant_id, user_id);
  CREATE UNIQUE INDEX IF NOT EXISTS phone_numbers_one_primary ON phone_numbers (tenant_id, user_id) WHERE is_primary = 1;
  CREATE TABLE IF NOT EXISTS verifications (tenant_id TEXT NOT NULL, id TEXT NOT NULL, user_id TEXT NOT NULL,
    phone_number_id TEXT NOT NULL, e164 TEXT NOT NULL, status TEXT NOT NULL, attempts_used INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL, sends_used INTEGER NOT NULL DEFAULT 0, last_sent_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (tenant_id, id));
  CREATE UNIQUE INDEX IF NOT EXISTS verifications_one_pending ON verifications (tenant_id, phone_number_id)
    WHERE status = 'pending';
  CREATE INDEX IF NOT EXISTS verifications_by_number ON verifications (tenant_id, e164, created_at);
  CREATE TABLE IF NOT EXISTS outbox (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, verification_id TEXT NOT NULL,
    to_e164 TEXT NOT NULL, status TEXT NOT NULL, delivery_attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL, locked_until INTEGER, provider_message_id TEXT, created_at INTEGER NOT NULL,
    sent_at INTEGER);
  CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_attempt_at);
  CREATE INDEX IF NOT EXISTS outbox_by_number ON outbox (tenant_id, to_e164, created_at);
  CREATE TABLE IF NOT EXISTS events (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, aggregate_type TEXT NOT NULL,
    aggregate_id TEXT NOT NULL, sequence INTEGER NOT NULL, type TEXT NOT NULL, actor TEXT NOT NULL,
    payload TEXT NOT NULL, created_at INTEGER NOT NULL);
  CREATE UNIQUE INDEX IF NOT EXISTS events_aggregate_sequence ON events (tenant_id, aggregate_type, aggregate_id, sequence);
`);

const sql = {
  begin: db.prepare("BEGIN IMMEDIATE"),
  commit: db.prepare("COMMIT"),
  rollback: db.prepare("ROLLBACK"),
  savepoint: db.prepare("SAVEPOINT unit"),
  release: db.prepare("RELEASE unit"),
  rollbackTo: db.prepare("ROLLBACK TO unit"),
  insertUser: db.prepare(
    "INSERT INTO users (tenant_id, id, sequence, created_at, updated_at) VALUES (?, ?, 0, ?, ?) ON CONFLICT DO NOTHING",
  ),
  // The user's first number is primary: decided in the insert itself.
  insertNumber: db.prepare(
    `INSERT INTO phone_numbers (tenant_id, id, user_id, e164, is_primary, created_at, updated_at)
     SELECT @tenant, @id, @user, @e164,
       NOT EXISTS (SELECT 1 FROM phone_numbers WHERE tenant_id = @tenant AND user_id = @user AND is_primary = 1), @now, @now
     ON CONFLICT DO NOTHING RETURNING is_primary`,
  ),
  bumpUser: db.prepare(
    "UPDATE users SET sequence = sequence + 1, updated_at = ? WHERE tenant_id = ? AND id = ? RETURNING sequence",
  ),
  insertEvent: db.prepare(
    `INSERT INTO events (id, tenant_id, aggregate_type, aggregate_id, sequence, type, actor, payload, created_at)
     VALUES (?, ?, 'user', ?, ?, ?, 'admin', ?, ?)`,
  ),
  findNumber: db.prepare(
    "SELECT user_id, e164, verified_at FROM phone_numbers WHERE tenant_id = ? AND id = ?",
  ),
  // A new verification, or a resend on the open one (same id, so the same code).
  upsertVerification: db.prepare(
    `INSERT INTO verifications (tenant_id, id, user_id, phone_number_id, e164, status, attempts_used, max_attempts,
       sends_used, last_sent_at, expires_at, created_at, updated_at)
     VALUES (@tenant, @id, @user, @number, @e164, 'pending', 0, @maxAttempts, 1, @now, @expires, @now, @now)
     ON CONFLICT (tenant_id, phone_number_id) WHERE status = 'pending'
     DO UPDATE SET sends_used = sends_used + 1, last_sent_at = @now, updated_at = @now
     RETURNING id, sends_used, expires_at`,
  ),
  insertOutbox: db.prepare(
    `INSERT INTO outbox (id, tenant_id, verification_id, to_e164, status, delivery_attempts, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)`,
  ),
  claimOutbox: db.prepare(
    `UPDATE outbox SET status = 'sending', locked_until = ?, delivery_attempts = delivery_attempts + 1
     WHERE id = ? AND status = 'pending'`,
  ),
  markSent: db.prepare(
    "UPDATE outbox SET status = 'sent', sent_at = ?, locked_until = NULL, provider_message_id = ? WHERE id = ?",
  ),
  openVerification: db.prepare(
    `SELECT id, expires_at, attempts_used, max_attempts FROM verifications
     WHERE tenant_id = ? AND phone_number_id = ? AND status = 'pending'`,
  ),
  redeem: db.prepare(
    `UPDATE verifications SET status = 'verified', updated_at = ?
     WHERE tenant_id = ? AND id = ? AND status = 'pending' AND expires_at > ? AND attempts_used < max_attempts`,
  ),
  wrongGuess: db.prepare(
    `UPDATE verifications SET attempts_used = attempts_used + 1, updated_at = ?
     WHERE tenant_id = ? AND id = ? AND status = 'pending' AND attempts_used < max_attempts RETURNING attempts_used`,
  ),
  markVerified: db.prepare(
    "UPDATE phone_numbers SET verified_at = ?, verification_strategy = 'sms_code', updated_at = ? WHERE tenant_id = ? AND id = ?",
  ),
};

// Group commit: units queued within one turn of the event loop share one COMMIT.
/** @type {{ work: () => unknown, resolve: (v: unknown) => void, reject: (e: unknown) => void }[]} */
let queue = [];
let flushScheduled = false;
/** @template T @param {() => T} work @returns {Promise<T>} */
function unit(work) {
  return new Promise((resolve, reject) => {
    queue.push({ work, resolve, reject });
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  });
}
function flush() {
  flushScheduled = false;
  const batch = queue;
  queue = [];
  const outcomes = [];
  try {
    sql.begin.run();
    for (const u of batch) {
      sql.savepoint.run();
      try {
        outcomes.push([true, u.work()]);
        sql.release.run();
      } catch (error) {
        sql.rollbackTo.run();
        sql.release.run();
        outcomes.push([false, error]);
      }
    }
    sql.commit.run();
  } catch (error) {
    if (db.inTransaction) sql.rollback.run();
    for (const u of batch) u.reject(error);
    return;
  }
  for (const [i, u] of batch.entries()) {
    const [ok, value] = outcomes[i];
    if (ok) u.resolve(value);
    else u.reject(value);
  }
}

let idSequence = 0;
const idPrefix = randomBytes(4).toString("hex");
/** Ids that sort in creation order, like Handset's ULIDs. */
const newId = (prefix) =>
  `${prefix}_${Date.now().toString(36)}${idPrefix}${(idSequence++).toString(36).padStart(6, "0")}`;
const codeFor = (verificationId) => {
  const digest = createHmac("sha256", codeSecret).update(verificationId).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, "0");
};

function recordUserChange(userId, type, payload, now) {
  const bumped = sql.bumpUser.get(now, TENANT, userId);
  if (!bumped) throw new HttpError(404, "USER_NOT_FOUND");
  sql.insertEvent.run(newId("ev"), TENANT, userId, bumped.sequence, type, JSON.stringify(payload), now);
}

class HttpError extends Error {
  constructor(status, code) {
    super(code);
    this.status = status;
  }
}

// The SMS "provider": kept in memory, read back by the long poll on /dev/inbox.
/** @type {Map<string, { id: string, to: string, code: string, verification_id: string, delivered_at: string }[]>} */
const inbox = new Map();
/** @type {Map<string, Set<() => void>>} */
const inboxWaiters = new Map();

/** After the send's commit: claim (one transaction), hand over, mark sent (another), as Handset does. */
async function deliver(message) {
  const claimedAt = Date.now();
  await unit(() => sql.claimOutbox.run(claimedAt + 30_000, message.id));
  const delivered = {
    id: message.id,
    to: message.to,
    code: codeFor(message.verificationId),
    verification_id: message.verificationId,
    delivered_at: new Date().toISOString(),
  };
  const list = inbox.get(message.to) ?? [];
  list.unshift(delivered);
  inbox.set(message.to, list);
  for (const wake of inboxWaiters.get(message.to) ?? []) wake();
  await unit(() => sql.markSent.run(Date.now(), message.id, message.id));
}

const routes = {
  async createUser(body) {
    const now = Date.now();
    await unit(() => sql.insertUser.run(TENANT, String(body.id), now, now));
    return [201, { id: String(body.id) }];
  },
  async addNumber(body) {
    const userId = String(body.user_id ?? "");
    const e164 = String(body.phone_number ?? "").replace(/[\s.-]/g, "");
    if (!/^\+[1-9]\d{6,14}$/.test(e164)) throw new HttpError(422, "PHONE_NUMBER_INVALID");
    const id = newId("pn");
    const now = Date.now();
    const row = await unit(() => {
      const inserted = sql.insertNumber.get({ tenant: TENANT, id, user: userId, e164, now });
      if (!inserted) throw new HttpError(409, "PHONE_NUMBER_TAKEN");
      recordUserChange(userId, "phone_number.added", { phone_number_id: id }, now);
      return inserted;
    });
    return [201, { id, user_id: userId, phone_number: e164, primary: row.is_primary === 1, verified: false }];
  },
  async sendCode(phoneNumberId) {
    const now = Date.now();
    const messageId = newId("msg");
    const sent = await unit(() => {
      const number = sql.findNumber.get(TENANT, phoneNumberId);
      if (!number) throw new HttpError(404, "PHONE_NUMBER_NOT_FOUND");
      if (number.verified_at !== null) throw new HttpError(409, "ALREADY_VERIFIED");
      const v = sql.upsertVerification.get({
        tenant: TENANT,
        id: newId("ver"),
        user: number.user_id,
        number: phoneNumberId,
        e164: number.e164,
        maxAttempts: MAX_ATTEMPTS,
        now,
        expires: now + CODE_TTL_MS,
      });
      sql.insertOutbox.run(messageId, TENANT, v.id, number.e164, now, now);
      recordUserChange(number.user_id, "verification.sent", { phone_number_id: phoneNumberId }, now);
      return { verification: v, to: number.e164 };
    });
    // The outbox is handed over as soon as it is durable, after the answer is on its way.
    setImmediate(() => {
      deliver({ id: messageId, to: sent.to, verificationId: sent.verification.id }).catch((error) =>
        console.error(`delivery of ${messageId} failed: ${error.message}`),
      );
    });
    const v = sent.verification;
    return [
      202,
      {
        verification: {
          id: v.id,
          status: "pending",
          sends_used: v.sends_used,
          expires_at: new Date(v.expires_at).toISOString(),
        },
        delivery: "sms",
      },
    ];
  },
  async verify(phoneNumberId, body) {
    const code = String(body.code ?? "");
    const now = Date.now();
    const result = await unit(() => {
      const number = sql.findNumber.get(TENANT, phoneNumberId);
      if (!number) throw new HttpError(404, "PHONE_NUMBER_NOT_FOUND");
      const open = sql.openVerification.get(TENANT, phoneNumberId);
      if (!open || open.expires_at <= now) throw new HttpError(409, "NO_PENDING_VERIFICATION");
      const expected = Buffer.from(codeFor(open.id));
      const given = Buffer.from(code.padEnd(expected.length, "\0").slice(0, expected.length));
      if (code.length !== expected.length || !timingSafeEqual(expected, given)) {
        // A wrong guess must stick, so it is its own outcome, not a rolled-back error.
        const guessed = sql.wrongGuess.get(now, TENANT, open.id);
        recordUserChange(number.user_id, "verification.failed_attempt", { verification_id: open.id }, now);
        return { ok: false, attemptsLeft: open.max_attempts - (guessed?.attempts_used ?? open.max_attempts) };
      }
      if (sql.redeem.run(now, TENANT, open.id, now).changes !== 1)
        throw new HttpError(409, "NO_PENDING_VERIFICATION");
      sql.markVerified.run(now, now, TENANT, phoneNumberId);
      recordUserChange(number.user_id, "phone_number.verified", { phone_number_id: phoneNumberId }, now);
      return { ok: true, id: open.id };
    });
    if (!result.ok) return [422, { error: { code: "CODE_INVALID", attempts_left: result.attemptsLeft } }];
    return [
      200,
      {
        phone_number: { id: phoneNumberId, verified: true },
        verification: { id: result.id, status: "verified" },
      },
    ];
  },
  async readInbox(query) {
    const to = `+${(query.get("to") ?? "").trim().replace(/^\+/, "")}`;
    const verificationId = query.get("verification_id");
    const limit = Math.min(Math.max(Number(query.get("limit")) || 100, 1), 1000);
    const waitMs = Math.min(Math.max(Number(query.get("wait_ms")) || 0, 0), 30_000);
    const select = () =>
      (inbox.get(to) ?? [])
        .filter((m) => !verificationId || m.verification_id === verificationId)
        .slice(0, limit);
    let data = select();
    if (data.length === 0 && waitMs > 0) {
      await new Promise((resolve) => {
        const waiters = inboxWaiters.get(to) ?? new Set();
        inboxWaiters.set(to, waiters);
        const wake = () => {
          if (select().length === 0 && !timedOut) return;
          clearTimeout(timer);
          waiters.delete(wake);
          if (waiters.size === 0) inboxWaiters.delete(to);
          resolve();
        };
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          wake();
        }, waitMs);
        waiters.add(wake);
      });
      data = select();
    }
    return [200, { data }];
  },
};

/** @param {import("node:http").IncomingMessage} req */
async function readJson(req) {
  let text = "";
  for await (const chunk of req) text += chunk;
  if (text === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "BAD_JSON");
  }
}

const authorized = (req) => {
  const given = Buffer.from(req.headers.authorization ?? "");
  return given.length === adminKey.length && timingSafeEqual(given, adminKey);
};

async function handle(req) {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  if (req.method === "GET" && path === "/healthz") return [200, { status: "ok" }];
  if (req.method === "GET" && path === "/dev/inbox")
    return routes.readInbox(new URLSearchParams(url.slice(q + 1)));
  if (req.method !== "POST") throw new HttpError(404, "ROUTE_NOT_FOUND");
  if (!authorized(req)) throw new HttpError(401, "UNAUTHENTICATED");
  if (path === "/v1/users") return routes.createUser(await readJson(req));
  if (path === "/v1/phone-numbers") return routes.addNumber(await readJson(req));
  const match = /^\/v1\/phone-numbers\/([^/]+)\/(send-code|verify)$/.exec(path);
  if (match?.[2] === "send-code") return routes.sendCode(decodeURIComponent(match[1]));
  if (match?.[2] === "verify") return routes.verify(decodeURIComponent(match[1]), await readJson(req));
  throw new HttpError(404, "ROUTE_NOT_FOUND");
}

const server = createServer((req, res) => {
  handle(req).then(
    ([status, body]) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    },
    (error) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) console.error(error);
      res
        .writeHead(status, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { code: error.message } }));
    },
  );
});

function shutdown() {
  server.close(() => {
    db.close();
    process.exit(0);
  });
  server.closeAllConnections();
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);

server.listen(port, "127.0.0.1");
