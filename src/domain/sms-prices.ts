/**
 * What one SMS segment costs, per destination country, in US dollars: the spend caps count with it.
 * The built-in table is deliberately coarse. The US and Canada take Twilio's published US rate
 * ($0.0083 a segment, April 2026); every other destination takes $0.10, above most providers' list
 * prices, so that a spend cap trips early rather than late. Operators set their provider's real
 * prices with HANDSET_SMS_PRICES (docs/fraud-guard.md).
 */
export interface SmsPrices {
  /** ISO region → dollars per segment. */
  byRegion: Readonly<Record<string, number>>;
  /** For a region the table lacks, and for numbers whose region is unknown. */
  fallback: number;
}

export const DEFAULT_SMS_PRICES: SmsPrices = {
  byRegion: { US: 0.0083, CA: 0.0083 },
  fallback: 0.1,
};

/** Spend is counted in millionths of a dollar, so the ledger holds integers. */
export const MICRO_DOLLARS = 1_000_000;

export function priceOf(prices: SmsPrices, region: string | null): number {
  return (region !== null ? prices.byRegion[region] : undefined) ?? prices.fallback;
}

/** The price of `segments` segments in micro-dollars, rounded up so that a cap is never overrun. */
export function microDollarsFor(prices: SmsPrices, region: string | null, segments = 1): number {
  return Math.ceil(priceOf(prices, region) * MICRO_DOLLARS * segments);
}
