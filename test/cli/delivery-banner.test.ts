import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type BannerLine, deliveryBanner } from "../../src/app/delivery-banner.js";
import { loadConfig } from "../../src/config.js";

const dir = mkdtempSync(join(tmpdir(), "handset-banner-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Secrets of the kinds a configuration holds: a Twilio auth token, an API key secret, a webhook secret. */
const AUTH_TOKEN = "f3c1a9b2e4d5c6b7a8f9e0d1c2b3a4f5";
const API_KEY_SECRET = "apikeysecret-0123456789abcdef";
const WEBHOOK_SECRET = `whsec_${Buffer.from("banner-test-webhook-secret").toString("base64")}`;
const ACCOUNT_SID = `AC${"0".repeat(32)}`;
const HASH = "FA+9qCX9VSu";

function config(file: string[] | null, env: Record<string, string> = {}) {
  const fileEnv: Record<string, string> = {};
  if (file) {
    const path = join(dir, `sms-${randomBytes(4).toString("hex")}.yaml`);
    writeFileSync(path, file.join("\n"));
    fileEnv.HANDSET_SMS_CONFIG = path;
  }
  return loadConfig({ NODE_ENV: "test", HANDSET_DATA_DIR: dir, ...fileEnv, ...env });
}

const twoProviders = [
  "providers:",
  "  twilio-eu:",
  "    type: twilio",
  `    account_sid: ${ACCOUNT_SID}`,
  `    auth_token: ${AUTH_TOKEN}`,
  `    api_key_sid: SK${"1".repeat(32)}`,
  `    api_key_secret: ${API_KEY_SECRET}`,
  "    from: Acme",
  "    rate_per_second: 10",
  "    breaker_failures: 3",
  "    breaker_cooldown_seconds: 60",
  "  gateway:",
  "    type: webhook",
  "    url: https://sms.example.com/send?key=not-shown",
  `    secret: ${WEBHOOK_SECRET}`,
  "routes:",
  "  '+4479': [gateway]",
  "  FR: [twilio-eu, gateway]",
  "  default: [twilio-eu]",
  "messages:",
  "  app_name: Acme",
  "  default_locale: de",
  "  webotp_domain: acme.example",
  `  android_app_hash: ${HASH}`,
  "  templates:",
  `    en: "${"x".repeat(150)} {code}"`,
];

const messages = (lines: BannerLine[]) => lines.map((l) => `${l.level} ${l.msg}`);
const find = (lines: BannerLine[], msg: string) => lines.filter((l) => l.msg === msg);

describe("deliveryBanner", () => {
  const withFile = () =>
    config(twoProviders, {
      HANDSET_PUBLIC_URL: "https://operator:pa55word@handset.example.com/",
      HANDSET_TEST_NUMBERS: "+41781234567=123456,+15555550100=000000",
    });

  it("has one line per fact: source, each provider, each route, receipts, messages", () => {
    const lines = deliveryBanner(withFile());
    expect(find(lines, "SMS configuration")[0]?.fields).toEqual({
      source: expect.stringMatching(/sms-.*\.yaml$/),
    });
    expect(find(lines, "SMS provider").map((l) => l.fields)).toEqual([
      {
        provider: "twilio-eu",
        type: "twilio",
        description: expect.stringContaining(`account ${ACCOUNT_SID} with API key SK`),
        rate_per_second: 10,
        breaker_failures: 3,
        breaker_cooldown_seconds: 60,
      },
      // Default policy: no rate or breaker fields.
      { provider: "gateway", type: "webhook", description: "signed webhook to https://sms.example.com" },
    ]);
    expect(find(lines, "SMS route").map((l) => l.fields)).toEqual([
      { route: "+4479", providers: ["gateway"] },
      { route: "FR", providers: ["twilio-eu", "gateway"] },
      { route: "default", providers: ["twilio-eu"] },
    ]);
    expect(find(lines, "SMS receipts on")[0]?.fields).toEqual({
      public_url: "https://handset.example.com",
      callback_path: "/sms/callbacks/<provider>",
      providers: ["twilio-eu"],
    });
    expect(find(lines, "SMS messages")[0]?.fields).toEqual({
      app_name: "Acme",
      default_locale: "de",
      webotp_domain: "acme.example",
      android_app_hash: "set",
      tenants: 0,
    });
    expect(lines.filter((l) => l.level === "info")).toHaveLength(8);
  });

  it("warns of test numbers (a count only) and of texts too long for the SMS Retriever", () => {
    const lines = deliveryBanner(withFile());
    const warnings = lines.filter((l) => l.level === "warn");
    expect(warnings.map((l) => l.msg)).toEqual([
      "test numbers are configured: they receive no SMS and accept a fixed code (HANDSET_TEST_NUMBERS)",
      "SMS text too long for Android's SMS Retriever",
    ]);
    expect(warnings[0]?.fields).toEqual({ count: 2 });
    expect(warnings[1]?.fields.problem).toMatch(/^messages\.android_app_hash: .*140 bytes.*en \(/);
  });

  it("never shows a secret, a test number or its code, or the public URL's password", () => {
    const text = JSON.stringify(deliveryBanner(withFile()));
    for (const secret of [AUTH_TOKEN, API_KEY_SECRET, WEBHOOK_SECRET, "not-shown", "pa55word", "operator"]) {
      expect(text).not.toContain(secret);
    }
    for (const leak of ["+41781234567", "123456", "+15555550100"]) expect(text).not.toContain(leak);
  });

  it("says receipts are off and why, and warns for each provider that would give them", () => {
    const lines = deliveryBanner(config(twoProviders));
    expect(messages(lines)).toContain(
      "info SMS receipts off: HANDSET_PUBLIC_URL is unset, so no provider is asked for receipts",
    );
    expect(find(lines, "SMS receipts on")).toEqual([]);
    expect(
      find(lines, "SMS provider gives receipts, but HANDSET_PUBLIC_URL is unset: none will be asked for").map(
        (l) => l.fields,
      ),
    ).toEqual([{ provider: "twilio-eu", type: "twilio" }]);
  });

  it("warns that the development inbox is in use, and only that, by default", () => {
    const lines = deliveryBanner(config(null));
    expect(find(lines, "SMS configuration")[0]?.fields).toEqual({ source: "inbox" });
    expect(find(lines, "SMS provider").map((l) => l.fields.type)).toEqual(["inbox"]);
    expect(find(lines, "SMS route")).toEqual([]);
    expect(lines.filter((l) => l.level === "warn").map((l) => l.msg)).toEqual([
      expect.stringMatching(/^SMS goes to the development inbox: nothing is sent/),
    ]);
  });

  it("names the environment as the source of one provider", () => {
    const lines = deliveryBanner(
      config(null, {
        HANDSET_SMS_PROVIDER: "webhook",
        HANDSET_WEBHOOK_URL: "https://sms.example.com/hook",
        HANDSET_WEBHOOK_SECRET: WEBHOOK_SECRET,
      }),
    );
    expect(find(lines, "SMS configuration")[0]?.fields).toEqual({ source: "environment" });
    expect(find(lines, "SMS route").map((l) => l.fields)).toEqual([
      { route: "default", providers: ["webhook"] },
    ]);
    expect(lines.filter((l) => l.level === "warn")).toEqual([]);
    expect(JSON.stringify(lines)).not.toContain(WEBHOOK_SECRET);
  });
});
