import { describe, expect, it } from "vitest";
import { SmsDeliveryError } from "../../src/delivery/provider.js";
import { type RouteTable, routeFor } from "../../src/delivery/routing/route-table.js";
import { testSms } from "../support/provider-context.js";
import { down, failureOf, fake, harness, invalidNumber } from "./routing-harness.js";

describe("route choice", () => {
  const table: RouteTable = {
    byPrefix: new Map([
      ["+44", ["uk"]],
      ["+4479", ["uk-mobile"]],
    ]),
    byRegion: new Map([
      ["GB", ["by-region"]],
      ["CH", ["swiss"]],
      ["CA", ["canada"]],
    ]),
    fallback: ["default"],
  };

  it("takes the longest matching prefix over a shorter one and over the region", () => {
    expect(routeFor(table, "+447912345678")).toEqual(["uk-mobile"]);
    expect(routeFor(table, "+447712345678")).toEqual(["uk"]);
  });

  it("takes the number's region when no prefix matches, else the default route", () => {
    expect(routeFor(table, "+41781234567")).toEqual(["swiss"]);
    expect(routeFor(table, "+33612345678")).toEqual(["default"]);
    // +1 is shared: the region comes from the numbering plan (416 is Toronto), not the calling code.
    expect(routeFor(table, "+14169671111")).toEqual(["canada"]);
    expect(routeFor(table, "+12025550123")).toEqual(["default"]);
    // No region can be told from a number that is not one.
    expect(routeFor(table, "+999")).toEqual(["default"]);
  });

  it("sends through the chosen route's provider", async () => {
    const h = harness(
      { p: {}, r: {}, d: {} },
      { byPrefix: new Map([["+4179", ["p"]]]), byRegion: new Map([["CH", ["r"]]]), fallback: ["d"] },
    );
    const via = async (to: string) => (await h.router.send(testSms({ to }))).provider;
    expect(await via("+41791234567")).toBe("p");
    expect(await via("+41781234567")).toBe("r");
    expect(await via("+33612345678")).toBe("d");
    expect([fake(h, "p").calls.length, fake(h, "r").calls.length, fake(h, "d").calls.length]).toEqual([
      1, 1, 1,
    ]);
  });

  it("refuses a route that names a provider that is not configured", () => {
    expect(() => harness({ a: {} }, { fallback: ["a", "ghost"] })).toThrow(/ghost/);
  });
});

describe("failover", () => {
  it("moves to the next provider on a retryable failure and names the one that took it", async () => {
    const h = harness({ a: {}, b: {} });
    fake(h, "a").script = [down()];
    const accepted = await h.router.send(testSms());
    expect(accepted).toEqual({ providerMessageId: "b-1", provider: "b" });
    expect(fake(h, "a").calls).toHaveLength(1);
  });

  it("moves on when a provider throws something other than an SmsDeliveryError", async () => {
    const h = harness({ a: {}, b: {} });
    fake(h, "a").script = [new TypeError("cannot read properties of undefined")];
    expect((await h.router.send(testSms())).provider).toBe("b");
  });

  it("hands every try the same message, so its id is the idempotency key everywhere", async () => {
    const h = harness({ a: {}, b: {}, c: {} });
    fake(h, "a").script = [down()];
    fake(h, "b").script = [new SmsDeliveryError("timed out", true)];
    const message = testSms();
    expect((await h.router.send(message)).provider).toBe("c");
    const tried = ["a", "b", "c"].map((name) => fake(h, name).calls[0]);
    expect(tried.map((m) => m?.id)).toEqual([message.id, message.id, message.id]);
    for (const m of tried) expect(m).toEqual(message);
  });

  it("does not try another provider after a permanent refusal, and says which provider refused", async () => {
    const h = harness({ a: {}, b: {} });
    fake(h, "a").script = [invalidNumber()];
    const error = await failureOf(h.router.send(testSms()));
    expect(error.retryable).toBe(false);
    expect(error.message).toBe("a: provider refused the number (invalid)");
    expect(fake(h, "b").calls).toHaveLength(0);
  });

  it("fails over when a provider refuses for its own account's sake, and counts it against its breaker", async () => {
    const h = harness({ a: { breakerFailures: 1 }, b: {} });
    const badCredentials = () =>
      new SmsDeliveryError("twilio answered 401, code 20003 (authentication failed)", false, {
        about: "provider",
      });
    fake(h, "a").script = [badCredentials()];
    expect((await h.router.send(testSms())).provider).toBe("b");
    // Its breaker is open: the next message goes straight to b.
    expect((await h.router.send(testSms())).provider).toBe("b");
    expect(fake(h, "a").calls).toHaveLength(1);
    // When every provider refused for good, a retry would meet the same refusals: the message fails.
    const alone = harness({ a: {} });
    fake(alone, "a").script = [badCredentials()];
    expect((await failureOf(alone.router.send(testSms()))).retryable).toBe(false);
  });

  it("fails retryably naming each provider's reason, without the number or the code", async () => {
    const h = harness({ a: {}, b: {} });
    fake(h, "a").script = [down()];
    fake(h, "b").script = [new Error("socket hang up to +41781234567")];
    const message = testSms({ to: "+41781234567", code: "654321" });
    const error = await failureOf(h.router.send(message));
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(
      "no provider of the route took the message (a: webhook answered HTTP 503; " +
        "b: unexpected error: socket hang up to [digits])",
    );
    expect(error.message).not.toContain("654321");
    // Neither breaker is open (one failure of five), so the dispatcher's own backoff decides.
    expect(error.retryAfterMs).toBeUndefined();
  });
});

describe("router lifecycle", () => {
  it("starts and closes every provider, and is not a development provider", async () => {
    const h = harness({ a: {}, b: {} });
    await h.router.start?.();
    await h.router.close?.();
    expect([fake(h, "a").started, fake(h, "b").started, fake(h, "a").closed, fake(h, "b").closed]).toEqual([
      1, 1, 1, 1,
    ]);
    expect(h.router.name).toBe("router");
    expect(h.router.development).toBe(false);
    expect(h.router.handleCallback).toBeUndefined();
  });
});
