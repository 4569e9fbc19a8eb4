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
} from "../../src/delivery/routing/route-table.js";
import { createRouter, type RoutedProvider } from "../../src/delivery/routing/router.js";
import { testSms } from "../support/provider-context.js";

/** What a fake provider does with one send: accept, throw, or wait until the test settles it. */
export type Behaviour = "accept" | Error | { hold: true };

export interface FakeProvider extends SmsProvider {
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

export function fakeProvider(name: string): FakeProvider {
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

export const down = () => new SmsDeliveryError("webhook answered HTTP 503", true);
export const invalidNumber = () => new SmsDeliveryError("provider refused the number (invalid)", false);

export interface Harness {
  router: SmsProvider;
  fakes: Record<string, FakeProvider>;
  clock: { t: number };
  sleeps: number[];
  logs: { level: string; obj: Record<string, unknown>; msg: string }[];
}

export interface HarnessOptions {
  /** False: the fake sleep returns at once and the clock stands still. */
  sleepAdvancesClock?: boolean;
  budgetMs?: number;
  timeouts?: Record<string, number>;
}

export function harness(
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
export function fake(h: Harness, name: string): FakeProvider {
  const found = h.fakes[name];
  if (!found) throw new Error(`no fake provider ${name}`);
  return found;
}

export async function failureOf(promise: Promise<unknown>): Promise<SmsDeliveryError> {
  const error = await promise.then(
    () => new Error("expected the send to fail"),
    (e: unknown) => e,
  );
  if (!(error instanceof SmsDeliveryError)) throw error;
  return error;
}

/** Which provider took each of these sends, in order. */
export async function takers(h: Harness, count: number): Promise<(string | undefined)[]> {
  const taken: (string | undefined)[] = [];
  for (let i = 0; i < count; i++) taken.push((await h.router.send(testSms())).provider);
  return taken;
}
