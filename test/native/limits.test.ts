import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { latestCode, nativeClient, wrongCode } from "../support/native-client.js";

describe("expiry, cooldown and budgets with an injected clock", () => {
  let t: TestApp;
  afterEach(async () => t.close());

  async function setUp(env: Record<string, string> = {}) {
    t = await createTestApp({ env });
    const me = nativeClient(t, await t.tokenFor("timer"));
    const number = mobileNumber();
    const id = (await me.addMine(number)).json().id as string;
    return { me, id, number };
  }

  it("expires a code after 10 minutes, and a new send starts a new code", async () => {
    const { me, id, number } = await setUp();
    await me.sendMine(id);
    const code = await latestCode(t, number);
    t.clock.advance(10 * 60_000);
    const late = await me.verifyMine(id, code);
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe("CODE_EXPIRED");
    const again = await me.sendMine(id);
    expect(again.statusCode).toBe(202);
    expect(again.json().verification.sends_used).toBe(1);
    const fresh = await latestCode(t, number);
    expect((await me.verifyMine(id, fresh)).statusCode).toBe(200);
  });

  it("accepts a code one millisecond before expiry", async () => {
    const { me, id, number } = await setUp();
    await me.sendMine(id);
    const code = await latestCode(t, number);
    t.clock.advance(10 * 60_000 - 1);
    expect((await me.verifyMine(id, code)).statusCode).toBe(200);
  });

  it("holds resends to a doubling cooldown and resends the same code", async () => {
    const { me, id, number } = await setUp();
    await me.sendMine(id);
    const code = await latestCode(t, number);
    const early = await me.sendMine(id);
    expect(early.statusCode).toBe(429);
    expect(early.headers["retry-after"]).toBe("30");
    expect(early.json().error).toMatchObject({ code: "RESEND_COOLDOWN" });
    t.clock.advance(30_000);
    const second = await me.sendMine(id);
    expect(second.json().error).toBeUndefined();
    expect(second.json().verification).toMatchObject({ sends_used: 2, sends_left: 3 });
    expect(await latestCode(t, number)).toBe(code);
    t.clock.advance(30_000);
    const third = await me.sendMine(id);
    expect(third.statusCode).toBe(429);
    expect(third.headers["retry-after"]).toBe("30");
    t.clock.advance(30_000);
    expect((await me.sendMine(id)).statusCode).toBe(202);
    expect(t.inbox?.list({ to: number }).every((m) => m.code === code)).toBe(true);
  });

  it("caps the sends of one verification", async () => {
    const { me, id } = await setUp({
      HANDSET_RESEND_COOLDOWN_SECONDS: "0",
      HANDSET_MAX_SENDS_PER_VERIFICATION: "3",
    });
    for (let i = 0; i < 3; i++) expect((await me.sendMine(id)).statusCode).toBe(202);
    const capped = await me.sendMine(id);
    expect(capped.statusCode).toBe(429);
    expect(capped.json().error.code).toBe("SEND_LIMIT_REACHED");
  });

  it("keeps a per-number guess budget across resends, so a fresh code does not reset the count", async () => {
    const { me, id, number } = await setUp({ HANDSET_NUMBER_GUESS_BUDGET: "7" });
    await me.sendMine(id);
    const first = await latestCode(t, number);
    for (let i = 0; i < 5; i++) await me.verifyMine(id, wrongCode(first));
    const second = await me.sendMine(id);
    expect(second.statusCode).toBe(202);
    expect(second.json().verification).toMatchObject({ max_attempts: 2, attempts_left: 2 });
    const code = await latestCode(t, number);
    expect((await me.verifyMine(id, wrongCode(code))).json().error).toMatchObject({
      code: "CODE_INVALID",
      details: { attempts_left: 1 },
    });
    expect((await me.verifyMine(id, wrongCode(code))).json().error.code).toBe("CODE_ATTEMPTS_EXHAUSTED");
    const locked = await me.sendMine(id);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe("NUMBER_GUESS_BUDGET_EXHAUSTED");
    t.clock.advance(60 * 60_000);
    expect((await me.sendMine(id)).statusCode).toBe(202);
  });

  it("limits the SMS one number receives in the window, whatever the verification", async () => {
    const { me, id } = await setUp({ HANDSET_NUMBER_SEND_BUDGET: "2" });
    expect((await me.sendMine(id)).statusCode).toBe(202);
    t.clock.advance(10 * 60_000);
    expect((await me.sendMine(id)).statusCode).toBe(202);
    t.clock.advance(10 * 60_000);
    const limited = await me.sendMine(id);
    expect(limited.json().error.code).toBe("SEND_LIMIT_REACHED");
    expect(Number(limited.headers["retry-after"])).toBe(40 * 60);
  });

  it("sends no SMS to configured test numbers and takes their fixed code", async () => {
    t = await createTestApp({ env: { HANDSET_TEST_NUMBERS: "+33612345678=424242" } });
    const me = nativeClient(t, await t.tokenFor("tester"));
    const id = (await me.addMine("+33 6 12 34 56 78")).json().id as string;
    const sent = await me.sendMine(id);
    expect(sent.json()).toMatchObject({ delivery: "test_number", verification: { strategy: "test_number" } });
    await t.dispatcher.runOnce();
    expect(t.inbox?.list({ to: "+33612345678" })).toEqual([]);
    expect((await me.verifyMine(id, "111111")).json().error.code).toBe("CODE_INVALID");
    const ok = await me.verifyMine(id, "424242");
    expect(ok.json().phone_number).toMatchObject({ verified: true, verification_strategy: "test_number" });
  });
});
