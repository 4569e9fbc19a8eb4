import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

const SMS_WEBHOOK = {
  HANDSET_SMS_PROVIDER: "webhook",
  HANDSET_WEBHOOK_URL: "https://sms.example.com/hook",
  HANDSET_WEBHOOK_SECRET: "whsec_c2VjcmV0",
};

/**
 * The SMS webhook provider owns `HANDSET_WEBHOOK_*` (HANDSET_<TYPE>_<KEY>); app webhooks' settings must
 * not land in it, nor its settings in theirs.
 */
describe("app webhook settings beside the SMS webhook provider", () => {
  it("starts with both configured, each reading only its own variables", () => {
    const config = loadConfig({
      ...SMS_WEBHOOK,
      HANDSET_WEBHOOK_TIMEOUT_MS: "4000",
      HANDSET_APP_WEBHOOKS_TIMEOUT_MS: "20000",
      HANDSET_APP_WEBHOOKS_INTERVAL_MS: "500",
      HANDSET_APP_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "true",
    });
    expect(config.webhooks).toEqual({ timeoutMs: 20_000, intervalMs: 500, allowPrivateNetworks: true });
    const [provider] = config.sms.routing.providers;
    expect(provider?.name).toBe("webhook");
    expect(JSON.stringify(provider)).toContain("4000");
  });

  it("keeps the SMS provider's timeout out of the app webhooks' one", () => {
    const config = loadConfig({ ...SMS_WEBHOOK, HANDSET_WEBHOOK_TIMEOUT_MS: "4000" });
    expect(config.webhooks.timeoutMs).toBe(15_000);
  });
});
