// One verification flow per target: add a number (Handset) and send a code, read the code where the
// target leaves it for tests, verify it. Each flow takes a number never used before in the run.
import { call, FlowError } from "./http.mjs";

/** How long a flow waits for its code to show up where tests read it before it counts as failed. */
const CODE_WAIT_MS = 5_000;

/** Now, in epoch milliseconds with sub-millisecond precision (comparable across processes on one host). */
export const wallNow = () => performance.timeOrigin + performance.now();

/**
 * The blocks of French mobiles (+33 6 XX ...) that libphonenumber's numbering plan holds valid:
 * 6 39, 6 90-94 and 6 96-97 are not (overseas departments have their own country codes).
 */
const VALID_MOBILE_BLOCKS = [
  ...Array.from({ length: 39 }, (_, b) => b),
  ...Array.from({ length: 50 }, (_, b) => 40 + b),
  95,
  98,
  99,
];
const NUMBERS_PER_BLOCK = 1_000_000;
const NUMBER_CAPACITY = VALID_MOBILE_BLOCKS.length * NUMBERS_PER_BLOCK;

/**
 * Fresh, valid French mobiles (+33 6, a valid two-digit block, six digits): unique across the run,
 * starting at a random point so that runs against one PostgreSQL database do not collide.
 * @param {number} seed
 */
export function numberSource(seed) {
  let next = seed % NUMBER_CAPACITY;
  return () => {
    const block = VALID_MOBILE_BLOCKS[Math.floor(next / NUMBERS_PER_BLOCK)];
    const tail = next % NUMBERS_PER_BLOCK;
    next = (next + 1) % NUMBER_CAPACITY;
    return `+336${String(block).padStart(2, "0")}${String(tail).padStart(6, "0")}`;
  };
}

/**
 * Where a flow reads the code of the send it just made: one long poll (wait_ms), filtered by number and
 * by the verification the send answered, so that it answers exactly that send's code.
 *   inbox  GET /dev/inbox on the server itself (Handset with the inbox provider, the durable minimal, the
 *          ceiling); the SMS time is the message's delivered_at
 *   sink   GET /codes on the bench's SMS sink, which Handset's webhook provider posts to; the SMS time is
 *          the sink's arrival time
 * Each answers { code, smsAt } (smsAt: epoch ms, or null where the target has none).
 * @typedef {(f: { client: import("undici").Client, sinkClient?: import("undici").Client, phone: string,
 *   verificationId?: string, stats: { polls: number } }) => Promise<{ code: string, smsAt: number | null }>} CodeReader
 */

/** @returns {CodeReader} */
export function inboxReader() {
  return async (f) => {
    const params = new URLSearchParams({ to: f.phone, wait_ms: String(CODE_WAIT_MS), limit: "1" });
    if (f.verificationId) params.set("verification_id", f.verificationId);
    f.stats.polls += 1;
    const inbox = await call(f.client, {
      step: "read-code",
      method: "GET",
      path: `/dev/inbox?${params}`,
      expect: 200,
    });
    const message = inbox.json.data[0];
    if (!message) throw new FlowError("read-code", 200, "no code arrived in time");
    return { code: message.code, smsAt: message.delivered_at ? Date.parse(message.delivered_at) : null };
  };
}

/** @returns {CodeReader} */
export function sinkReader() {
  return async (f) => {
    if (!f.sinkClient) throw new Error("the sink reader needs a connection to the sink");
    const params = new URLSearchParams({ to: f.phone, wait_ms: String(CODE_WAIT_MS) });
    if (f.verificationId) params.set("verification_id", f.verificationId);
    f.stats.polls += 1;
    const sink = await call(f.sinkClient, {
      step: "read-code",
      method: "GET",
      path: `/codes?${params}`,
      expect: 200,
    });
    const message = sink.json.data[0];
    if (!message) throw new FlowError("read-code", 200, "no code arrived at the SMS sink in time");
    return { code: message.code, smsAt: message.arrived_at_ms };
  };
}

/**
 * Handset's native API with an admin key: add a number to a user, send a code, read it (one long poll),
 * verify it. The ceiling and the durable minimal answer the very same requests.
 * @param {{ adminKey: string, readCode: CodeReader }} options
 */
