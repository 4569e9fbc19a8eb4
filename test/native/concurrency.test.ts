import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { latestCode, nativeClient, wrongCode } from "../support/native-client.js";

describe("redemption under concurrency", () => {
  let t: TestApp;
  afterEach(async () => t.close());

  async function numberWithCode() {
    t = await createTestApp();
    const me = nativeClient(t, await t.tokenFor("racer"));
    const number = mobileNumber();
    const id = (await me.addMine(number)).json().id as string;
    await me.sendMine(id);
    return { me, id, code: await latestCode(t, number) };
  }

  it("verifies a code exactly once when 50 correct submissions arrive together", async () => {
    const { me, id, code } = await numberWithCode();
    const responses = await Promise.all(Array.from({ length: 50 }, () => me.verifyMine(id, code)));
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    const losers = responses.filter((r) => r.statusCode !== 200).map((r) => r.json().error.code);
    expect(new Set(losers)).toEqual(new Set(["CODE_ALREADY_USED"]));
    const events = await t.store.db
      .selectFrom("events")
      .select("type")
      .where("type", "=", "phone_number.verified")
      .execute();
    expect(events).toHaveLength(1);
  });

  it("counts exactly the configured number of 30 simultaneous wrong guesses, then fails the verification", async () => {
    const { me, id, code } = await numberWithCode();
    const responses = await Promise.all(Array.from({ length: 30 }, () => me.verifyMine(id, wrongCode(code))));
    const codes = responses.map((r) => r.json().error.code as string);
    expect(codes.filter((c) => c === "CODE_INVALID")).toHaveLength(4);
    expect(codes.filter((c) => c === "CODE_ATTEMPTS_EXHAUSTED")).toHaveLength(26);
    const row = await t.store.db
      .selectFrom("verifications")
      .select(["attempts_used", "status"])
      .where("phone_number_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ attempts_used: 5, status: "failed" });
    // The right code is no use once the verification has failed.
    const late = await me.verifyMine(id, code);
    expect(late.json().error.code).toBe("CODE_ATTEMPTS_EXHAUSTED");
    expect((await me.getMine(id)).json().verified).toBe(false);
  });
});
