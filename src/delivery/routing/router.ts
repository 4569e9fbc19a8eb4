import {
  type DeliveryLogger,
  type SmsAccepted,
  SmsDeliveryError,
  type SmsMessage,
  type SmsProvider,
} from "../provider.js";
import { type BreakerPermit, CircuitBreaker } from "./circuit-breaker.js";
import { TokenBucket } from "./rate-limit.js";
import { type ProviderPolicy, type RouteTable, routeFor } from "./route-table.js";

/** How long a send waits for a provider's rate limit before it goes to the next provider instead. */
export const DEFAULT_MAX_RATE_WAIT_MS = 2_000;

export interface RoutedProvider {
  provider: SmsProvider;
  policy: ProviderPolicy;
  /** How long one of its sends may take at most (its configured timeout); null or absent when unknown. */
  timeoutMs?: number | null;
}

export interface RouterOptions {
  /** By configured name, the name the routes use. */
  providers: ReadonlyMap<string, RoutedProvider>;
  routes: RouteTable;
  now: () => number;
  logger: DeliveryLogger;
  /** Waits for a rate-limit token; `setTimeout` unless given. */
  sleep?: (ms: number) => Promise<void>;
  maxRateWaitMs?: number;
  /**
   * How long one `send` may take in all. After a first try took time, a provider is tried only when its
   * timeout still ends within it: the dispatcher's lease must outlast the send, or another process
   * could take the message over and send it again. Unbounded when absent.
   */
  budgetMs?: number;
}

interface Member {
  name: string;
  provider: SmsProvider;
  breaker: CircuitBreaker;
  bucket: TokenBucket | null;
  timeoutMs: number;
}

/** Why one provider of the route did not take the message; never a number, code or secret. */
/** A provider that did not take the message; `refused`: it refused for good (about itself). */
type Outcome = { name: string; reason: string; refused?: boolean };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The SMS provider the dispatcher sees when providers are configured: it picks the message's route and
 * tries its providers in order, skipping those whose circuit breaker is open or whose rate limit would
 * hold the message too long. A retryable failure moves on to the next provider; a permanent one (about
 * the message itself) is final, as another provider would refuse it too. Every try carries the same
 * message, so its id (the outbox id) is the idempotency key wherever it lands.
 */
export function createRouter(options: RouterOptions): SmsProvider {
  const sleep = options.sleep ?? realSleep;
  const maxRateWaitMs = options.maxRateWaitMs ?? DEFAULT_MAX_RATE_WAIT_MS;
  const members = new Map<string, Member>();
  for (const [name, { provider, policy, timeoutMs }] of options.providers) {
    members.set(name, {
      name,
      provider,
      timeoutMs: timeoutMs ?? 0,
      breaker: new CircuitBreaker({
        provider: name,
        failures: policy.breakerFailures,
        cooldownMs: policy.breakerCooldownMs,
        now: options.now,
        logger: options.logger,
      }),
      bucket:
        policy.ratePerSecond === null
          ? null
          : new TokenBucket(policy.ratePerSecond, maxRateWaitMs, options.now),
    });
  }
  const { routes } = options;
  for (const route of [routes.fallback, ...routes.byPrefix.values(), ...routes.byRegion.values()]) {
    for (const name of route) {
      if (!members.has(name)) throw new Error(`route names provider ${name}, which is not configured`);
    }
  }

  /** One try through one provider: its acceptance, or why it passed the message on. */
  async function attempt(
    member: Member,
    message: SmsMessage,
    startedAt: number,
  ): Promise<SmsAccepted | Outcome> {
    const { name, breaker, bucket } = member;
    const permit = breaker.admit();
    if (permit === null) return { name, reason: "circuit open" };
    const waitMs = bucket === null ? 0 : bucket.reserve();
    if (waitMs === null) {
      breaker.release(permit);
      return { name, reason: "rate limit busy" };
    }
    const endsAfter = options.now() - startedAt + waitMs;
    if (options.budgetMs !== undefined && endsAfter > 0 && endsAfter + member.timeoutMs > options.budgetMs) {
      bucket?.refund();
      breaker.release(permit);
      return { name, reason: "no time left to try it within the dispatch lease" };
    }
    if (waitMs > 0) await sleep(waitMs);
    return deliver(member, permit, message);
  }

  async function deliver(member: Member, permit: BreakerPermit, message: SmsMessage) {
    const { name, breaker } = member;
    try {
      const accepted = await member.provider.send(message);
      breaker.answered(permit);
      return { ...accepted, provider: name };
    } catch (error) {
      // A refusal about the message ends the route; one about the provider (its credentials, its
      // account) is that provider's trouble, like a failure: the next provider is tried.
      if (error instanceof SmsDeliveryError && !error.retryable && error.about === "message") {
        breaker.answered(permit);
        // Named, so the outbox's reason tells which provider refused.
        throw new SmsDeliveryError(`${name}: ${error.message}`, false, { retryAfterMs: error.retryAfterMs });
      }
      const retryAfterMs = error instanceof SmsDeliveryError ? error.retryAfterMs : undefined;
      breaker.failed(permit, retryAfterMs);
      const reason = error instanceof SmsDeliveryError ? error.message : unexpectedReason(error);
      options.logger.warn({ provider: name, messageId: message.id, reason }, "sms provider failed a send");
      return { name, reason, refused: error instanceof SmsDeliveryError && !error.retryable };
    }
  }

  /**
   * When every provider of the route has its breaker open, the earliest time one lets a probe through;
   * otherwise none, and the dispatcher's own backoff decides.
   */
  function retryAfterOf(route: readonly Member[]): number | undefined {
    let earliest = Number.POSITIVE_INFINITY;
    for (const member of route) {
      const reopensAt = member.breaker.reopensAt();
      if (reopensAt === null) return undefined;
      earliest = Math.min(earliest, reopensAt);
    }
    return Number.isFinite(earliest) ? Math.max(1, earliest - options.now()) : undefined;
  }

  return {
    name: "router",
    development: false,
    async send(message) {
      const route = routeFor(routes, message.to).map((name) => members.get(name) as Member);
      const startedAt = options.now();
      const outcomes: Outcome[] = [];
      for (const member of route) {
        const result = await attempt(member, message, startedAt);
        if ("providerMessageId" in result) {
          if (outcomes.length > 0) {
            options.logger.info(
              { messageId: message.id, provider: member.name, passedOver: outcomes.map((o) => o.name) },
              "sms delivered by a later provider of its route",
            );
          }
          return result;
        }
        outcomes.push(result);
      }
      const reasons = outcomes.map((o) => `${o.name}: ${o.reason}`).join("; ");
      // Every provider of the route refused for good (each for its own sake: bad credentials, say): a
      // retry would meet the same refusals, so the message fails, as with one provider it always did.
      const refusedByAll =
        route.length > 0 && outcomes.length === route.length && outcomes.every((o) => o.refused === true);
      throw new SmsDeliveryError(
        `no provider of the route took the message (${reasons || "empty route"})`,
        !refusedByAll,
        refusedByAll ? {} : { retryAfterMs: retryAfterOf(route) },
      );
    },
    async start() {
      await Promise.all([...members.values()].map((m) => m.provider.start?.()));
    },
    async close() {
      const closed = await Promise.allSettled([...members.values()].map((m) => m.provider.close?.()));
      const failure = closed.find((c) => c.status === "rejected");
      if (failure) throw failure.reason;
    },
  };
}

/** A throw that is not an SmsDeliveryError (a bug, a library's error): its text with digit runs blanked. */
function unexpectedReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${text.replace(/\+?\d{6,}/g, "[digits]").slice(0, 200)}`;
}
