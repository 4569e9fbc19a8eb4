import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";
import { createTestSchema, notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";

notePostgresSkipped("resending to a test number on PostgreSQL");

/**
 * A configured test number has no cap on sends: its resend used to bind `Number.MAX_SAFE_INTEGER`
 * against the integer column `sends_used`, which PostgreSQL refuses ("out of range for type integer").
 */
describe.each([
  ["sqlite", async () => ({})],
  ...(TEST_DATABASE_URL
    ? [["postgres", async () => ({ DATABASE_URL: (await createTestSchema()).url })] as const]
    : []),
] as const)("a test number's code sent again on %s", (_dialect, env) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it("is the same code, sent as often as asked", async () => {
    t = await createTestApp({
      runDispatcher: false,
      env: { HANDSET_TEST_NUMBERS: "+33612345678=424242", ...(await env()) },
    });
    const me = nativeClient(t, await t.tokenFor("tester"));
    const id = (await me.addMine("+33 6 12 34 56 78")).json().id as string;
    const first = await me.sendMine(id);
    expect(first.statusCode).toBe(202);
    for (let send = 2; send <= 4; send += 1) {
      const again = await me.sendMine(id);
      expect(again.statusCode).toBe(202);
      expect(again.json().verification).toMatchObject({ id: first.json().verification.id, sends_used: send });
    }
    expect((await me.verifyMine(id, "424242")).statusCode).toBe(200);
  });
});
