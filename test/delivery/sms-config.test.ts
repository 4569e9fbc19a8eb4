import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { SmsDeliveryError } from "../../src/delivery/provider.js";

const dir = mkdtempSync(join(tmpdir(), "handset-sms-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WEBHOOK = "type: webhook\n    url: https://relay.example.com/sms\n    secret: whsec_c2VjcmV0";

function problemOf(yaml: string): string {
  const path = join(dir, `sms-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, yaml);
  try {
    loadConfig({ HANDSET_SMS_CONFIG: path });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return "";
}

describe("the SMS config file's routes", () => {
  it("accepts regions, prefixes and a default naming configured providers", () => {
    expect(
      problemOf(
        `providers:\n  a:\n    ${WEBHOOK}\n  b:\n    ${WEBHOOK}\nroutes:\n  GB: [b, a]\n  "+4479": [b]\n  default: [a]\n`,
      ),
    ).toBe("");
  });

  it("refuses a region that is no ISO region, and a provider named twice in one route", () => {
    const problem = problemOf(
      `providers:\n  a:\n    ${WEBHOOK}\n  b:\n    ${WEBHOOK}\nroutes:\n  UK: [a]\n  default: [a, b, a]\n`,
    );
    expect(problem).toContain("routes.UK: UK is not an ISO 3166 region");
    expect(problem).toContain("routes.default: names a more than once");
  });
});

describe("a provider's Retry-After", () => {
  it("is held to ten minutes, so a stray huge value cannot park a provider or a message for long", () => {
    expect(new SmsDeliveryError("throttled", true, { retryAfterMs: 365 * 86_400_000 }).retryAfterMs).toBe(
      600_000,
    );
    expect(new SmsDeliveryError("throttled", true, { retryAfterMs: 7_000 }).retryAfterMs).toBe(7_000);
  });
});
