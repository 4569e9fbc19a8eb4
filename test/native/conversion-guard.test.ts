import { afterEach, describe, expect, it } from "vitest";
import { deriveCode } from "../../src/domain/code.js";
import { NO_BUDGETS } from "../support/budgets.js";
import { bearer, createTestApp, mobileNumber, TEST_KEYRING, type TestApp } from "../support/harness.js";
import { createTestSchema, notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";

notePostgresSkipped("the conversion guard's pumping wave on PostgreSQL");

let serial = 0;
/** A Nigerian MTN mobile (+234 803 …): the destination of the wave. */
function nigerianNumber(): string {
  serial += 1;
  return `+234803${String(1_000_000 + ((serial * 7919) % 9_000_000)).padStart(7, "0")}`;
}
/** A US number in the 202 area code. */
function usNumber(): string {
  serial += 1;
  return `+1202${String(2_000_000 + ((serial * 104_729) % 7_000_000)).padStart(7, "0")}`;
}

interface Sent {
  status: number;
  code: string | undefined;
  phoneId: string;
  retryAfter: string | undefined;
  body: { error?: { code: string; details?: Record<string, unknown> } };
}

/** Creates a user with one number and asks for a code, as a backend does for its end user. */
async function signUp(t: TestApp, e164: string): Promise<Sent> {
  serial += 1;
  const admin = (method: "GET" | "POST", url: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method, url, headers: bearer(t.adminKey), ...(payload ? { payload } : {}) });
  const userId = `u${serial}`;
  expect((await admin("POST", "/v1/users", { id: userId })).statusCode).toBe(201);
  const added = await admin("POST", "/v1/phone-numbers", { user_id: userId, phone_number: e164 });
  expect(added.statusCode, added.body).toBe(201);
  const phoneId = added.json().id as string;
  const sent = await admin("POST", `/v1/phone-numbers/${phoneId}/send-code`);
  const body = sent.json();
  const verificationId = body.verification?.id as string | undefined;
  return {
    status: sent.statusCode,
    code: verificationId ? deriveCode(TEST_KEYRING.active, verificationId, 6) : undefined,
    phoneId,
    retryAfter: sent.headers["retry-after"] as string | undefined,
    body,
  };
}

async function verify(t: TestApp, sent: Sent): Promise<number> {
  const res = await t.app.inject({
    method: "POST",
    url: `/v1/phone-numbers/${sent.phoneId}/verify`,
    headers: bearer(t.adminKey),
    payload: { code: sent.code },
  });
  return res.statusCode;
}

/** Honest traffic: a code sent and verified a minute later. */
async function honest(t: TestApp, e164: string): Promise<void> {
  const sent = await signUp(t, e164);
  expect(sent.status, JSON.stringify(sent.body)).toBe(202);
  t.clock.advance(20_000);
  expect(await verify(t, sent)).toBe(200);
}

async function pauses(t: TestApp) {
  const res = await t.app.inject({ method: "GET", url: "/v1/guard/pauses", headers: bearer(t.adminKey) });
  expect(res.statusCode).toBe(200);
  return res.json().data as { scope: string; sent: number; verified: number; paused_until: string }[];
}

async function events(t: TestApp, type: string) {
  const rows = await t.store.db.selectFrom("events").selectAll().where("type", "=", type).execute();
  return rows.map((r) => JSON.parse(r.payload) as Record<string, unknown>);
}

const databases = [
  { name: "SQLite", env: async () => ({}) },
  ...(TEST_DATABASE_URL
    ? [{ name: "PostgreSQL", env: async () => ({ DATABASE_URL: (await createTestSchema()).url }) }]
    : []),
];

