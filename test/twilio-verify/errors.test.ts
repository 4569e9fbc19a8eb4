import { describe, expect, it } from "vitest";
import { ERROR_CODES, HandsetError } from "../../src/domain/errors.js";
import { toTwilioError, twilioEnvelope } from "../../src/surfaces/twilio-verify/errors.js";

describe("Handset's error catalogue in Twilio's terms", () => {
  it("maps every code to a Twilio code and an HTTP status of its class", () => {
    for (const code of ERROR_CODES) {
      const twilio = toTwilioError(new HandsetError(code, `a ${code}`), "/twilio/v2/Services/VA1");
      const body = twilioEnvelope(twilio);
      expect(body.status, code).toBe(twilio.status);
      expect(body.more_info).toBe(`https://www.twilio.com/docs/errors/${twilio.code}`);
      expect(body.message.length).toBeGreaterThan(0);
      // Twilio's REST codes (2xxxx) and Verify's (60xxx).
      expect(String(twilio.code), code).toMatch(/^(20\d{3}|60\d{3})$/);
      expect(twilio.status, code).toBeGreaterThanOrEqual(400);
      if (code !== "INTERNAL" && code !== "SERVICE_UNAVAILABLE")
        expect(twilio.status, code).toBeLessThan(500);
    }
  });

  it("answers the wallet defence's refusals as Twilio's, with the retry time", () => {
    const at = (code: HandsetError["code"]) =>
      toTwilioError(new HandsetError(code, "refused", { retryAt: 1234 }), "/x");
    expect([at("BUDGET_EXCEEDED").status, at("BUDGET_EXCEEDED").code]).toEqual([429, 20429]);
    expect(at("BUDGET_EXCEEDED").retryAt).toBe(1234);
    expect([at("RESEND_COOLDOWN").status, at("RESEND_COOLDOWN").code]).toEqual([429, 60203]);
    expect([at("SEND_LIMIT_REACHED").status, at("SEND_LIMIT_REACHED").code]).toEqual([429, 60203]);
    expect([at("PHONE_NUMBER_LOCKED").status, at("PHONE_NUMBER_LOCKED").code]).toEqual([429, 60202]);
    expect([at("DESTINATION_PAUSED").status, at("DESTINATION_PAUSED").code]).toEqual([403, 60410]);
    expect([at("CODE_EXPIRED").status, at("CODE_EXPIRED").code]).toEqual([404, 20404]);
    expect(at("ROUTE_NOT_FOUND").message).toBe("The requested resource /x was not found");
  });
});
