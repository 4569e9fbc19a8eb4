import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { deriveCode } from "../../src/domain/code.js";
import { fromVerificationSid } from "../../src/surfaces/twilio-verify/sids.js";
import { bearer, mobileNumber, TEST_KEYRING } from "../support/harness.js";
import { expectTwilioError, lastBody } from "./expect.js";
import { expectTwilioSchema } from "./schema.js";
import { startTwilioServer, type TwilioTestServer } from "./support.js";

const servers: TwilioTestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.t.close();
});

async function start() {
  const s = await startTwilioServer();
  servers.push(s);
  return s;
}

const handsetId = (sid: string) => fromVerificationSid(sid) ?? "";
const codeOf = (sid: string, digits: number) => deriveCode(TEST_KEYRING.active, handsetId(sid), digits);
const wrong = (code: string) => (code.startsWith("0") ? `1${code.slice(1)}` : `0${code.slice(1)}`);

/** Delivers the queued SMS and answers the text the number received last. */
async function lastText(s: TwilioTestServer, to: string): Promise<string> {
  await s.t.dispatcher.runOnce();
  const [message] = s.t.inbox?.list({ to }) ?? [];
  if (!message) throw new Error(`no SMS reached ${to}`);
  return message.body;
}

describe("Twilio Verify Services through the twilio SDK", () => {
  it("creates, fetches, lists, updates and deletes services, each answer valid under Twilio's schema", async () => {
    const s = await start();
    const services = s.client.verify.v2.services;
    const created = await services.create({
      friendlyName: "Acme Shop",
      codeLength: 8,
      doNotShareWarningEnabled: true,
      lookupEnabled: true,
      skipSmsToLandlines: false,
    });
    expectTwilioSchema("verify.v2.service", lastBody(s.client));
    expect(created.sid).toMatch(/^VA[0-9a-f]{32}$/);
    expect(created.sid).not.toBe(s.serviceSid);
    expect(created).toMatchObject({
      accountSid: s.accountSid,
      friendlyName: "Acme Shop",
      codeLength: 8,
      doNotShareWarningEnabled: true,
      lookupEnabled: true,
      // Handset never texts a fixed line, whatever is asked.
      skipSmsToLandlines: true,
      customCodeEnabled: false,
      psd2Enabled: false,
      url: `${s.baseUrl}/v2/Services/${created.sid}`,
    });
    expect(created.dateCreated).toBeInstanceOf(Date);

    const fetched = await services(created.sid).fetch();
    expectTwilioSchema("verify.v2.service", lastBody(s.client));
    expect(fetched).toMatchObject({ sid: created.sid, friendlyName: "Acme Shop", codeLength: 8 });

    const other = await services.create({ friendlyName: "Acme Admin" });
    expect(other.codeLength).toBe(6);
    // The default service first, then the created ones, oldest first; pages of one follow each other.
    expect((await services.list()).map((v) => v.sid)).toEqual([s.serviceSid, created.sid, other.sid]);
    expect((await services.list({ pageSize: 1 })).map((v) => v.sid)).toEqual([
      s.serviceSid,
      created.sid,
      other.sid,
    ]);
    const firstPage = await services.page({ pageSize: 2 });
    expect(firstPage.instances.map((v) => v.sid)).toEqual([s.serviceSid, created.sid]);
    const secondPage = await firstPage.nextPage();
    expect(secondPage?.instances.map((v) => v.sid)).toEqual([other.sid]);

    const updated = await services(created.sid).update({ friendlyName: "Acme", codeLength: 7 });
    expectTwilioSchema("verify.v2.service", lastBody(s.client));
    expect(updated).toMatchObject({
      sid: created.sid,
      friendlyName: "Acme",
      codeLength: 7,
      lookupEnabled: true,
    });

    expect(await services(other.sid).remove()).toBe(true);
    await expectTwilioError(services(other.sid).fetch(), { status: 404, code: 20404 });
    await expectTwilioError(services(other.sid).remove(), { status: 404, code: 20404 });
    expect((await services.list()).map((v) => v.sid)).toEqual([s.serviceSid, created.sid]);

    // Each change is in the tenant's event log.
    const events = await s.t.app.inject({
      method: "GET",
      url: "/v1/events?type=verify_service.",
      headers: bearer(s.t.adminKey),
    });
    expect(
      events
        .json()
        .data.map((e: { type: string }) => e.type)
        .sort(),
    ).toEqual([
      "verify_service.created",
      "verify_service.created",
      "verify_service.deleted",
      "verify_service.updated",
    ]);
  });

  it("refuses bad settings with Twilio's codes and writes nothing", async () => {
    const s = await start();
    const services = s.client.verify.v2.services;
    await expectTwilioError(services.create({ friendlyName: "x".repeat(31) }), { status: 400, code: 60200 });
    await expectTwilioError(services.create({ friendlyName: "   " }), { status: 400, code: 60200 });
    await expectTwilioError(services.create({ friendlyName: "Two\nlines" }), { status: 400, code: 60200 });
    // Handset's codes have 6 to 10 digits.
    await expectTwilioError(services.create({ friendlyName: "Short", codeLength: 4 }), {
      status: 400,
      code: 60200,
    });
    await expectTwilioError(services.create({ friendlyName: "Long", codeLength: 11 }), {
      status: 400,
      code: 60200,
    });
    await expectTwilioError(services.create({ friendlyName: "Tpl", defaultTemplateSid: "HJ123" }), {
      status: 400,
      code: 60200,
    });
    expect((await services.list()).map((v) => v.sid)).toEqual([s.serviceSid]);

    const made = await services.create({ friendlyName: "Kept" });
    await expectTwilioError(services(made.sid).update({ codeLength: 5 }), { status: 400, code: 60200 });
    expect((await services(made.sid).fetch()).codeLength).toBe(6);

    const raw = await fetch(`${s.baseUrl}/v2/Services`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${s.accountSid}:${s.authToken}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "CodeLength=6",
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ code: 60200, message: expect.stringContaining("FriendlyName") });
    const flag = await fetch(`${s.baseUrl}/v2/Services/${made.sid}`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${s.accountSid}:${s.authToken}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "LookupEnabled=yes",
    });
    expect(flag.status).toBe(400);
    expect(await flag.json()).toMatchObject({
      code: 60200,
      message: expect.stringContaining("LookupEnabled"),
    });
  });

  it("needs phone:write to change services, phone:read to see them; another tenant's are unknown", async () => {
    const s = await start();
    const made = await s.client.verify.v2.services.create({ friendlyName: "Mine" });
    const reader = s.clientWith(
      s.accountSid,
      await s.t.adminKeyFor(s.t.config.defaultTenant, ["phone:read"]),
    );
    expect((await reader.verify.v2.services(made.sid).fetch()).friendlyName).toBe("Mine");
    await expectTwilioError(reader.verify.v2.services.create({ friendlyName: "No" }), {
      status: 403,
      code: 20403,
    });
    await expectTwilioError(reader.verify.v2.services(made.sid).remove(), { status: 403, code: 20403 });

    const otherKey = await s.t.adminKeyFor("tenant-b");
    const { toTwilioCredentials } = await import("../../src/surfaces/twilio-verify/credentials.js");
    const other = toTwilioCredentials("tenant-b", otherKey);
    const stranger = s.clientWith(other.account_sid, other.auth_token);
    await expectTwilioError(stranger.verify.v2.services(made.sid).fetch(), { status: 404, code: 20404 });
    await expectTwilioError(
      stranger.verify.v2.services(made.sid).verifications.create({ to: mobileNumber(), channel: "sms" }),
      { status: 404, code: 20404 },
    );
    expect((await stranger.verify.v2.services.list()).map((v) => v.sid)).toHaveLength(1);
  });
});