export function handsetFlow(options) {
  const auth = { authorization: `Bearer ${options.adminKey}` };
  /**
   * @param {import("undici").Client} client
   * @param {{ user: { id: string }, phone: string, stats: { polls: number }, mark: (step: string) => Promise<void> | undefined,
   *   sinkClient?: import("undici").Client, sendToSms: (ms: number) => void }} f
   */
  return async (client, f) => {
    const added = await call(client, {
      step: "add-number",
      method: "POST",
      path: "/v1/phone-numbers",
      headers: auth,
      json: { user_id: f.user.id, phone_number: f.phone },
      expect: 201,
    });
    await f.mark("add-number");
    const id = added.json.id;
    const sent = await call(client, {
      step: "send-code",
      method: "POST",
      path: `/v1/phone-numbers/${id}/send-code`,
      headers: auth,
      expect: 202,
    });
    const sendAnsweredAt = wallNow();
    await f.mark("send-code");
    const { code, smsAt } = await options.readCode({
      client,
      sinkClient: f.sinkClient,
      phone: f.phone,
      verificationId: sent.json.verification?.id,
      stats: f.stats,
    });
    if (smsAt !== null) f.sendToSms(smsAt - sendAnsweredAt);
    await f.mark("read-code");
    await call(client, {
      step: "verify",
      method: "POST",
      path: `/v1/phone-numbers/${id}/verify`,
      headers: auth,
      json: { code },
      expect: 200,
    });
    await f.mark("verify");
  };
}

/**
 * Creates the users the Handset flows add numbers to (before the clock starts).
 * @param {import("undici").Client} client
 * @param {string} adminKey
 * @param {string[]} userIds
 */
export async function createHandsetUsers(client, adminKey, userIds) {
  const users = [];
  for (const id of userIds) {
    await call(client, {
      step: "create-user",
      method: "POST",
      path: "/v1/users",
      headers: { authorization: `Bearer ${adminKey}` },
      json: { id },
      expect: 201,
    });
    users.push({ id });
  }
  return users;
}

/**
 * Creates the peer's users, each with a session, before the clock starts (better-auth's own adapter
 * behind the peer's test hook; see bench/peers/better-auth-server.mjs). Answers { id, cookie } each.
 * @param {import("undici").Client} client
 * @param {string[]} userIds
 */
export async function createPeerUsers(client, userIds) {
  const created = await call(client, {
    step: "create-user",
    method: "POST",
    path: "/__bench/users",
    json: { ids: userIds },
    expect: 201,
  });
  return created.json.users;
}

/**
 * better-auth's phone-number plugin, for a user who already exists and is signed in (created before the
 * clock starts, as Handset's are): send-otp, read the code sendOTP was handed (the peer's test hook, one
 * long poll), verify with updatePhoneNumber, which sets the number on the session's user, as in its docs.
 */
export function peerFlow() {
  /**
   * @param {import("undici").Client} client
   * @param {{ user: { id: string, cookie: string }, origin: string, phone: string, stats: { polls: number },
   *   mark: (step: string) => Promise<void> | undefined, sendToSms: (ms: number) => void }} f
   */
  return async (client, f) => {
    // A browser sends its origin with the session cookie, and better-auth refuses a cookie without it.
    const session = { cookie: f.user.cookie, origin: f.origin };
    await call(client, {
      step: "send-code",
      method: "POST",
      path: "/api/auth/phone-number/send-otp",
      headers: session,
      json: { phoneNumber: f.phone },
      expect: 200,
    });
    const sendAnsweredAt = wallNow();
    await f.mark("send-code");
    const params = new URLSearchParams({ phone: f.phone, wait_ms: String(CODE_WAIT_MS) });
    f.stats.polls += 1;
    const hook = await call(client, {
      step: "read-code",
      method: "GET",
      path: `/__bench/otp?${params}`,
      expect: 200,
      alsoAccept: [404],
    });
    if (hook.status !== 200) throw new FlowError("read-code", hook.status, "no code arrived in time");
    f.sendToSms(hook.json.sent_at_ms - sendAnsweredAt);
    await f.mark("read-code");
    const verified = await call(client, {
      step: "verify",
      method: "POST",
      path: "/api/auth/phone-number/verify",
      headers: session,
      json: { phoneNumber: f.phone, code: hook.json.code, updatePhoneNumber: true },
      expect: 200,
    });
    if (verified.json.status !== true) throw new FlowError("verify", 200, JSON.stringify(verified.json));
    await f.mark("verify");
  };
}
