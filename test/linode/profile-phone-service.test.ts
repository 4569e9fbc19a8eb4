import { afterEach, describe, expect, it } from "vitest";
import { isHandsetError } from "../../src/domain/errors.js";
import { createTestApp, type TestApp } from "../support/harness.js";

/** The profile-phone use case under concurrency: what the surface cannot make happen on demand. */
describe("profilePhone.sendCode under concurrency", () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it("adds a new number once and sends one code when the same user posts it several times at once", async () => {
    t = await createTestApp({ runDispatcher: false });
    const caller = await t.handset.credentials.authenticate(await t.tokenFor("alice"));
    await t.handset.users.ensure(caller, "alice");

    const outcomes = await Promise.allSettled(
      [1, 2, 3, 4].map(() =>
        t.handset.profilePhone.sendCode(caller, { phoneNumber: "201-555-0123", region: "US" }),
      ),
    );
    const codes = outcomes.map((o) =>
      o.status === "fulfilled" ? "sent" : isHandsetError(o.reason) ? o.reason.code : String(o.reason),
    );
    // The losers of the race find the winner's number and its fresh code: a cooldown, not "taken".
    expect(codes.filter((c) => c === "sent")).toHaveLength(1);
    expect(codes.filter((c) => c !== "sent").every((c) => c === "RESEND_COOLDOWN")).toBe(true);
    expect(await t.handset.phoneNumbers.listOfUser(caller, "alice")).toHaveLength(1);
    await t.dispatcher.runOnce();
    expect(t.inbox?.list({ to: "+12015550123" })).toHaveLength(1);
  });

  it("takes a refused new number away again, so a failed send changes nothing", async () => {
    t = await createTestApp({ runDispatcher: false, env: { HANDSET_NUMBER_SEND_BUDGET: "1" } });
    const alice = await t.handset.credentials.authenticate(await t.tokenFor("alice"));
    const bob = await t.handset.credentials.authenticate(await t.tokenFor("bob"));
    await t.handset.users.ensure(alice, "alice");
    await t.handset.users.ensure(bob, "bob");
    // Alice uses the number's send budget, then lets it go.
    await t.handset.profilePhone.sendCode(alice, { phoneNumber: "+12015550123" });
    const [held] = await t.handset.phoneNumbers.listOfUser(alice, "alice");
    if (!held) throw new Error("alice's number is missing");
    await t.handset.phoneNumbers.remove(alice, held.id);

    await expect(t.handset.profilePhone.sendCode(bob, { phoneNumber: "+12015550123" })).rejects.toMatchObject(
      {
        code: "SEND_LIMIT_REACHED",
      },
    );
    expect(await t.handset.phoneNumbers.listOfUser(bob, "bob")).toEqual([]);
  });
});
