import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { bearer, createTestApp, mobileNumber, type TestApp } from "../support/harness.js";

describe("HANDSET_TRUST_PROXY", () => {
  const base = { NODE_ENV: "test", HANDSET_DATA_DIR: "/tmp/handset-unused" };
  it.each([
    ["false", false],
    ["true", true],
    ["2", 2],
    ["10.0.0.0/8, loopback ,2001:db8::1", ["10.0.0.0/8", "loopback", "2001:db8::1"]],
  ])("reads %s", (value, expected) => {
    expect(loadConfig({ ...base, HANDSET_TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it("refuses an entry that is not an address or a range, naming it", () => {
    expect(() => loadConfig({ ...base, HANDSET_TRUST_PROXY: "10.0.0.0/8,proxy.internal" })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ ...base, HANDSET_TRUST_PROXY: "10.0.0.0/8,proxy.internal" })).toThrow(
      /proxy\.internal/,
    );
  });
});

describe("the address the per-IP budget counts for a user token", () => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  /** A user of its own adds a number and asks a code, from `headers` over the socket address `socketIp`. */
  async function sendFrom(
    app: TestApp,
    user: string,
    socketIp: string,
    headers: Record<string, string> = {},
  ) {
    const token = await app.tokenFor(user);
    const added = await app.app.inject({
      method: "POST",
      url: "/v1/me/phone-numbers",
      remoteAddress: socketIp,
      headers: { ...bearer(token), ...headers },
      payload: { phone_number: mobileNumber() },
    });
    const sent = await app.app.inject({
      method: "POST",
      url: `/v1/me/phone-numbers/${added.json().id}/send-code`,
      remoteAddress: socketIp,
      headers: { ...bearer(token), ...headers },
    });
    return sent.statusCode === 202 ? "sent" : sent.json().error.details?.limit;
  }

  it("is the socket's, whatever the request says of itself, without a trusted proxy", async () => {
    t = await createTestApp({ runDispatcher: false, env: { HANDSET_BUDGET_IP_SMS_PER_HOUR: "1" } });
    expect(await sendFrom(t, "a", "198.51.100.7", { "x-forwarded-for": "203.0.113.1" })).toBe("sent");
    expect(await sendFrom(t, "b", "198.51.100.7", { "x-forwarded-for": "203.0.113.2" })).toBe(
      "ip_sms_per_hour",
    );
    // A user token cannot name its own address either.
    expect(await sendFrom(t, "c", "198.51.100.7", { "handset-client-ip": "203.0.113.3" })).toBe(
      "ip_sms_per_hour",
    );
    expect(await sendFrom(t, "d", "198.51.100.8")).toBe("sent");
  });

  it("is the forwarded one behind a trusted proxy", async () => {
    t = await createTestApp({
      runDispatcher: false,
      env: { HANDSET_BUDGET_IP_SMS_PER_HOUR: "1", HANDSET_TRUST_PROXY: "198.51.100.0/24" },
    });
    expect(await sendFrom(t, "a", "198.51.100.7", { "x-forwarded-for": "203.0.113.1" })).toBe("sent");
    expect(await sendFrom(t, "b", "198.51.100.9", { "x-forwarded-for": "203.0.113.2" })).toBe("sent");
    expect(await sendFrom(t, "c", "198.51.100.7", { "x-forwarded-for": "203.0.113.1" })).toBe(
      "ip_sms_per_hour",
    );
    // An IPv6 client counts by its /64.
    expect(await sendFrom(t, "d", "198.51.100.7", { "x-forwarded-for": "2001:db8:1:2::a" })).toBe("sent");
    expect(await sendFrom(t, "e", "198.51.100.7", { "x-forwarded-for": "2001:db8:1:2::b" })).toBe(
      "ip_sms_per_hour",
    );
  });
});
