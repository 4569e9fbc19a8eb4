import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import twilioSdk from "twilio";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/domain/clock.js";
import { type FakeTwilio, startFakeTwilio } from "../support/fake-twilio.js";
import { freePort } from "../support/free-port.js";
import { mobileNumber } from "../support/harness.js";
import { type ListeningApp, requestCode, startListeningApp } from "../support/listening-app.js";
import { waitFor } from "../support/sms-receiver.js";

/**
 * Forged receipts through the app's real callback route. The app has two providers, Twilio (which
 * sends) and Kannel (whose receipt route is what a forger would call with a Kannel-style GET), so it
 * is configured by a file (HANDSET_SMS_CONFIG): one provider type per environment is all
 * HANDSET_SMS_PROVIDER can name.
 */
describe("SMS callbacks through the real route refuse what is forged", () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 1, 12));
  const configDir = mkdtempSync(join(tmpdir(), "handset-e2e-refusals-"));
  let twilio: FakeTwilio;
  let app: ListeningApp;

  beforeAll(async () => {
    twilio = await startFakeTwilio();
    const configPath = join(configDir, "sms.yaml");
    // Kannel's smsbox is never called here: a closed port stands for it.
    const closedPort = await freePort();
    writeFileSync(
      configPath,
      [
        "providers:",
        "  twilio:",
        "    type: twilio",
        `    account_sid: ${twilio.accountSid}`,
        `    auth_token: ${twilio.authToken}`,
        '    from: "+15005550006"',
        `    base_url: ${twilio.baseUrl}`,
        "  kannel:",
        "    type: kannel",
        `    sendsms_url: http://127.0.0.1:${closedPort}/cgi-bin/sendsms`,
        "    username: handset",
        "    password: kannel-secret",
        "routes:",
        "  default: [twilio]",
        "",
      ].join("\n"),
    );
    app = await startListeningApp({ HANDSET_SMS_CONFIG: configPath }, clock);
  });

  afterAll(async () => {
    await app?.close();
    await twilio?.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(twilio.violations).toEqual([]);
  });

  const post = async (url: string, headers: Record<string, string>, body: string) => {
    const response = await fetch(url, { method: "POST", headers, body });
    await response.text();
    return response.status;
  };
  const get = async (url: string) => {
    const response = await fetch(url);
    await response.text();
    return response.status;
  };

  it("403 to a forged Twilio callback, 404 to an unknown provider, 403 to a Kannel GET with a wrong token", async () => {
    const number = mobileNumber();
    const request = await requestCode(app, number);
    const id = request.queued.id;
    const sms = await waitFor("Twilio to get the SMS", () =>
      twilio.requests.find((r) => r.form.To === number),
    );
    const sent = await app.messageWith(id, "sent");
    const callbackUrl = sms.form.StatusCallback ?? "";
    const params = {
      MessageSid: sent.provider_message_id ?? "",
      MessageStatus: "delivered",
      To: number,
      From: "+15005550006",
    };
    clock.advance(2_000);

    // Signed with a token that is not the account's.
    const signed = twilio.statusCallback(callbackUrl, params);
    const form = { AccountSid: twilio.accountSid, ApiVersion: "2010-04-01", ...params };
    const wrongSignature = twilioSdk.getExpectedTwilioSignature("not-the-auth-token", callbackUrl, form);
    const headers = (signature: string) => ({
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signature,
    });
    expect(await post(callbackUrl, headers(wrongSignature), signed.body)).toBe(403);
    // Twilio's own signature, over an `undelivered` the forger turned into `delivered`.
    const genuine = twilio.statusCallback(callbackUrl, { ...params, MessageStatus: "undelivered" });
    const tampered = genuine.body.replace("MessageStatus=undelivered", "MessageStatus=delivered");
    expect(await post(callbackUrl, headers(genuine.headers["x-twilio-signature"] ?? ""), tampered)).toBe(403);
    // No signature at all.
    expect(
      await post(callbackUrl, { "content-type": "application/x-www-form-urlencoded" }, signed.body),
    ).toBe(403);

    // A provider the app does not have.
    const unknown = `${app.url}/sms/callbacks/nexmo?m=${id}`;
    expect(await get(unknown)).toBe(404);
    expect(await post(unknown, { "content-type": "application/json" }, "{}")).toBe(404);

    // Kannel-style GETs (smsbox's dlr-url with its escapes filled in) whose token is wrong: made up, or
    // the genuine token of this message's Twilio callback, which is worth nothing on Kannel's route.
    const twilioToken = new URL(callbackUrl).searchParams.get("t") ?? "";
    const dlr = (token: string) =>
      `${app.url}/sms/callbacks/kannel?m=${id}&t=${token}&status=1&smsc_id=fake&ts=1767268805&err=`;
    expect(await get(dlr("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))).toBe(403);
    expect(await get(dlr(twilioToken))).toBe(403);
    expect(await get(`${app.url}/sms/callbacks/kannel?m=${id}&status=1`)).toBe(403);

    // Nothing was recorded: still sent, with only its sms.sent event.
    expect(await app.message(id)).toMatchObject({ status: "sent", receipt_at: null, error: null });
    expect((await app.events(id)).map((e) => e.type)).toEqual(["sms.sent"]);

    // The route itself works: Twilio's genuine callback is taken.
    expect(await twilio.postStatusCallback(callbackUrl, params)).toBe(204);
    expect(await app.message(id)).toMatchObject({ status: "delivered" });
    expect((await app.events(id)).map((e) => e.type)).toEqual(["sms.sent", "sms.delivered"]);
  });
});