describe("Verifications under a created service", () => {
  it("sends codes of the service's length, named after it, and checks them in that service only", async () => {
    const s = await start();
    const shop = await s.client.verify.v2.services.create({ friendlyName: "Acme Shop", codeLength: 8 });
    const service = s.client.verify.v2.services(shop.sid);
    const to = mobileNumber();
    const started = await service.verifications.create({ to, channel: "sms" });
    expectTwilioSchema("verify.v2.service.verification", lastBody(s.client));
    expect(started).toMatchObject({ serviceSid: shop.sid, status: "pending" });
    const code = codeOf(started.sid, 8);
    const text = await lastText(s, to);
    expect(text).toContain(code);
    expect(text).toContain("Acme Shop");

    // The same number has its own verification in the default service, with the tenant's settings.
    const elsewhere = await s.client.verify.v2
      .services(s.serviceSid)
      .verifications.create({ to, channel: "sms" });
    expect(elsewhere.sid).not.toBe(started.sid);
    expect(elsewhere.serviceSid).toBe(s.serviceSid);
    const defaultText = await lastText(s, to);
    expect(defaultText).toContain(codeOf(elsewhere.sid, 6));
    expect(defaultText).toContain("Handset");
    // A resend in the service is the same code again, not the default service's.
    await s.t.clock.advance(60_000);
    const resent = await service.verifications.create({ to, channel: "sms" });
    expect(resent.sid).toBe(started.sid);
    expect(resent.sendCodeAttempts).toHaveLength(2);

    // A code of one service is no code of the other.
    const check = await s.client.verify.v2.services(s.serviceSid).verificationChecks.create({ to, code });
    expect(check).toMatchObject({ sid: elsewhere.sid, status: "pending", valid: false });
    // Nor is a verification of one service reached through the other's path.
    await expectTwilioError(s.client.verify.v2.services(s.serviceSid).verifications(started.sid).fetch(), {
      status: 404,
      code: 20404,
    });
    await expectTwilioError(
      s.client.verify.v2
        .services(s.serviceSid)
        .verificationChecks.create({ verificationSid: started.sid, code }),
      { status: 404, code: 20404 },
    );
    expect((await service.verifications(started.sid).fetch()).status).toBe("pending");

    const approved = await service.verificationChecks.create({ to, code });
    expectTwilioSchema("verify.v2.service.verification_check", lastBody(s.client));
    expect(approved).toMatchObject({
      sid: started.sid,
      serviceSid: shop.sid,
      status: "approved",
      valid: true,
    });
    expect(
      (await s.client.verify.v2.services(s.serviceSid).verifications(elsewhere.sid).fetch()).status,
    ).toBe("pending");
  });

  it("says CustomFriendlyName and ends with AppHash; refuses CustomCode with 60204 and a bad AppHash", async () => {
    const s = await start();
    const shop = await s.client.verify.v2.services.create({ friendlyName: "Acme Shop" });
    const service = s.client.verify.v2.services(shop.sid);
    const to = mobileNumber();
    await service.verifications.create({
      to,
      channel: "sms",
      customFriendlyName: "Acme Black Friday",
      appHash: "FA+9qCX9VSu",
    });
    const text = await lastText(s, to);
    expect(text).toContain("Acme Black Friday");
    expect(text).not.toContain("Acme Shop");
    expect(text.split("\n").at(-1)).toBe("FA+9qCX9VSu");

    const other = mobileNumber();
    await expectTwilioError(
      service.verifications.create({ to: other, channel: "sms", customCode: "12345678" }),
      {
        status: 403,
        code: 60204,
      },
    );
    await expectTwilioError(service.verifications.create({ to: other, channel: "sms", appHash: "short" }), {
      status: 400,
      code: 60200,
    });
    await expectTwilioError(
      service.verifications.create({ to: other, channel: "sms", customFriendlyName: "x".repeat(31) }),
      { status: 400, code: 60200 },
    );
    const messages = await s.t.app.inject({
      method: "GET",
      url: `/v1/lookup/phone-numbers?phone_number=${encodeURIComponent(other)}`,
      headers: bearer(s.t.adminKey),
    });
    expect(messages.json().verifications).toEqual([]);
  });

  it("sends and checks a CustomCode where the service allows it, and keeps it sealed at rest", async () => {
    const s = await start();
    const services = s.client.verify.v2.services;
    const custom = await services.create({ friendlyName: "Custom", customCodeEnabled: true });
    expectTwilioSchema("verify.v2.service", lastBody(s.client));
    expect(custom.customCodeEnabled).toBe(true);
    const service = services(custom.sid);
    const to = mobileNumber();
    const chosen = String(1_000_000_000 + Math.floor(Math.random() * 8_999_999_999));
    const started = await service.verifications.create({ to, channel: "sms", customCode: chosen });
    expect(started.status).toBe("pending");
    expect(await lastText(s, to)).toContain(chosen);
    // A resend with the same code sends it again; another code is refused while this one is open.
    await s.t.clock.advance(60_000);
    expect((await service.verifications.create({ to, channel: "sms", customCode: chosen })).sid).toBe(
      started.sid,
    );
    await expectTwilioError(service.verifications.create({ to, channel: "sms", customCode: "5555555555" }), {
      status: 400,
      code: 60200,
    });
    // Too short, or not digits: refused before anything is written.
    for (const customCode of ["1234", "12ab5678", "12345678901"]) {
      await expectTwilioError(
        service.verifications.create({ to: mobileNumber(), channel: "sms", customCode }),
        {
          status: 400,
          code: 60200,
        },
      );
    }
    const wrongCheck = await service.verificationChecks.create({ to, code: wrong(chosen) });
    expect(wrongCheck).toMatchObject({ sid: started.sid, status: "pending", valid: false });
    const right = await service.verificationChecks.create({ to, code: chosen });
    expect(right).toMatchObject({ sid: started.sid, status: "approved", valid: true });

    // Switched off, the service refuses it again, as Twilio does.
    await service.update({ customCodeEnabled: false });
    await expectTwilioError(
      service.verifications.create({ to: mobileNumber(), channel: "sms", customCode: chosen }),
      {
        status: 403,
        code: 60204,
      },
    );

    await s.t.close({ keepData: true });
    servers.splice(servers.indexOf(s), 1);
    const file = join(s.t.dataDir, "handset.sqlite");
    const bytes = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    rmSync(s.t.dataDir, { recursive: true, force: true });
    expect(bytes.includes(Buffer.from(to))).toBe(true);
    expect(bytes.includes(Buffer.from(chosen)), "the custom code is in the database file").toBe(false);
  });

  it("cancels a deleted service's open verifications: its codes are refused", async () => {
    const s = await start();
    const shop = await s.client.verify.v2.services.create({ friendlyName: "Gone Soon" });
    const service = s.client.verify.v2.services(shop.sid);
    const to = mobileNumber();
    const started = await service.verifications.create({ to, channel: "sms" });
    await service.remove();
    await expectTwilioError(service.verificationChecks.create({ to, code: codeOf(started.sid, 6) }), {
      status: 404,
      code: 20404,
    });
    const row = await s.t.app.inject({
      method: "GET",
      url: `/v1/verifications/${handsetId(started.sid)}`,
      headers: bearer(s.t.adminKey),
    });
    expect(row.json().status).toBe("canceled");
  });

  it("answers a wrong code checked by To with the verification it counted against", async () => {
    const s = await start();
    const service = s.client.verify.v2.services(s.serviceSid);
    const to = mobileNumber();
    const started = await service.verifications.create({ to, channel: "sms" });
    const check = await service.verificationChecks.create({ to, code: wrong(codeOf(started.sid, 6)) });
    expectTwilioSchema("verify.v2.service.verification_check", lastBody(s.client));
    expect(check).toMatchObject({ sid: started.sid, status: "pending", valid: false, to });
    expect(check.dateCreated).toEqual(started.dateCreated);
    // The native API names it too.
    const native = await s.t.app.inject({
      method: "POST",
      url: "/v1/verifications/check",
      headers: bearer(s.t.adminKey),
      payload: { to, code: wrong(codeOf(started.sid, 6)) },
    });
    expect(native.statusCode).toBe(422);
    expect(native.json().error.details).toMatchObject({
      attempts_left: 3,
      verification_id: handsetId(started.sid),
    });
  });
});
