import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { windowStart } from "./budgets.js";

/**
 * The conversion guard's rule (docs/fraud-guard.md, "Conversion guard"). SMS pumping sends many codes to
 * numbers that never verify; honest traffic verifies most of its codes (60-90% by the vendors'
 * figures). So sends and successful verifications are counted per tenant and destination, in fixed
 * UTC windows, and a destination whose recent conversion falls below a threshold, with enough volume
 * for the rate to mean something, is paused for a cool-off.
 */
export interface ConversionSettings {
  /** Sends in the recent window before the rate is judged at all. */
  minSends: number;
  /** The lowest acceptable verified/sent ratio, 0 to 1. */
  minRate: number;
  /** The length of one counting window; the recent window is the current one and the one before. */
  windowMs: number;
  /** How long a destination stays paused. */
  coolOffMs: number;
}

export const DEFAULT_CONVERSION_SETTINGS: ConversionSettings = {
  minSends: 30,
  minRate: 0.2,
  windowMs: 3_600_000,
  coolOffMs: 3_600_000,
};

/**
 * How many national significant digits a prefix destination keeps after the country calling code:
 * 3 is the operator block in most numbering plans (Nigeria's 803 is MTN, a North American area code,
 * a French 06/07 mobile range's first digits), narrow enough to single out the range a pumping wave
 * walks, wide enough that one country's honest traffic spreads over a handful of them.
 */
export const PREFIX_NATIONAL_DIGITS = 3;

/** A destination's scope: `country:NG` or `prefix:+234803`. */
export type DestinationScope = `country:${string}` | `prefix:+${string}`;

const SCOPE_PATTERN = /^(country:[A-Z]{2}|prefix:\+[1-9]\d{1,14})$/;

export function isDestinationScope(value: string): value is DestinationScope {
  return SCOPE_PATTERN.test(value);
}

/** The destinations an SMS to `e164` counts against: its country (when known) and its prefix. */
export function destinationsOf(e164: string, region: string | null): DestinationScope[] {
  const scopes: DestinationScope[] = [];
  if (region !== null && /^[A-Z]{2}$/.test(region)) scopes.push(`country:${region}`);
  const parsed = parsePhoneNumberFromString(e164);
  const prefix = parsed
    ? `+${parsed.countryCallingCode}${parsed.nationalNumber.slice(0, PREFIX_NATIONAL_DIGITS)}`
    : // Not parseable (it was accepted, so this is unlikely): the first digits still make a block.
      e164.slice(0, 7);
  if (/^\+[1-9]\d{1,14}$/.test(prefix)) scopes.push(`prefix:${prefix}` as DestinationScope);
  return scopes;
}

/** One counting window's figures for one destination. */
export interface WindowFigures {
  windowStart: number;
  sent: number;
  verified: number;
}

/** Sends and verifications over the recent window, as a pause records them. */
export interface Figures {
  sent: number;
  verified: number;
}

/**
 * The recent figures from the current and previous windows. Windows that began at or before the
 * destination's last pause are left out: the traffic that caused a pause must not pause the
 * destination again the moment the cool-off ends (or a pause is lifted).
 */
export function recentFigures(windows: readonly WindowFigures[], lastPausedAt: number | null): Figures {
  let sent = 0;
  let verified = 0;
  for (const w of windows) {
    if (lastPausedAt !== null && w.windowStart <= lastPausedAt) continue;
    sent += w.sent;
    verified += w.verified;
  }
  return { sent, verified };
}

/**
 * The verified/sent ratio, at most 1 (verifications of codes sent before a pause may outnumber the
 * sends since).
 */
export function conversionRate(f: Figures): number {
  return f.sent === 0 ? 1 : Math.min(1, f.verified / f.sent);
}

/** True when the figures should pause the destination. */
export function shouldPause(f: Figures, s: ConversionSettings): boolean {
  return f.sent >= s.minSends && conversionRate(f) < s.minRate;
}

/** The windows that make up the recent window at `now`: the current one and the previous one. */
export function recentWindows(now: number, s: ConversionSettings): { current: number; previous: number } {
  const current = windowStart(now, s.windowMs);
  return { current, previous: current - s.windowMs };
}
