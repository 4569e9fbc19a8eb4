import { describe, expect, it } from "vitest";
import { createTestApp, mobileNumber } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";
import { inProcessCli } from "./in-process-cli.js";

describe("handset phone-numbers guess-lock|unlock", () => {
  it("shows a locked number and resets this tenant's streak straight in the database", async () => {
    const t = await createTestApp({ runDispatcher: false });
    const me = nativeClient(t, await t.tokenFor("locked-out"));
    const number = mobileNumber();
    const id = (await me.addMine(number)).json().id as string;
    // A streak at the cap, as 100 wrong codes leave it (the guard's own tests make them one by one).
    // The CLI runs on the system clock.
    const lastWrongAt = Date.now() - 60_000;
    await t.store.db
      .insertInto("guess_streaks")
      .values({
        tenant_id: "default",
        e164: number,
        failures: 100,
        last_wrong_at: lastWrongAt,
        locked_at: lastWrongAt,
      })
      .execute();
    await t.close({ keepData: true });

    const cli = inProcessCli(t.dataDir);
    const shown = await cli(["phone-numbers", "guess-lock", id, "--json"]);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      phoneNumberId: id,
      consecutiveFailures: 100,
      lock: { lockedAt: lastWrongAt },
    });

    const unlocked = await cli(["phone-numbers", "unlock", id, "--tenant", "default"]);
    expect(unlocked.code).toBe(0);
    expect(unlocked.stdout).toContain("wrong codes forgotten: 100");
    expect(unlocked.stdout).toContain("locked:                no");

    const missing = await cli(["phone-numbers", "unlock", "pn_missing"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("No phone number pn_missing");
    const badTenant = await cli(["phone-numbers", "unlock", id, "--tenant", "no spaces"]);
    expect(badTenant.code).toBe(2);
  });
});
