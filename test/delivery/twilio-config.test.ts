import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const MESSAGING_SERVICE_SID = `MG${"ab".repeat(16)}`;

describe("Twilio configuration", () => {
  const account = `AC${"0123456789abcdef".repeat(2)}`;
  const base = {
    HANDSET_SMS_PROVIDER: "twilio",
    HANDSET_TWILIO_ACCOUNT_SID: account,
    HANDSET_TWILIO_AUTH_TOKEN: "secret-token",
  };
  const problem = (env: Record<string, string>): string => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    throw new Error("expected a configuration error");
  };

  it("reads the settings from the environment, never describing a secret", () => {
    const config = loadConfig({ ...base, HANDSET_TWILIO_FROM: "+15005550006" });
    const [provider] = config.sms.routing.providers;
    expect(provider?.name).toBe("twilio");
    expect(provider?.configured.description).toBe(
      `Twilio at https://api.twilio.com, account ${account} with its auth token, from +15005550006`,
    );
    expect(provider?.configured.timeoutMs).toBe(10_000);
    const keyed = loadConfig({
      HANDSET_SMS_PROVIDER: "twilio",
      HANDSET_TWILIO_ACCOUNT_SID: account,
      HANDSET_TWILIO_API_KEY_SID: `SK${"1".repeat(32)}`,
      HANDSET_TWILIO_API_KEY_SECRET: "key-secret",
      HANDSET_TWILIO_MESSAGING_SERVICE_SID: MESSAGING_SERVICE_SID,
      HANDSET_TWILIO_TIMEOUT_MS: "5000",
    });
    const description = keyed.sms.routing.providers[0]?.configured.description ?? "";
    expect(description).toContain("status callbacks off");
    expect(description).not.toContain("key-secret");
    expect(keyed.sms.routing.providers[0]?.configured.timeoutMs).toBe(5000);
  });

  it("names each bad combination or unknown key", () => {
    expect(problem({ ...base })).toContain("exactly one of from and messaging_service_sid");
    expect(
      problem({
        ...base,
        HANDSET_TWILIO_FROM: "+15005550006",
        HANDSET_TWILIO_MESSAGING_SERVICE_SID: MESSAGING_SERVICE_SID,
      }),
    ).toContain("exactly one of from and messaging_service_sid");
    expect(problem({ ...base, HANDSET_TWILIO_FROM: "x", HANDSET_TWILIO_ACCOUNT_SID: "AC123" })).toContain(
      "an account SID: AC and 32 hex digits",
    );
    expect(
      problem({
        HANDSET_SMS_PROVIDER: "twilio",
        HANDSET_TWILIO_ACCOUNT_SID: account,
        HANDSET_TWILIO_FROM: "x",
      }),
    ).toContain("give auth_token, or api_key_sid and api_key_secret");
    expect(
      problem({ ...base, HANDSET_TWILIO_FROM: "x", HANDSET_TWILIO_API_KEY_SID: `SK${"1".repeat(32)}` }),
    ).toContain("api_key_sid and api_key_secret go together");
    expect(problem({ ...base, HANDSET_TWILIO_FROM: "x", HANDSET_TWILIO_SENDER: "x" })).toContain(
      "HANDSET_TWILIO_SENDER: not a setting of this provider type",
    );
  });
});
