// One verification flow per target: add a number (Handset) and send a code, read the code where the
// target leaves it for tests, verify it. Each flow takes a number never used before in the run.
import { setTimeout as sleep } from "node:timers/promises";
import { call, FlowError } from "./http.mjs";

/** How long a flow waits for its code to show up where tests read it before it counts as failed. */
const CODE_WAIT_MS = 5_000;

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
 * Polls `read` until it answers a code. The first retry is immediate, then 1 ms apart: a closed loop
 * waiting longer than delivery takes would measure the wait, not the server.
 * @param {() => Promise<string | undefined>} read
 * @param {{ polls: number }} stats
 */
async function waitForCode(read, stats) {
  const deadline = performance.now() + CODE_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    stats.polls += 1;
    const code = await read();
    if (code !== undefined) return code;
    if (performance.now() > deadline) throw new FlowError("read-code", 0, "no code arrived in time");
    if (attempt > 0) await sleep(1);
  }
}

/**
 * Handset's native API with an admin key: add a number to a user, send a code, read it from the
 * development inbox, verify it. The ceiling answers the very same requests.
 * @param {{ adminKey: string }} options
 */
export function handsetFlow(options) {
  const auth = { authorization: `Bearer ${options.adminKey}` };
  /**
   * @param {import("undici").Client} client
   * @param {{ userId: string, phone: string, stats: { polls: number }, mark: (step: string) => void }} f
   */
  return async (client, f) => {
    const added = await call(client, {
      step: "add-number",
      method: "POST",
      path: "/v1/phone-numbers",
      headers: auth,
      json: { user_id: f.userId, phone_number: f.phone },
      expect: 201,
    });
    f.mark("add-number");
    const id = added.json.id;
    await call(client, {
      step: "send-code",
      method: "POST",
      path: `/v1/phone-numbers/${id}/send-code`,
      headers: auth,
      expect: 202,
    });
    f.mark("send-code");
    const inboxPath = `/dev/inbox?to=${encodeURIComponent(f.phone)}&limit=1`;
    const code = await waitForCode(async () => {
      const inbox = await call(client, { step: "read-code", method: "GET", path: inboxPath, expect: 200 });
      return inbox.json.data[0]?.code;
    }, f.stats);
    f.mark("read-code");
    await call(client, {
      step: "verify",
      method: "POST",
      path: `/v1/phone-numbers/${id}/verify`,
      headers: auth,
      json: { code },
      expect: 200,
    });
    f.mark("verify");
  };
}

/**
 * Creates the users the Handset flows add numbers to (before the clock starts).
 * @param {import("undici").Client} client
 * @param {string} adminKey
 * @param {string[]} userIds
 */
export async function createHandsetUsers(client, adminKey, userIds) {
  for (const id of userIds) {
    await call(client, {
      step: "create-user",
      method: "POST",
      path: "/v1/users",
      headers: { authorization: `Bearer ${adminKey}` },
      json: { id },
      expect: 201,
    });
  }
}

/**
 * better-auth's phone-number plugin: send-otp, read the code sendOTP was handed (the peer's test
 * hook), verify (signUpOnVerification creates the user and a session, as in its docs).
 */
export function peerFlow() {
  /**
   * @param {import("undici").Client} client
   * @param {{ phone: string, stats: { polls: number }, mark: (step: string) => void }} f
   */
  return async (client, f) => {
    await call(client, {
      step: "send-code",
      method: "POST",
      path: "/api/auth/phone-number/send-otp",
      json: { phoneNumber: f.phone },
      expect: 200,
    });
    f.mark("send-code");
    const hookPath = `/__bench/otp?phone=${encodeURIComponent(f.phone)}`;
    const code = await waitForCode(async () => {
      const hook = await call(client, {
        step: "read-code",
        method: "GET",
        path: hookPath,
        expect: 200,
        alsoAccept: [404],
      });
      return hook.status === 200 ? hook.json.code : undefined;
    }, f.stats);
    f.mark("read-code");
    const verified = await call(client, {
      step: "verify",
      method: "POST",
      path: "/api/auth/phone-number/verify",
      json: { phoneNumber: f.phone, code },
      expect: 200,
    });
    if (verified.json.status !== true) throw new FlowError("verify", 200, JSON.stringify(verified.json));
    f.mark("verify");
  };
}
