import { describe, expect, it } from "vitest";
import { SmsDeliveryError } from "../../src/delivery/provider.js";
import { testSms } from "../support/provider-context.js";
import { down, failureOf, fake, harness, takers } from "./routing-harness.js";

describe("rate limit", () => {
  it("makes a send wait for its token, on the injected clock", async () => {
    const h = harness({ a: { ratePerSecond: 2 }, b: {} });
    // A burst of two goes at once; the third waits half a second, and then still goes through a.
    expect(await takers(h, 3)).toEqual(["a", "a", "a"]);
    expect(h.sleeps).toEqual([500]);
  });

  it("queues concurrent sends in order and overflows to the next provider past the bound", async () => {
    // The clock stands still: the bucket goes into debt, one second a token.
    const h = harness(
      { a: { ratePerSecond: 1, breakerFailures: 1 }, b: {} },
      {},
      {
        sleepAdvancesClock: false,
      },
    );
    const sent = await Promise.all([1, 2, 3, 4].map(() => h.router.send(testSms())));
    expect(sent.map((s) => s.provider)).toEqual(["a", "a", "a", "b"]);
    expect(h.sleeps).toEqual([1_000, 2_000]);
    // Busy is not broken: a's breaker (one failure opens it) stayed closed.
    h.clock.t += 10_000;
    expect(await takers(h, 1)).toEqual(["a"]);
  });

  it("lets a slow rate overflow at once rather than hold the message", async () => {
    const h = harness({ a: { ratePerSecond: 0.25 }, b: {} });
    expect(await takers(h, 2)).toEqual(["a", "b"]);
    expect(h.sleeps).toEqual([]);
    h.clock.t += 4_000;
    expect(await takers(h, 1)).toEqual(["a"]);
  });
});
describe("send budget", () => {
  it("after a slow failure, skips a provider whose timeout would outlast the dispatch lease", async () => {
    const budget = { budgetMs: 30_000, timeouts: { a: 10_000, b: 25_000, c: 10_000 } };
    const h = harness({ a: {}, b: {}, c: {} }, {}, budget);
    const a = fake(h, "a");
    a.onSend = () => {
      h.clock.t += 10_000;
    };
    a.script = [new SmsDeliveryError("timed out after 10000 ms", true)];
    // 10 s gone: b (25 s) would end after 30 s; c (10 s) ends within it.
    expect(await takers(h, 1)).toEqual(["c"]);
    expect(fake(h, "b").calls).toHaveLength(0);

    a.script = [new SmsDeliveryError("timed out after 10000 ms", true)];
    fake(h, "c").script = [down()];
    const error = await failureOf(h.router.send(testSms()));
    expect(error.message).toContain("b: no time left to try it within the dispatch lease");
  });

  it("always makes the first try, whatever the provider's timeout", async () => {
    const h = harness({ a: {} }, {}, { budgetMs: 30_000, timeouts: { a: 45_000 } });
    expect(await takers(h, 1)).toEqual(["a"]);
  });
});
