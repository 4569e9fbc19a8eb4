import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/** How a provider of a route is used: its send rate and its circuit breaker. */
export interface ProviderPolicy {
  /** Messages per second this process sends through it at most; null for no limit. */
  ratePerSecond: number | null;
  /** Consecutive retryable failures that open its breaker. */
  breakerFailures: number;
  /** How long an open breaker refuses sends before one probe is let through (half-open). */
  breakerCooldownMs: number;
}

export const DEFAULT_PROVIDER_POLICY: ProviderPolicy = {
  ratePerSecond: null,
  breakerFailures: 5,
  breakerCooldownMs: 30_000,
};

/**
 * Which providers, in order, carry a message to a number: the longest matching `+prefix` route, else
 * the route of the number's ISO region, else the default route.
 */
export interface RouteTable {
  /** Keys are `+` and digits (`+4479`), values provider names in order of preference. */
  byPrefix: ReadonlyMap<string, readonly string[]>;
  /** Keys are upper-case ISO 3166-1 alpha-2 regions. */
  byRegion: ReadonlyMap<string, readonly string[]>;
  fallback: readonly string[];
}

/**
 * The providers, in order, for a number in E.164: the longest `+prefix` route it starts with, else
 * its region's route, else the default route.
 */
export function routeFor(table: RouteTable, to: string): readonly string[] {
  let best: string | null = null;
  for (const prefix of table.byPrefix.keys()) {
    if (to.startsWith(prefix) && (best === null || prefix.length > best.length)) best = prefix;
  }
  if (best !== null) return table.byPrefix.get(best) ?? table.fallback;
  if (table.byRegion.size > 0) {
    const region = parsePhoneNumberFromString(to)?.country;
    const byRegion = region === undefined ? undefined : table.byRegion.get(region);
    if (byRegion) return byRegion;
  }
  return table.fallback;
}

/** No routes: the inbox, or a configuration that failed. */
export function emptyRoutes(): RouteTable {
  return { byPrefix: new Map(), byRegion: new Map(), fallback: [] };
}
