import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const base = { NODE_ENV: "test", HANDSET_DATA_DIR: "/tmp/handset-config-test" };

describe("the conversion guard's settings", () => {
  it("has defaults: 30 sends, 20%, hourly windows, an hour's cool-off", () => {
    expect(loadConfig(base).conversion).toEqual({
      minSends: 30,
      minRate: 0.2,
      windowMs: 3_600_000,
      coolOffMs: 3_600_000,
    });
  });

  it("reads each variable, and off turns the guard off", () => {
    const config = loadConfig({
      ...base,
      HANDSET_CONVERSION_MIN_SENDS: "50",
      HANDSET_CONVERSION_MIN_RATE: "0.35",
      HANDSET_CONVERSION_WINDOW_SECONDS: "1800",
      HANDSET_CONVERSION_COOL_OFF_SECONDS: "7200",
    });
    expect(config.conversion).toEqual({
      minSends: 50,
      minRate: 0.35,
      windowMs: 1_800_000,
      coolOffMs: 7_200_000,
    });
    expect(loadConfig({ ...base, HANDSET_CONVERSION_GUARD: "off" }).conversion).toBeNull();
  });

  it.each([
    ["HANDSET_CONVERSION_MIN_SENDS", "0"],
    ["HANDSET_CONVERSION_MIN_SENDS", "ten"],
    ["HANDSET_CONVERSION_MIN_RATE", "1.5"],
    ["HANDSET_CONVERSION_MIN_RATE", "20%"],
    ["HANDSET_CONVERSION_WINDOW_SECONDS", "10"],
    ["HANDSET_CONVERSION_COOL_OFF_SECONDS", "-1"],
    ["HANDSET_CONVERSION_GUARD", "maybe"],
  ])("refuses %s=%s, naming the variable", (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(name);
  });
});
