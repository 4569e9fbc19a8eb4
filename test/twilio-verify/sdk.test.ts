import { afterEach, describe, expect, it } from "vitest";
import { fromVerificationSid } from "../../src/surfaces/twilio-verify/sids.js";
import { bearer, mobileNumber } from "../support/harness.js";
import { expectTwilioError, lastBody } from "./expect.js";
import { expectTwilioSchema } from "./schema.js";
import { codeOf, startTwilioServer, type TwilioClient, type TwilioTestServer } from "./support.js";

const servers: TwilioTestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.t.close();
});

async function start(options: Parameters<typeof startTwilioServer>[0] = {}) {
  const s = await startTwilioServer(options);
  servers.push(s);
  return s;
}

const handsetId = (sid: string) => fromVerificationSid(sid) ?? "";

describe("Twilio Verify through the twilio SDK", () => {
  it("sends a code, refuses a wrong one as pending, approves the right one, and fetches it", async () => {
    const s = await start();
    const service = s.client.verify.v2.services(s.serviceSid);
    const to = mobileNumber();

    const created = await service.verifications.create({ to, channel: "sms" });
    expectTwilioSchema("verify.v2.service.verification", lastBody(s.client));
    expect(created).toMatchObject({
      serviceSid: s.serviceSid,
      accountSid: s.accountSid,
      to,
      channel: "sms",
      status: "pending",
      valid: false,
    });
    expect(created.sid).toMatch(/^VE[0-9a-f]{32}$/);
    expect(created.sendCodeAttempts).toHaveLength(1);
    expect(created.url).toBe(`${s.baseUrl}/v2/Services/${s.serviceSid}/Verifications/${created.sid}`);

    const wrong = await service.verificationChecks.create({
      to,
      code: "000000" === codeOf(handsetId(created.sid)) ? "111111" : "000000",
    });
    expectTwilioSchema("verify.v2.service.verification_check", lastBody(s.client));
    expect(wrong).toMatchObject({ status: "pending", valid: false, to });

    const right = await service.verificationChecks.create({ to, code: codeOf(handsetId(created.sid)) });
    expectTwilioSchema("verify.v2.service.verification_check", lastBody(s.client));
    expect(right).toMatchObject({ sid: created.sid, status: "approved", valid: true, to });

    const fetched = await service.verifications(created.sid).fetch();
    expectTwilioSchema("verify.v2.service.verification", lastBody(s.client));
    expect(fetched).toMatchObject({ sid: created.sid, status: "approved", valid: true });

    // An approved verification takes no more codes: Twilio's 404.
    await expectTwilioError(service.verificationChecks.create({ to, code: codeOf(handsetId(created.sid)) }), {
      status: 404,
      code: 20404,
    });
  });

  it("checks by VerificationSid, and answers a wrong code with the verification itself", async () => {
    const s = await start();
    const service = s.client.verify.v2.services(s.serviceSid);
    const created = await service.verifications.create({ to: mobileNumber(), channel: "sms" });
    const code = codeOf(handsetId(created.sid));
    const wrong = await service.verificationChecks.create({
      verificationSid: created.sid,
      code: code === "123456" ? "654321" : "123456",
    });
    expectTwilioSchema("verify.v2.service.verification_check", lastBody(s.client));
    expect(wrong).toMatchObject({ sid: created.sid, status: "pending", valid: false });
    const right = await service.verificationChecks.create({ verificationSid: created.sid, code });
    expect(right).toMatchObject({ sid: created.sid, status: "approved", valid: true });
  });

  it("cancels and approves by update, and a canceled verification takes no code", async () => {
    const s = await start();
    const service = s.client.verify.v2.services(s.serviceSid);
    const to = mobileNumber();
    const created = await service.verifications.create({ to, channel: "sms" });
    await s.t.clock.advance(42_000);
    const canceled = await service.verifications(created.sid).update({ status: "canceled" });
    expectTwilioSchema("verify.v2.service.verification", lastBody(s.client));
    expect(canceled).toMatchObject({ sid: created.sid, status: "canceled", valid: false });
    // date_updated is the cancellation's time (Twilio's timestamps are to the second).
    expect(canceled.dateUpdated.getTime() - created.dateCreated.getTime()).toBe(42_000);
    expect((await service.verifications(created.sid).fetch()).dateUpdated).toEqual(canceled.dateUpdated);
    await expectTwilioError(service.verificationChecks.create({ to, code: codeOf(handsetId(created.sid)) }), {
      status: 404,
      code: 20404,
    });
    await expectTwilioError(service.verifications(created.sid).update({ status: "canceled" }), {
      status: 404,
      code: 20404,
    });

    const other = await service.verifications.create({ to: mobileNumber(), channel: "sms" });
    const approved = await service.verifications(other.sid).update({ status: "approved" });
    expect(approved).toMatchObject({ sid: other.sid, status: "approved", valid: true });
    expect((await service.verifications(other.sid).fetch()).status).toBe("approved");
  });

  it("answers max_attempts_reached after the last wrong code, with 60202", async () => {
    const s = await start();
    const service = s.client.verify.v2.services(s.serviceSid);
    const to = mobileNumber();
    const created = await service.verifications.create({ to, channel: "sms" });
    const right = codeOf(handsetId(created.sid));
    const wrongCode = right === "999999" ? "888888" : "999999";
    for (let i = 0; i < 4; i += 1) {
      expect((await service.verificationChecks.create({ to, code: wrongCode })).status).toBe("pending");
    }
    await expectTwilioError(service.verificationChecks.create({ to, code: wrongCode }), {
      status: 429,
      code: 60202,
    });
    expect((await service.verifications(created.sid).fetch()).status).toBe("max_attempts_reached");
    // The right code no longer helps.
    await expectTwilioError(service.verificationChecks.create({ to, code: right }), {
      status: 429,
      code: 60202,
    });
  });

  it("fetches the tenant's default service, which cannot be changed or deleted here", async () => {
    const s = await start();
    const fetched = await s.client.verify.v2.services(s.serviceSid).fetch();
    expectTwilioSchema("verify.v2.service", lastBody(s.client));
    expect(fetched).toMatchObject({
      sid: s.serviceSid,
      accountSid: s.accountSid,
      friendlyName: "Handset",
      codeLength: 6,
      skipSmsToLandlines: true,
      customCodeEnabled: false,
      dateCreated: null,
    });
    const listed = await s.client.verify.v2.services.list();
    expect(listed.map((v) => v.sid)).toEqual([s.serviceSid]);

    await expectTwilioError(s.client.verify.v2.services(s.serviceSid).update({ codeLength: 8 }), {
      status: 403,
      code: 20403,
    });
    await expectTwilioError(s.client.verify.v2.services(s.serviceSid).remove(), { status: 403, code: 20403 });
    expect((await s.client.verify.v2.services(s.serviceSid).fetch()).codeLength).toBe(6);
    // Another service SID is no service of this account.
    await expectTwilioError(s.client.verify.v2.services(`VA${"0".repeat(32)}`).fetch(), {
      status: 404,
      code: 20404,
    });
  });
});

