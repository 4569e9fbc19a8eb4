import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeTwilio, startFakeTwilio } from "../support/fake-twilio.js";
import { freePort } from "../support/free-port.js";
import { type SmsReceiver, startSmsReceiver } from "../support/sms-receiver.js";
import { inProcessCli } from "./in-process-cli.js";

const dir = mkdtempSync(join(tmpdir(), "handset-providers-"));
let receiver: SmsReceiver;
let twilio: FakeTwilio;
/** A port nothing listens on: a provider pointed there is down. */
let deadPort: number;

beforeAll(async () => {
  [receiver, twilio, deadPort] = await Promise.all([startSmsReceiver(), startFakeTwilio(), freePort()]);
});

afterAll(async () => {
  await Promise.all([receiver.close(), twilio.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const cli = inProcessCli(join(dir, "data"));

/** An SMS config file of a webhook at the receiver, Twilio at the fake, and a webhook that is down. */
function configFile(): string {
  const path = join(dir, "sms.yaml");
  writeFileSync(
    path,
    [
      "providers:",
      "  gateway:",
      "    type: webhook",
      `    url: ${receiver.urlFor("check")}`,
      `    secret: ${receiver.secret}`,
      "    rate_per_second: 5",
      "  twilio-eu:",
      "    type: twilio",
      `    account_sid: ${twilio.accountSid}`,
      `    auth_token: ${twilio.authToken}`,
      "    from: '+15005550006'",
      `    base_url: ${twilio.baseUrl}`,
      "    breaker_failures: 3",
      "  down:",
      "    type: webhook",
      `    url: http://127.0.0.1:${deadPort}/sms`,
      `    secret: ${receiver.secret}`,
      "routes:",
      "  '+4479': [twilio-eu]",
      "  FR: [gateway, twilio-eu]",
      "  default: [gateway]",
      "messages:",
      "  app_name: Acme",
      "  default_locale: fr",
      "  webotp_domain: acme.example",
    ].join("\n"),
  );
  return path;
}

const files = () => ({ HANDSET_SMS_CONFIG: configFile() });
const secrets = () => [receiver.secret, twilio.authToken];

describe("handset providers list", () => {
  it("lists the providers, policies, routes, receipts and messages, and no secret", async () => {
    const run = await cli(["providers", "list"], {
      ...files(),
      HANDSET_PUBLIC_URL: "https://handset.example.com/",
    });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain(`source:    ${join(dir, "sms.yaml")}`);
    expect(run.stdout).toMatch(/gateway\s+webhook: signed webhook to http:\/\/127\.0\.0\.1:\d+/);
    expect(run.stdout).toContain("at most 5/s, breaker opens after 5 failures for 30 s");
    expect(run.stdout).toContain("no rate limit, breaker opens after 3 failures for 30 s, takes callbacks");
    expect(run.stdout).toMatch(/\+4479\s+-> twilio-eu/);
    expect(run.stdout).toMatch(/FR\s+-> gateway, twilio-eu/);
    expect(run.stdout).toMatch(/default\s+-> gateway/);
    expect(run.stdout).toContain(
      "receipts:  on at https://handset.example.com/sms/callbacks/<provider> (twilio-eu)",
    );
    expect(run.stdout).toContain(
      "messages:  app Acme, default locale fr, WebOTP domain acme.example, Android app hash unset",
    );
    for (const secret of secrets()) expect(run.stdout).not.toContain(secret);
  });

  it("prints the same in snake_case JSON", async () => {
    const run = await cli(["providers", "list", "--json"], files());
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout);
    expect(list).toMatchObject({
      source: join(dir, "sms.yaml"),
      development_inbox: false,
      receipts: { enabled: false, public_url: null, providers: ["twilio-eu"] },
      messages: {
        app_name: "Acme",
        default_locale: "fr",
        webotp_domain: "acme.example",
        android_app_hash_set: false,
      },
      test_numbers: 0,
    });
    expect(list.providers).toEqual([
      expect.objectContaining({
        name: "gateway",
        type: "webhook",
        rate_per_second: 5,
        takes_callbacks: false,
      }),
      expect.objectContaining({
        name: "twilio-eu",
        type: "twilio",
        breaker_failures: 3,
        takes_callbacks: true,
      }),
      expect.objectContaining({
        name: "down",
        type: "webhook",
        rate_per_second: null,
        breaker_cooldown_seconds: 30,
      }),
    ]);
    expect(list.routes).toEqual([
      { route: "+4479", kind: "prefix", providers: ["twilio-eu"] },
      { route: "FR", kind: "region", providers: ["gateway", "twilio-eu"] },
      { route: "default", kind: "default", providers: ["gateway"] },
    ]);
    for (const secret of secrets()) expect(run.stdout).not.toContain(secret);
  });

  it("names the development inbox when nothing is configured", async () => {
    const run = await cli(["providers", "list", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      source: "inbox",
      development_inbox: true,
      providers: [{ name: "inbox", type: "inbox" }],
      routes: [],
    });
  });

  it("exits 2 on a configuration error, naming its place", async () => {
    const run = await cli(["providers", "list"], { HANDSET_SMS_PROVIDER: "webhook" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("HANDSET_WEBHOOK_URL");
  });
});

describe("handset providers check", () => {
  it("sends one test SMS through the named provider and prints its message id", async () => {
    const before = receiver.received().length;
    const run = await cli(["providers", "check", "gateway", "+41 78 123 45 67"], files());
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const received = receiver.received().slice(before);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ path: "check", to: "+41781234567", code: "" });
    expect(run.stdout).toBe(`accepted by gateway; provider message id: gw-${received[0]?.messageId}\n`);
  });

  it("goes to the named provider, not the route, with the text given", async () => {
    const before = twilio.requests.length;
    const run = await cli(
      ["providers", "check", "twilio-eu", "+33612345678", "--text", "Bonjour de Acme"],
      files(),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^accepted by twilio-eu; provider message id: SM[0-9a-f]{32}\n$/);
    const sent = twilio.requests.slice(before);
    expect(sent.map((r) => [r.form.To, r.form.Body])).toEqual([["+33612345678", "Bonjour de Acme"]]);
    // No public URL and no receipt asked for: a check leaves nothing to match later.
    expect(sent[0]?.form.StatusCallback).toBeUndefined();
    expect(twilio.violations).toEqual([]);
  });

  it("uses the default text naming the app", async () => {
    const before = twilio.requests.length;
    const run = await cli(["providers", "check", "twilio-eu", "+33612345678"], files());
    expect(run.code).toBe(0);
    expect(twilio.requests.slice(before)[0]?.form.Body).toBe("Handset test message from Acme");
  });

  it("exits 1 with the provider's refusal, not retryable", async () => {
    twilio.script({
      error: { status: 400, code: 21211, message: "The 'To' number is not a valid phone number." },
    });
    const run = await cli(["providers", "check", "twilio-eu", "+33612345678"], files());
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^handset: twilio-eu refused the test SMS: .*21211.*; retryable: no\n$/);
  });

  it("exits 1 with a retryable failure when the provider is down", async () => {
    const run = await cli(["providers", "check", "down", "+41781234567"], files());
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^handset: down refused the test SMS: .*unreachable.*; retryable: yes/);
    for (const secret of secrets()) expect(run.stderr).not.toContain(secret);
  });

  it("exits 2 on an unknown name, listing the configured ones, and sends nothing", async () => {
    const before = receiver.received().length + twilio.requests.length;
    const run = await cli(["providers", "check", "nexmo", "+41781234567"], files());
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("handset: no provider named nexmo; configured: gateway, twilio-eu, down\n");
    expect(receiver.received().length + twilio.requests.length).toBe(before);
  });

  it("exits 2 on a number that is not one, parsed as the service parses numbers", async () => {
    const before = receiver.received().length;
    const notANumber = await cli(["providers", "check", "gateway", "+4178123"], files());
    expect(notANumber.code).toBe(2);
    expect(notANumber.stderr).toMatch(/^handset: <to>: .*cannot be a phone number/);
    // A fixed line cannot receive an SMS: refused as the API refuses it.
    const fixedLine = await cli(["providers", "check", "gateway", "+41442345678"], files());
    expect(fixedLine.code).toBe(2);
    expect(fixedLine.stderr).toMatch(/^handset: <to>: /);
    expect(receiver.received().length).toBe(before);
  });

  it("refuses the development inbox: there is nothing to check", async () => {
    const run = await cli(["providers", "check", "inbox", "+41781234567"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the development inbox sends no SMS, so there is nothing to check");
  });

  it("exits 2 on a missing argument", async () => {
    const run = await cli(["providers", "check", "gateway"], files());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("missing required argument 'to'");
  });

  it("says in its help that it costs one real SMS", async () => {
    const run = await cli(["providers", "check", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Send ONE real test SMS (it costs what an SMS costs)");
  });
});
