import { afterEach, describe, expect, it } from "vitest";
import { bearer, createTestApp, mobileNumber, type TestApp } from "../support/harness.js";

/** The language of the SMS: the request's `locale`, else its Accept-Language, else the default. */
describe("the language of a code's SMS", () => {
  let t: TestApp;
  afterEach(async () => t.close());

  async function sendTo(headers: Record<string, string>, body?: Record<string, string>) {
    const token = await t.tokenFor(`u-${mobileNumber().slice(-6)}`);
    const number = mobileNumber();
    const added = await t.app.inject({
      method: "POST",
      url: "/v1/me/phone-numbers",
      headers: bearer(token),
      payload: { phone_number: number },
    });
    const sent = await t.app.inject({
      method: "POST",
      url: `/v1/me/phone-numbers/${added.json().id}/send-code`,
      headers: { ...bearer(token), ...headers },
      ...(body === undefined ? {} : { payload: body }),
    });
    await t.dispatcher.runOnce();
    const [sms] = t.inbox?.list({ to: number }) ?? [];
    return { sent, sms };
  }

  it("writes it in the locale asked for, and records that locale with the message", async () => {
    t = await createTestApp({ runDispatcher: false });
    const { sent, sms } = await sendTo({ "accept-language": "de" }, { locale: "fr-CA" });
    expect(sent.statusCode).toBe(202);
    expect(sent.json().message).toMatchObject({ status: "queued", locale: "fr-CA", provider: null });
    expect(sms?.body).toMatch(/^\d{6} est votre code de vérification Handset\./);
  });

  it("follows Accept-Language with its q-values when no locale is given, else English", async () => {
    t = await createTestApp({ runDispatcher: false });
    const german = await sendTo({ "accept-language": "xx;q=1, de-CH;q=0.9, fr;q=0.5" });
    expect(german.sms?.body).toMatch(/^\d{6} ist Ihr Bestätigungscode für Handset\./);
    expect(german.sent.json().message.locale).toBe("de");
    const plain = await sendTo({});
    expect(plain.sms?.body).toMatch(/^\d{6} is your Handset verification code\./);
    expect(plain.sent.json().message.locale).toBeNull();
  });

  it("refuses a locale that is not a language tag, and sends nothing", async () => {
    t = await createTestApp({ runDispatcher: false });
    const { sent, sms } = await sendTo({}, { locale: "not a tag!" });
    expect(sent.statusCode).toBe(400);
    expect(sent.json().error).toMatchObject({ code: "INVALID_REQUEST" });
    expect(sms).toBeUndefined();
  });

  it("takes Accept-Language on the Linode surface too", async () => {
    t = await createTestApp({ runDispatcher: false });
    const token = await t.tokenFor("linode-user");
    const sent = await t.app.inject({
      method: "POST",
      url: "/linode/v4/profile/phone-number",
      headers: { ...bearer(token), "content-type": "application/json", "accept-language": "es-ES,es;q=0.9" },
      payload: JSON.stringify({ iso_code: "US", phone_number: "201-555-0123" }),
    });
    expect(sent.statusCode).toBe(200);
    await t.dispatcher.runOnce();
    const [sms] = t.inbox?.list({ to: "+12015550123" }) ?? [];
    expect(sms?.body).toMatch(/^\d{6} es tu clave de Handset\./);
  });
});
