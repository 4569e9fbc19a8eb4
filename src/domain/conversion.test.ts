import { describe, expect, it } from "vitest";
import {
  conversionRate,
  DEFAULT_CONVERSION_SETTINGS,
  destinationsOf,
  isDestinationScope,
  recentFigures,
  recentWindows,
  shouldPause,
} from "./conversion.js";

describe("the conversion guard's rule", () => {
  it("counts a number against its country and its calling code with 3 national digits", () => {
    expect(destinationsOf("+2348031234567", "NG")).toEqual(["country:NG", "prefix:+234803"]);
    expect(destinationsOf("+12024561234", "US")).toEqual(["country:US", "prefix:+1202"]);
    expect(destinationsOf("+33612345678", "FR")).toEqual(["country:FR", "prefix:+33612"]);
    // Unknown region: the prefix alone.
    expect(destinationsOf("+2348031234567", null)).toEqual(["prefix:+234803"]);
    for (const scope of destinationsOf("+447700900123", "GB")) expect(isDestinationScope(scope)).toBe(true);
  });

  it("tells scopes from anything else", () => {
    expect(isDestinationScope("country:NG")).toBe(true);
    expect(isDestinationScope("prefix:+234803")).toBe(true);
    expect(isDestinationScope("country:ng")).toBe(false);
    expect(isDestinationScope("prefix:234803")).toBe(false);
    expect(isDestinationScope("x1")).toBe(false);
  });

  it("pauses with enough volume and too few verifications, and not otherwise", () => {
    const s = DEFAULT_CONVERSION_SETTINGS;
    expect(shouldPause({ sent: 30, verified: 5 }, s)).toBe(true); // 16.7%
    expect(shouldPause({ sent: 30, verified: 6 }, s)).toBe(false); // 20%: at the threshold
    expect(shouldPause({ sent: 29, verified: 0 }, s)).toBe(false); // too little volume to judge
    expect(conversionRate({ sent: 2, verified: 5 })).toBe(1);
    expect(conversionRate({ sent: 0, verified: 0 })).toBe(1);
  });

  it("sums the current and previous windows, leaving out those begun before the last pause", () => {
    const { current, previous } = recentWindows(Date.UTC(2026, 0, 1, 12, 30), DEFAULT_CONVERSION_SETTINGS);
    expect(current).toBe(Date.UTC(2026, 0, 1, 12));
    expect(previous).toBe(Date.UTC(2026, 0, 1, 11));
    const windows = [
      { windowStart: current, sent: 10, verified: 1 },
      { windowStart: previous, sent: 25, verified: 2 },
    ];
    expect(recentFigures(windows, null)).toEqual({ sent: 35, verified: 3 });
    expect(recentFigures(windows, Date.UTC(2026, 0, 1, 11, 40))).toEqual({ sent: 10, verified: 1 });
    expect(recentFigures(windows, Date.UTC(2026, 0, 1, 12, 10))).toEqual({ sent: 0, verified: 0 });
  });
});
