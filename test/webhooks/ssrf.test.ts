import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { isPrivateAddress } from "../../src/delivery/app-webhooks/address-guard.js";
import { sendWebhook } from "../../src/delivery/app-webhooks/sender.js";
import { HandsetError } from "../../src/domain/errors.js";
import { checkWebhookUrl } from "../../src/services/webhook-input.js";
import { startReceiver } from "./receiver.js";

describe("app webhooks: SSRF", () => {
  it("tells private, loopback and link-local addresses from public ones", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "[::1]",
      "fd00::1",
      "fe80::1",
      "::ffff:10.0.0.1",
      "::ffff:127.0.0.1",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of [
      "93.184.216.34",
      "8.8.8.8",
      "2606:4700:4700::1111",
      "::ffff:8.8.8.8",
      "example.com",
    ]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("refuses non-http(s) URLs always, and private hosts unless allowed", () => {
    const refused = (url: string, allow: boolean) => {
      try {
        checkWebhookUrl(url, allow);
        return undefined;
      } catch (error) {
        return (error as HandsetError).code;
      }
    };
    for (const url of [
      "file:///etc/passwd",
      "ftp://example.com/",
      "gopher://example.com/",
      "data:text/plain,x",
    ]) {
      expect(refused(url, true), url).toBe("INVALID_REQUEST");
    }
    for (const url of [
      "http://127.0.0.1:8080/",
      "http://localhost/",
      "http://api.localhost/",
      "http://[::1]/",
      "http://10.0.0.5/",
      "http://169.254.169.254/latest/meta-data/",
      "http://2130706433/",
    ]) {
      expect(refused(url, false), url).toBe("INVALID_REQUEST");
      expect(refused(url, true), url).toBeUndefined();
    }
    expect(refused("https://hooks.example.com/handset", false)).toBeUndefined();
    expect(() => checkWebhookUrl("http://127.0.0.1/", false)).toThrow(HandsetError);
  });

  it("allows private receivers outside production, and in production only when told", () => {
    expect(loadConfig({ NODE_ENV: "test" }).webhooks.allowPrivateNetworks).toBe(true);
    expect(loadConfig({ NODE_ENV: "production" }).webhooks.allowPrivateNetworks).toBe(false);
    expect(
      loadConfig({ NODE_ENV: "production", HANDSET_APP_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "true" }).webhooks
        .allowPrivateNetworks,
    ).toBe(true);
  });

  it("does not connect to a private address at send time when they are not allowed", async () => {
    const receiver = await startReceiver();
    try {
      const refused = await sendWebhook(
        { timeoutMs: 2_000, allowPrivateNetworks: false },
        { url: receiver.url, body: "{}", headers: {} },
      );
      expect(refused).toMatchObject({ statusCode: null, error: "127.0.0.1 is a private address" });
      const byName = await sendWebhook(
        { timeoutMs: 2_000, allowPrivateNetworks: false },
        { url: receiver.url.replace("127.0.0.1", "localhost"), body: "{}", headers: {} },
      );
      expect(byName.statusCode).toBeNull();
      expect(receiver.received).toEqual([]);
      const allowed = await sendWebhook(
        { timeoutMs: 2_000, allowPrivateNetworks: true },
        { url: receiver.url, body: "{}", headers: {} },
      );
      expect(allowed).toMatchObject({ statusCode: 200, error: null });
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it("gives up an attempt that outlasts the timeout", async () => {
    const receiver = await startReceiver();
    receiver.state.hold = true;
    try {
      const answer = await sendWebhook(
        { timeoutMs: 200, allowPrivateNetworks: true },
        { url: receiver.url, body: "{}", headers: {} },
      );
      expect(answer).toMatchObject({ statusCode: null, error: "timed out after 200 ms" });
    } finally {
      await receiver.close();
    }
  });
});
