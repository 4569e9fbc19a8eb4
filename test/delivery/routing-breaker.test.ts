import { describe, expect, it } from "vitest";
import { SmsDeliveryError } from "../../src/delivery/provider.js";
import { testSms } from "../support/provider-context.js";
import { down, failureOf, fake, harness, invalidNumber, takers } from "./routing-harness.js";

describe("circuit breaker", () => {
  it("opens after the failures, is skipped, lets one probe through half-open, and closes on its success", async () => {
    const h = harness({ a: { breakerFailures: 2, breakerCooldownMs: 10_000 }, b: {} });
    const a = fake(h, "a");
    a.script = [down(), down()];
    expect(await takers(h, 2)).toEqual(["b", "b"]);
    expect(a.calls).toHaveLength(2);
    expect(h.logs.filter((l) => l.level === "warn" && /circuit open/.test(l.msg))).toEqual([
      expect.objectContaining({ obj: expect.objectContaining({ provider: "a", openForMs: 10_000 }) }),
    ]);

    // Open: skipped without a call, until the cooldown ends.
    h.clock.t += 9_999;
    expect(await takers(h, 1)).toEqual(["b"]);
    expect(a.calls).toHaveLength(2);

    // Half-open: one probe goes to a; a send meanwhile skips it.
    h.clock.t += 1;
    a.script = [{ hold: true }];
    const probe = h.router.send(testSms());
    await Promise.resolve();
    expect(a.calls).toHaveLength(3);
    expect(await takers(h, 1)).toEqual(["b"]);
    expect(a.calls).toHaveLength(3);
    a.settle("accept");
    expect(await probe).toEqual({ providerMessageId: "a-held", provider: "a" });
    expect(h.logs.some((l) => l.level === "info" && l.msg === "sms provider circuit closed")).toBe(true);

    // Closed: a takes the next sends again.
    expect(await takers(h, 2)).toEqual(["a", "a"]);
  });

  it("opens again for the cooldown when the probe fails", async () => {
    const h = harness({ a: { breakerFailures: 1, breakerCooldownMs: 10_000 }, b: {} });
    const a = fake(h, "a");
    a.script = [down(), down()];
    expect(await takers(h, 1)).toEqual(["b"]);
    h.clock.t += 10_000;
    expect(await takers(h, 1)).toEqual(["b"]);
    expect(a.calls).toHaveLength(2);
    h.clock.t += 9_999;
    expect(await takers(h, 1)).toEqual(["b"]);
    expect(a.calls).toHaveLength(2);
    h.clock.t += 1;
    expect(await takers(h, 1)).toEqual(["a"]);
  });

  it("stays open at least as long as the provider's Retry-After, whatever the failure count", async () => {
    const h = harness({ a: { breakerFailures: 5, breakerCooldownMs: 1_000 }, b: {} });
    fake(h, "a").script = [new SmsDeliveryError("throttled (HTTP 429)", true, { retryAfterMs: 60_000 })];
    expect(await takers(h, 1)).toEqual(["b"]);
    h.clock.t += 59_999;
    expect(await takers(h, 1)).toEqual(["b"]);
    expect(fake(h, "a").calls).toHaveLength(1);
    h.clock.t += 1;
    expect(await takers(h, 1)).toEqual(["a"]);
  });

  it("when every provider of the route is open, fails at once with the earliest half-open time", async () => {
    const h = harness({
      a: { breakerFailures: 1, breakerCooldownMs: 30_000 },
      b: { breakerFailures: 1, breakerCooldownMs: 20_000 },
    });
    fake(h, "a").script = [down()];
    fake(h, "b").script = [down()];
    const first = await failureOf(h.router.send(testSms()));
    expect(first.retryAfterMs).toBe(20_000);
    h.clock.t += 5_000;
    const second = await failureOf(h.router.send(testSms()));
    expect(second.retryable).toBe(true);
    expect(second.message).toBe(
      "no provider of the route took the message (a: circuit open; b: circuit open)",
    );
    expect(second.retryAfterMs).toBe(15_000);
    expect([fake(h, "a").calls.length, fake(h, "b").calls.length]).toEqual([1, 1]);
  });

  it("does not count a permanent refusal as the provider's failure", async () => {
    const h = harness({ a: { breakerFailures: 1 }, b: {} });
    fake(h, "a").script = [invalidNumber()];
    await failureOf(h.router.send(testSms()));
    expect(await takers(h, 1)).toEqual(["a"]);
  });
});