describe("Twilio Verify's errors through the twilio SDK", () => {
  it("refuses wrong credentials with 20003: a wrong token, another tenant's SID, a user token", async () => {
    const s = await start();
    const sms = (client: TwilioClient) =>
      client.verify.v2.services(s.serviceSid).verifications.create({ to: mobileNumber(), channel: "sms" });
    const expected = { status: 401, code: 20003 };
    await expectTwilioError(sms(s.clientWith(s.accountSid, "hsk_unknown")), expected);
    await expectTwilioError(sms(s.clientWith(`AC${"1".repeat(32)}`, s.authToken)), expected);
    await expectTwilioError(sms(s.clientWith(s.accountSid, await s.t.tokenFor("alice"))), expected);
    const otherTenant = await s.t.adminKeyFor("tenant-b");
    await expectTwilioError(sms(s.clientWith(s.accountSid, otherTenant)), expected);
    // A key without the scope is known, and refused as forbidden.
    const noScope = await s.t.adminKeyFor(s.t.config.defaultTenant, ["phone:read"]);
    await expectTwilioError(sms(s.clientWith(s.accountSid, noScope)), { status: 403, code: 20403 });
    const sent = await s.t.app.inject({ method: "GET", url: "/v1/messages", headers: bearer(s.t.adminKey) });
    expect(sent.json().data).toEqual([]);
  });

  it("refuses bad parameters with 60200, other channels with 60223, and changes nothing", async () => {
    const s = await start();
    const verifications = s.client.verify.v2.services(s.serviceSid).verifications;
    const bad = { status: 400, code: 60200 };
    await expectTwilioError(verifications.create({ to: "+1234", channel: "sms" }), bad);
    await expectTwilioError(verifications.create({ to: "not a number", channel: "sms" }), bad);
    await expectTwilioError(verifications.create({ to: mobileNumber(), channel: "pigeon" }), bad);
    await expectTwilioError(verifications.create({ to: "", channel: "sms" }), bad);
    for (const channel of ["call", "email", "whatsapp", "sna", "auto"]) {
      await expectTwilioError(verifications.create({ to: mobileNumber(), channel }), {
        status: 400,
        code: 60223,
      });
    }
    await expectTwilioError(
      s.client.verify.v2.services(s.serviceSid).verificationChecks.create({ code: "123456" }),
      bad,
    );
    const created = await verifications.create({ to: mobileNumber(), channel: "sms" });
    await expectTwilioError(
      s.client.verify.v2
        .services(s.serviceSid)
        .verifications(created.sid)
        .update({ status: "pending" as "canceled" }),
      bad,
    );
    const sent = await s.t.app.inject({ method: "GET", url: "/v1/messages", headers: bearer(s.t.adminKey) });
    expect(sent.json().data).toHaveLength(1);
  });

  it("answers 20404 for unknown verifications, and for checks of a number with no code", async () => {
    const s = await start();
    const service = s.client.verify.v2.services(s.serviceSid);
    const notFound = { status: 404, code: 20404 };
    await expectTwilioError(service.verifications(`VE${"a".repeat(32)}`).fetch(), notFound);
    await expectTwilioError(service.verifications("VEnot-a-sid").fetch(), notFound);
    await expectTwilioError(
      service.verificationChecks.create({ to: mobileNumber(), code: "123456" }),
      notFound,
    );
    await expectTwilioError(
      service.verificationChecks.create({ verificationSid: `VE${"b".repeat(32)}`, code: "123456" }),
      notFound,
    );
  });

  it("refuses a resend inside the cooldown with 60203 and Retry-After", async () => {
    const s = await start();
    const service = s.client.verify.v2.services(s.serviceSid);
    const to = mobileNumber();
    await service.verifications.create({ to, channel: "sms" });
    await expectTwilioError(service.verifications.create({ to, channel: "sms" }), {
      status: 429,
      code: 60203,
    });
    const headers = (s.client.httpClient as unknown as { lastResponse?: { headers: Record<string, string> } })
      .lastResponse?.headers;
    expect(Number(headers?.["retry-after"])).toBeGreaterThan(0);
  });

  it("refuses a landline with 60205 and a denied country with 60605", async () => {
    const s = await start();
    const verifications = s.client.verify.v2.services(s.serviceSid).verifications;
    await expectTwilioError(verifications.create({ to: "+33142685300", channel: "sms" }), {
      status: 403,
      code: 60205,
    });
    const denied = await s.t.app.inject({
      method: "PATCH",
      url: "/v1/settings",
      headers: bearer(s.t.adminKey),
      payload: { regions: { denied: ["FR"] } },
    });
    expect(denied.statusCode, denied.body).toBe(200);
    await expectTwilioError(verifications.create({ to: mobileNumber(), channel: "sms" }), {
      status: 403,
      code: 60605,
    });
  });
});
