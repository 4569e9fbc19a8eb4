import { describe, expect, it } from "vitest";
import { listEvents } from "../../src/store/events.js";
import { createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";
import { createTestSchema, notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";
import { guessWrong, rightCodeFor } from "./guess-attack.js";

notePostgresSkipped("the lifetime guess cap on PostgreSQL");

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * Three tries per code and twelve wrong codes per hour, so that the 100th wrong code falls in the
 * middle of a verification and its right code is still there to be refused.
 */
const MID_VERIFICATION = { HANDSET_CODE_MAX_ATTEMPTS: "3", HANDSET_NUMBER_GUESS_BUDGET: "12" };

/** Hundreds of requests each, on a busy machine too: no test here measures time. */
const SLOW = 120_000;

type Open = (env?: Record<string, string>) => Promise<TestApp>;

function guessLockSuite(dialect: "sqlite" | "postgres", open: Open) {
  describe(`the lifetime guess cap on ${dialect}`, () => {
    async function holder(t: TestApp, userId: string, number: string, tenantId?: string) {
      const me = nativeClient(t, await t.tokenFor(userId, tenantId ? { tenantId } : {}));
      const added = await me.addMine(number);
      expect(added.statusCode).toBe(201);
      return { me, id: added.json().id as string };
    }

    async function tenantEvents(t: TestApp, tenantId: string, type: string) {
      return (await listEvents(t.store.db, tenantId, "tenant", tenantId)).filter((e) => e.type === type);
    }

    it(
      "locks a number after 100 wrong codes in a row, even against the right code, and counts no guess",
      async () => {
        const t = await open(MID_VERIFICATION);
        try {
          const { me, id } = await holder(t, "victim", mobileNumber());
          const run = await guessWrong(t, me, id, { hours: 20, wrong: 100 });
          expect(run.wrong).toBe(100);
          expect(run.locked).toBe(0);
          const openId = run.openVerification;
          expect(openId).not.toBeNull();
          if (!openId) return;

          const refused = await me.verifyMine(id, rightCodeFor(openId));
          expect(refused.statusCode).toBe(429);
          expect(refused.json().error).toMatchObject({ code: "PHONE_NUMBER_LOCKED" });
          expect(Number(refused.headers["retry-after"])).toBe(30 * 86_400);
          // Refused before the comparison: the verification's tries are untouched.
          const number = (await me.getMine(id)).json();
          expect(number.verified).toBe(false);
          expect(number.verification).toMatchObject({ id: openId, attempts_left: 2 });
          // No SMS is spent on a number whose code could not be checked (once the per-number limits,
          // asked first, would let it go).
          t.clock.advance(HOUR);
          const send = await me.sendMine(id);
          expect(send.statusCode).toBe(429);
          expect(send.json().error.code).toBe("PHONE_NUMBER_LOCKED");

          const lock = await me.call("GET", `/v1/me/phone-numbers/${id}/guess-lock`);
          expect(lock.statusCode).toBe(200);
          expect(lock.json()).toMatchObject({
            phone_number_id: id,
            consecutive_failures: 100,
            lock_after: 100,
            locked: true,
            locked_at: new Date(t.clock.now() - HOUR).toISOString(),
            until: new Date(t.clock.now() - HOUR + 30 * DAY).toISOString(),
          });
          expect(await tenantEvents(t, "default", "phone_number.guess_locked")).toHaveLength(1);
          const refusals = await tenantEvents(t, "default", "guard.phone_number_locked");
          expect(refusals.map((e) => JSON.parse(e.payload).at)).toEqual(["check", "send"]);
          expect(await t.metrics.registry.metrics()).toContain(
            'handset_guard_refusals_total{limit="guess_lock",tenant="default"} 2',
          );
        } finally {
          await t.close();
        }
      },
      SLOW,
    );

    it(
      "resets the streak on a success before the cap",
      async () => {
        const t = await open(MID_VERIFICATION);
        try {
          const { me, id } = await holder(t, "forgetful", mobileNumber());
          expect((await guessWrong(t, me, id, { hours: 20, wrong: 99 })).wrong).toBe(99);
          t.clock.advance(HOUR);
          const sent = await me.sendMine(id);
          expect(sent.statusCode).toBe(202);
          const ok = await me.verifyMine(id, rightCodeFor(sent.json().verification.id));
          expect(ok.statusCode).toBe(200);
          const after = await me.call("GET", `/v1/me/phone-numbers/${id}/guess-lock`);
          expect(after.json()).toMatchObject({ consecutive_failures: 0, locked: false });
          // A verified number takes no code: an admin unmarks it, and 99 more wrong codes are allowed
          // again; the 100th after the success locks.
          const unverified = await nativeClient(t, t.adminKey).call("PATCH", `/v1/phone-numbers/${id}`, {
            verified: false,
          });
          expect(unverified.statusCode).toBe(200);
          const again = await guessWrong(t, me, id, { hours: 20, wrong: 99 });
          expect(again).toMatchObject({ wrong: 99, locked: 0 });
          const last = await guessWrong(t, me, id, { hours: 2, wrong: 1 });
          expect(last.wrong).toBe(1);
          const locked = await me.call("GET", `/v1/me/phone-numbers/${id}/guess-lock`);
          expect(locked.json()).toMatchObject({ consecutive_failures: 100, locked: true });
        } finally {
          await t.close();
        }
      },
      SLOW,
    );

    it(
      "shares the cap between tenants holding the same number, and an admin reset unlocks",
      async () => {
        const t = await open(MID_VERIFICATION);
        try {
          const number = mobileNumber();
          const a = await holder(t, "alice", number);
          const b = await holder(t, "bob", number, "tenant-b");
          expect((await guessWrong(t, a.me, a.id, { hours: 20, wrong: 60 })).wrong).toBe(60);
          // Tenant B's victim asks for a code before B's attacker starts: the right code is at hand.
          const sentB = await b.me.sendMine(b.id);
          expect(sentB.statusCode).toBe(202);
          t.clock.advance(HOUR);
          const runB = await guessWrong(t, b.me, b.id, { hours: 20, wrong: 40 });
          expect(runB.wrong).toBe(40);
          // 60 + 40: both tenants' numbers are locked, on either's side.
          const sendA = await a.me.sendMine(a.id);
          expect(sendA.json().error?.code).toBe("PHONE_NUMBER_LOCKED");
          const moreB = await guessWrong(t, b.me, b.id, { hours: 3 });
          expect(moreB.wrong).toBe(0);
          expect(moreB.locked).toBeGreaterThan(0);

          const adminA = nativeClient(t, t.adminKey);
          const viewA = await adminA.call("GET", `/v1/phone-numbers/${a.id}/guess-lock`);
          // Each tenant sees its own count; the lock is the sum's.
          expect(viewA.json()).toMatchObject({ consecutive_failures: 60, locked: true });
          // User tokens cannot unlock: the route is an admin key's.
          expect((await a.me.call("DELETE", `/v1/phone-numbers/${a.id}/guess-lock`)).statusCode).toBe(403);
          expect((await a.me.call("DELETE", `/v1/me/phone-numbers/${a.id}/guess-lock`)).statusCode).toBe(404);
          // Another tenant's admin key does not reach tenant A's number.
          const adminB = nativeClient(t, await t.adminKeyFor("tenant-b"));
          expect((await adminB.call("DELETE", `/v1/phone-numbers/${a.id}/guess-lock`)).statusCode).toBe(404);

          const cleared = await adminA.call("DELETE", `/v1/phone-numbers/${a.id}/guess-lock`);
          expect(cleared.statusCode).toBe(200);
          expect(cleared.json()).toMatchObject({ cleared: 60, consecutive_failures: 0, locked: false });
          expect(await tenantEvents(t, "default", "phone_number.guess_lock_cleared")).toHaveLength(1);
          const viewB = await adminB.call("GET", `/v1/phone-numbers/${b.id}/guess-lock`);
          expect(viewB.json()).toMatchObject({ consecutive_failures: 40, locked: false });
          // Only tenant B's 40 remain: 60 more wrong codes anywhere lock the number again.
          const rest = await guessWrong(t, a.me, a.id, { hours: 20, wrong: 60 });
          expect(rest).toMatchObject({ wrong: 60, locked: 0 });
          t.clock.advance(HOUR);
          expect((await a.me.sendMine(a.id)).json().error?.code).toBe("PHONE_NUMBER_LOCKED");
        } finally {
          await t.close();
        }
      },
      SLOW,
    );

    it(
      "lets the lock lapse a lock window after the last wrong code",
      async () => {
        const t = await open({ ...MID_VERIFICATION, HANDSET_GUESS_LOCK_SECONDS: String(7 * 86_400) });
        try {
          const { me, id } = await holder(t, "patient", mobileNumber());
          expect((await guessWrong(t, me, id, { hours: 20, wrong: 100 })).wrong).toBe(100);
          const lastWrongAt = t.clock.now();
          const lock = (await me.call("GET", `/v1/me/phone-numbers/${id}/guess-lock`)).json();
          expect(lock).toMatchObject({ locked: true, until: new Date(lastWrongAt + 7 * DAY).toISOString() });
          t.clock.set(lastWrongAt + 7 * DAY - 1);
          expect((await me.sendMine(id)).json().error?.code).toBe("PHONE_NUMBER_LOCKED");
          t.clock.set(lastWrongAt + 7 * DAY);
          const sent = await me.sendMine(id);
          expect(sent.statusCode).toBe(202);
          expect((await me.verifyMine(id, rightCodeFor(sent.json().verification.id))).statusCode).toBe(200);
          expect((await me.call("GET", `/v1/me/phone-numbers/${id}/guess-lock`)).json()).toMatchObject({
            consecutive_failures: 0,
            locked: false,
            locked_at: null,
            until: null,
          });
        } finally {
          await t.close();
        }
      },
      SLOW,
    );

    it(
      "PROOF: guesses possible on one number per day and in total, on a simulated month",
      async () => {
        // Without the cap (as before): the per-number limit alone, for one day.
        const uncapped = await open({ HANDSET_GUESS_LOCK_AFTER: "100000" });
        let perDayBefore: number;
        try {
          const { me, id } = await holder(uncapped, "target", mobileNumber());
          perDayBefore = (await guessWrong(uncapped, me, id, { hours: 24 })).wrong;
        } finally {
          await uncapped.close();
        }
        // With the defaults: a day, then the next four weeks and a day (trying every six hours once locked).
        const t = await open();
        try {
          const { me, id } = await holder(t, "target", mobileNumber());
          const day1 = await guessWrong(t, me, id, { hours: 24 });
          const weeks = await guessWrong(t, me, id, { hours: 29 * 24, everyHours: 6 });
          const total30 = day1.wrong + weeks.wrong;
          console.log(
            `[guess-lock] ${dialect}: guesses possible on one number per day: ${day1.wrong} ` +
              `(${perDayBefore} without the cap), in total before lock: ${total30}; ` +
              `days 2-30: ${weeks.wrong} (${weeks.locked} tries refused PHONE_NUMBER_LOCKED)`,
          );
          expect(perDayBefore).toBe(240);
          expect(day1.wrong).toBe(100);
          expect(weeks.wrong).toBe(0);
          expect(weeks.locked).toBe((29 * 24) / 6);
          expect(total30).toBe(100);
        } finally {
          await t.close();
        }
      },
      SLOW,
    );
  });
}

guessLockSuite("sqlite", (env) => createTestApp({ runDispatcher: false, env }));

describe.skipIf(!TEST_DATABASE_URL)("PostgreSQL", () => {
  guessLockSuite("postgres", async (env) => {
    const schema = await createTestSchema();
    return createTestApp({ runDispatcher: false, env: { ...env, DATABASE_URL: schema.url } });
  });
});
