import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHousekeeping } from "../../src/app/housekeeping.js";
import { addToBudgets } from "../../src/store/budget-ledger.js";
import { createTestApp, type TestApp } from "../support/harness.js";

describe("housekeeping", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ runDispatcher: false });
  });
  afterAll(async () => t.close());

  it("purges the budget windows past their keeping time, and only those", async () => {
    const now = t.clock.now();
    await t.store.db.transaction().execute((trx) =>
      addToBudgets(trx, [
        { scope: "test|old", windowStart: now, keepMs: 60_000, amount: 1, cap: 10 },
        { scope: "test|kept", windowStart: now, keepMs: 86_400_000, amount: 1, cap: 10 },
      ]),
    );
    t.clock.advance(120_000);
    const log = { info() {}, warn() {}, error() {} };
    await createHousekeeping(t.store, t.clock, log).runOnce();
    const left = await t.store.db
      .selectFrom("budget_usage")
      .select("scope")
      .where("scope", "like", "test|%")
      .execute();
    expect(left).toEqual([{ scope: "test|kept" }]);
  });
});
