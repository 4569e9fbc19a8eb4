import { describe, expect, it } from "vitest";
import {
  type DeliveryLogger,
  type SmsAccepted,
  SmsDeliveryError,
  type SmsMessage,
  type SmsProvider,
} from "../../src/delivery/provider.js";
import {
  DEFAULT_PROVIDER_POLICY,
  type ProviderPolicy,
  type RouteTable,
  routeFor,
} from "../../src/delivery/routing/route-table.js";
import { createRouter, type RoutedProvider } from "../../src/delivery/routing/router.js";
import { testSms } from "../support/provider-context.js";

/** What a fake provider does with one send: accept, throw, or wait until the test settles it. */
type Behaviour = "accept" | Error | { hold: true };

interface FakeProvider extends SmsProvider {
  /** The messages it was handed, in order. */
  calls: SmsMessage[];
  /** Its behaviour for the next sends, first first; `accept` once they run out. */
  script: Behaviour[];
  /** Settles the oldest held send. */
  settle(outcome: "accept" | Error): void;
  started: number;
  closed: number;
  /** Runs at each send, before its behaviour: a test moves its clock here, as a slow send would. */
  onSend?: () => void;
}

function fakeProvider(name: string): FakeProvider {
  const held: { resolve: (a: SmsAccepted) => void; reject: (e: Error) => void }[] = [];
  const fake: FakeProvider = {
    name,
    development: false,
    calls: [],
    script: [],
    started: 0,
    closed: 0,
    async send(message) {
      fake.calls.push(message);
      fake.onSend?.();
      const behaviour = fake.script.shift() ?? "accept";
      if (behaviour === "accept") return { providerMessageId: `${name}-${fake.calls.length}` };
      if (behaviour instanceof Error) throw behaviour;
      return new Promise<SmsAccepted>((resolve, reject) => held.push({ resolve, reject }));
    },
    settle(outcome) {
      const next = held.shift();
      if (!next) throw new Error(`${name} holds no send`);
      if (outcome === "accept") next.resolve({ providerMessageId: `${name}-held` });
      else next.reject(outcome);
    },
    async start() {
      fake.started += 1;
    },
    async close() {
      fake.closed += 1;
    },
  };
  return fake;
}

const down = () => new SmsDeliveryError("webhook answered HTTP 503", true);
const invalidNumber = () => new SmsDeliveryError("provider refused the number (invalid)", false);

interface Harness {
  router: SmsProvider;
  fakes: Record<string, FakeProvider>;
  clock: { t: number };
  sleeps: number[];
  logs: { level: string; obj: Record<string, unknown>; msg: string }[];
}

interface HarnessOptions {
  /** False: the fake sleep returns at once and the clock stands still. */
  sleepAdvancesClock?: boolean;
  budgetMs?: number;
  timeouts?: Record<string, number>;
}

function harness(
  policies: Record<string, Partial<ProviderPolicy>>,
  routes: Partial<RouteTable> = {},
  { sleepAdvancesClock = true, budgetMs, timeouts = {} }: HarnessOptions = {},
): Harness {
  const clock = { t: Date.UTC(2026, 0, 1) };
  const sleeps: number[] = [];
  const logs: Harness["logs"] = [];
  const log =
    (level: string) =>
    (obj: object, msg: string): void => {
      logs.push({ level, obj: obj as Record<string, unknown>, msg });
    };
  const logger: DeliveryLogger = { info: log("info"), warn: log("warn"), error: log("error") };
  const fakes: Record<string, FakeProvider> = {};
  const providers = new Map<string, RoutedProvider>();
  for (const [name, policy] of Object.entries(policies)) {
    const fake = fakeProvider(name);
    fakes[name] = fake;
    const timeoutMs = timeouts[name] ?? null;
    providers.set(name, { provider: fake, policy: { ...DEFAULT_PROVIDER_POLICY, ...policy }, timeoutMs });
  }
  const router = createRouter({
    providers,
    routes: {
      byPrefix: routes.byPrefix ?? new Map(),
      byRegion: routes.byRegion ?? new Map(),
      fallback: routes.fallback ?? Object.keys(policies),
    },
    now: () => clock.t,
    logger,
    budgetMs,
    async sleep(ms) {
      sleeps.push(ms);
      if (sleepAdvancesClock) clock.t += ms;
    },
  });
  return { router, fakes, clock, sleeps, logs };
}

/** The fake of this name; fails the test when there is none. */
function fake(h: Harness, name: string): FakeProvider {
  const found = h.fakes[name];
  if (!found) throw new Error(`no fake provider ${name}`);
  return found;
}

async function failureOf(promise: Promise<unknown>): Promise<SmsDeliveryError> {
  const error = await promise.then(
    () => new Error("expected the send to fail"),
    (e: unknown) => e,
  );
  if (!(error instanceof SmsDeliveryError)) throw error;
  return error;
}

/** Which provider took each of these sends, in order. */
async function takers(h: Harness, count: number): Promise<(string | undefined)[]> {
  const taken: (string | undefined)[] = [];
  for (let i = 0; i < count; i++) taken.push((await h.router.send(testSms())).provider);
  return taken;
}

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