describe.each(databases)("the conversion guard on $name", ({ name, env }) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it("pauses a pumping wave to one country that never verifies, while verified traffic elsewhere goes on", async () => {
    t = await createTestApp({ env: { ...NO_BUDGETS, ...(await env()) }, runDispatcher: false });
    let waveSent = 0;
    let pausedAfter: number | undefined;
    let refused = 0;
    let honestSends = 0;
    // 20 rounds over about 8 minutes: well inside the cool-off.
    for (let i = 0; i < 20; i++) {
      // Three pumped sends (never verified) for every honest sign-up in the US or France.
      for (let k = 0; k < 3; k++) {
        t.clock.advance(1_000);
        const sent = await signUp(t, nigerianNumber());
        if (sent.status === 202) {
          waveSent += 1;
          continue;
        }
        expect(sent.status).toBe(429);
        expect(sent.body.error?.code).toBe("DESTINATION_PAUSED");
        expect(Number(sent.retryAfter)).toBeGreaterThan(0);
        pausedAfter ??= waveSent;
        refused += 1;
      }
      await honest(t, i % 2 === 0 ? usNumber() : mobileNumber());
      honestSends += 1;
    }
    console.log(
      `[conversion guard, ${name}] wave to +234 803: ${waveSent} SMS sent, paused after N=${pausedAfter} sends, ` +
        `${refused} refused; honest US/FR sign-ups: ${honestSends} sent and verified`,
    );
    // The defaults: 30 sends with no verification trip the rule; the send that trips it still goes.
    expect(pausedAfter).toBe(30);
    expect(waveSent).toBe(30);
    expect(refused).toBe(60 - 30);

    const running = await pauses(t);
    expect(running.map((p) => p.scope).sort()).toEqual(["country:NG", "prefix:+234803"]);
    for (const p of running) expect(p).toMatchObject({ sent: 30, verified: 0 });
    const paused = await events(t, "guard.destination_paused");
    expect(paused).toHaveLength(2);
    expect(paused[0]).toMatchObject({ sent: 30, verified: 0, minSends: 30, minRate: 0.2 });
    // US and French destinations were counted too, and converted: nothing paused there.
    expect(running.some((p) => p.scope.startsWith("country:US") || p.scope.startsWith("country:FR"))).toBe(
      false,
    );
    const metrics = await t.metrics.registry.getSingleMetricAsString("handset_guard_pauses_total");
    expect(metrics).toContain('scope="country:NG"');

    // After the cool-off (an hour from the pause) the destination takes codes again, and the traffic
    // that caused the pause does not pause it again at once: a wave that goes on is paused again
    // after another 30 sends.
    const until = Date.parse(running[0]?.paused_until ?? "");
    t.clock.set(until);
    for (let k = 0; k < 30; k++) {
      t.clock.advance(1_000);
      expect((await signUp(t, nigerianNumber())).status).toBe(202);
      if (k === 0) expect(await pauses(t)).toEqual([]);
    }
    expect((await signUp(t, nigerianNumber())).status).toBe(429);
    expect(await events(t, "guard.destination_paused")).toHaveLength(4);
    console.log(`[conversion guard, ${name}] after the cool-off: 30 more sent, then paused again`);
  }, 120_000);

  it("leaves a destination that verifies enough of its codes alone", async () => {
    t = await createTestApp({ env: { ...NO_BUDGETS, ...(await env()) }, runDispatcher: false });
    // 25% verified, above the 20% threshold: 60 sends to Nigeria go.
    for (let i = 0; i < 60; i++) {
      t.clock.advance(5_000);
      const sent = await signUp(t, nigerianNumber());
      expect(sent.status, JSON.stringify(sent.body)).toBe(202);
      if (i % 4 === 0) expect(await verify(t, sent)).toBe(200);
    }
    expect(await pauses(t)).toEqual([]);
  }, 120_000);

  it("counts no verification of a test number (their sends are not counted either)", async () => {
    const testNumbers = ["+2348030000001", "+2348030000002", "+2348030000003"];
    t = await createTestApp({
      env: {
        ...NO_BUDGETS,
        ...(await env()),
        HANDSET_CONVERSION_MIN_SENDS: "5",
        HANDSET_CONVERSION_MIN_RATE: "0.5",
        HANDSET_TEST_NUMBERS: testNumbers.map((n) => `${n}=123456`).join(","),
      },
      runDispatcher: false,
    });
    for (const n of testNumbers)
      expect(await verify(t, { ...(await signUp(t, n)), code: "123456" })).toBe(200);
    // Were the three verifications counted, 3 of 5 would pass the 50% threshold.
    for (let i = 0; i < 5; i++) expect((await signUp(t, nigerianNumber())).status).toBe(202);
    const refused = await signUp(t, nigerianNumber());
    expect(refused.body.error?.code).toBe("DESTINATION_PAUSED");
  }, 60_000);

  it("lets an admin lift a pause early, with an event; a lifted or unknown pause is a 404", async () => {
    t = await createTestApp({
      env: { ...NO_BUDGETS, ...(await env()), HANDSET_CONVERSION_MIN_SENDS: "5" },
      runDispatcher: false,
    });
    for (let i = 0; i < 5; i++) expect((await signUp(t, nigerianNumber())).status).toBe(202);
    const refusedSend = await signUp(t, nigerianNumber());
    expect(refusedSend.status).toBe(429);
    // Retry-After points at the end of the cool-off (an hour).
    expect(Number(refusedSend.retryAfter)).toBe(3600);
    const lift = (scope: string) =>
      t.app.inject({
        method: "DELETE",
        url: `/v1/guard/pauses/${encodeURIComponent(scope)}`,
        headers: bearer(t.adminKey),
      });
    const lifted = await lift("country:NG");
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json()).toMatchObject({ scope: "country:NG", sent: 5, verified: 0 });
    expect((await lift("prefix:+234803")).statusCode).toBe(200);
    expect((await lift("country:NG")).statusCode).toBe(404);
    expect((await lift("nonsense")).json().error.code).toBe("DESTINATION_PAUSE_NOT_FOUND");
    expect(await events(t, "guard.destination_pause_lifted")).toHaveLength(2);
    expect((await signUp(t, nigerianNumber())).status).toBe(202);
    // Another tenant's admin key sees none of it.
    const other = await t.adminKeyFor("other");
    const theirs = await t.app.inject({ method: "GET", url: "/v1/guard/pauses", headers: bearer(other) });
    expect(theirs.json().data).toEqual([]);
  }, 60_000);

  it("answers a paused destination on the Linode surface with its 429 and Retry-After", async () => {
    t = await createTestApp({
      env: { ...NO_BUDGETS, ...(await env()), HANDSET_CONVERSION_MIN_SENDS: "1" },
      runDispatcher: false,
    });
    const linode = async (userId: string) =>
      t.app.inject({
        method: "POST",
        url: "/linode/v4/profile/phone-number",
        headers: bearer(await t.tokenFor(userId)),
        payload: { iso_code: "NG", phone_number: nigerianNumber() },
      });
    // One unverified send is enough volume here: it trips the rule, still goes, and pauses Nigeria.
    expect((await linode("first")).statusCode).toBe(200);
    const refused = await linode("second");
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe("3600");
    expect(refused.json()).toHaveProperty("errors");
  }, 60_000);
});
