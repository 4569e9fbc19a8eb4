import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { latestCode, nativeClient } from "../support/native-client.js";

describe("the event log", () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it("records every change with a gapless per-user sequence, and nothing for a refused change", async () => {
    t = await createTestApp();
    const me = nativeClient(t, await t.tokenFor("logged"));
    const number = mobileNumber();
    const id = (await me.addMine(number)).json().id as string;
    await me.sendMine(id);
    await me.verifyMine(id, "000000").then(async () => me.verifyMine(id, await latestCode(t, number)));
    await me.patchMine(id, { reserved_for_second_factor: true });
    expect((await nativeClient(t, await t.tokenFor("other")).addMine(number)).statusCode).toBe(422);
    await me.deleteMine(id);

    const events = await t.store.db
      .selectFrom("events")
      .selectAll()
      .where("aggregate_id", "=", "logged")
      .orderBy("sequence")
      .execute();
    const types = events.map((e) => e.type);
    expect(types[0]).toBe("user.created");
    expect(types).toContain("phone_number.added");
    expect(types).toContain("phone_number.code_sent");
    expect(types).toContain("phone_number.verified");
    expect(types.at(-1)).toBe("phone_number.removed");
    expect(events.map((e) => e.sequence)).toEqual(events.map((_e, i) => i + 1));
    expect(events.every((e) => e.actor.startsWith("user_token:cred_"))).toBe(true);
    const user = await t.store.db
      .selectFrom("users")
      .select("sequence")
      .where("id", "=", "logged")
      .executeTakeFirstOrThrow();
    expect(user.sequence).toBe(events.length);
    const others = await t.store.db
      .selectFrom("events")
      .select("type")
      .where("aggregate_id", "=", "other")
      .execute();
    expect(others.map((e) => e.type)).toEqual(["user.created"]);
  });
});
