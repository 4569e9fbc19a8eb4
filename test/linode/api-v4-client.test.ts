import { afterEach, describe, expect, it } from "vitest";
import { clientRejection, linode, serverRejection } from "./linode-client.js";
import { type LinodeTestServer, startLinodeServer, wrongCode } from "./setup.js";

/** A valid US number (FIXED_LINE_OR_MOBILE), in the national form Cloud Manager sends. */
const US_NATIONAL = "201-555-0123";
const US_E164 = "+12015550123";
const OTHER_US_NATIONAL = "(201) 555-0199";
const OTHER_US_E164 = "+12015550199";

describe("Linode profile phone number through @linode/api-v4", () => {
  let s: LinodeTestServer;
  afterEach(async () => s.close());

  it("sends a code, verifies it, shows the number on the profile and opts out", async () => {
    s = await startLinodeServer();
    await s.signIn("alice");
    expect((await linode.getProfile()).verified_phone_number).toBeNull();

    expect(await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL })).toEqual({});
    const code = await s.latestCode(US_E164);
    expect(code).toMatch(/^\d{6}$/);
    // Not verified yet: the profile still has no verified number.
    expect((await linode.getProfile()).verified_phone_number).toBeNull();

    expect(await linode.verifyPhoneNumberCode({ otp_code: code })).toEqual({});
    const profile = await linode.getProfile();
    expect(profile.verified_phone_number).toBe(US_E164);
    expect(profile.username).toBe("alice");
    expect(Number.isInteger(profile.uid)).toBe(true);
    expect(profile.referrals.total).toBe(0);

    expect(await linode.smsOptOut()).toEqual({});
    expect((await linode.getProfile()).verified_phone_number).toBeNull();
  });

  it("says the number is already verified when its code is used again", async () => {
    s = await startLinodeServer();
    await s.signIn("alice");
    await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL });
    const code = await s.latestCode(US_E164);
    await linode.verifyPhoneNumberCode({ otp_code: code });
    const again = await serverRejection(linode.verifyPhoneNumberCode({ otp_code: code }));
    expect(again).toMatchObject({
      status: 400,
      errors: [{ field: "otp_code", reason: "This phone number is already verified." }],
    });
  });

  it("takes Linode's literal example 555-555-5555 when validation is set to possible", async () => {
    s = await startLinodeServer({ HANDSET_PHONE_VALIDATION: "possible" });
    await s.signIn("alice");
    await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: "555-555-5555" });
    await linode.verifyPhoneNumberCode({ otp_code: await s.latestCode("+15555555555") });
    expect((await linode.getProfile()).verified_phone_number).toBe("+15555555555");
  });

  it("refuses a number outside the numbering plan by default, on field phone_number", async () => {
    s = await startLinodeServer();
    await s.signIn("alice");
    const rejected = await serverRejection(
      linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: "555-555-5555" }),
    );
    expect(rejected.status).toBe(400);
    expect(rejected.errors).toEqual([{ field: "phone_number", reason: expect.any(String) }]);
    expect(s.t.inbox?.list()).toEqual([]);
  });

  it("sends the same code again within its 10 minutes, and 429 with Retry-After inside the cooldown", async () => {
    s = await startLinodeServer();
    await s.signIn("alice");
    await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL });
    const first = await s.latestCode(US_E164);

    const tooSoon = await serverRejection(
      linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL }),
    );
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.headers["retry-after"]).toBe("30");
    expect(tooSoon.errors).toHaveLength(1);
    expect(tooSoon.errors[0]?.reason).toMatch(/wait/);

    s.t.clock.advance(31_000);
    // The same number in E.164 is the same number.
    await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_E164 });
    await s.t.dispatcher.runOnce();
    const delivered = s.t.inbox?.list({ to: US_E164 }) ?? [];
    expect(delivered).toHaveLength(2);
    expect(delivered[0]?.code).toBe(first);
  });

  it("counts wrong codes down on field otp_code, then refuses even the right one", async () => {
    s = await startLinodeServer();
    await s.signIn("alice");
    await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL });
    const code = await s.latestCode(US_E164);

    const first = await serverRejection(linode.verifyPhoneNumberCode({ otp_code: wrongCode(code) }));
    expect(first).toMatchObject({
      status: 400,
      errors: [{ field: "otp_code", reason: "Invalid verification code. 4 attempts left." }],
    });
    for (let i = 0; i < 3; i += 1)
      await serverRejection(linode.verifyPhoneNumberCode({ otp_code: "999999" }));
    const last = await serverRejection(linode.verifyPhoneNumberCode({ otp_code: "999998" }));
    expect(last.errors).toEqual([
      { field: "otp_code", reason: "Too many invalid verification codes: request a new one." },
    ]);
    const afterwards = await serverRejection(linode.verifyPhoneNumberCode({ otp_code: code }));
    expect(afterwards.status).toBe(400);
    expect(afterwards.errors[0]?.field).toBe("otp_code");
    expect((await linode.getProfile()).verified_phone_number).toBeNull();
  });

  it("refuses an expired code, and a new request after expiry sends a new code", async () => {
    s = await startLinodeServer();
    await s.signIn("alice");
    await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL });
    const code = await s.latestCode(US_E164);
    s.t.clock.advance(10 * 60_000);

    const expired = await serverRejection(linode.verifyPhoneNumberCode({ otp_code: code }));
    expect(expired).toMatchObject({
      status: 400,
      errors: [{ field: "otp_code", reason: "The verification code has expired: request a new one." }],
    });
    await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL });
    const fresh = await s.latestCode(US_E164);
    await linode.verifyPhoneNumberCode({ otp_code: fresh });
    expect((await linode.getProfile()).verified_phone_number).toBe(US_E164);
  });

  it("says there is nothing to verify when no code was sent, and nothing to delete without a number", async () => {
    s = await startLinodeServer();
    await s.signIn("alice");
    const verify = await serverRejection(linode.verifyPhoneNumberCode({ otp_code: "123456" }));
    expect(verify).toMatchObject({ status: 400, errors: [{ field: "otp_code" }] });
    expect(verify.errors[0]?.reason).toMatch(/request one first/);

    const optOut = await serverRejection(linode.smsOptOut());
    expect(optOut).toMatchObject({
      status: 400,
      errors: [{ reason: "This profile has no verified phone number." }],
    });
  });

  it("refuses another number while one is verified, until it is deleted", async () => {
    s = await startLinodeServer();
    await s.signIn("alice");
    await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL });
    await linode.verifyPhoneNumberCode({ otp_code: await s.latestCode(US_E164) });

    const other = await serverRejection(
      linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: OTHER_US_NATIONAL }),
    );
    expect(other.status).toBe(400);
    expect(other.errors).toEqual([
      {
        field: "phone_number",
        reason: "This profile already has a verified phone number: delete it before verifying another.",
      },
    ]);
    const same = await serverRejection(
      linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL }),
    );
    expect(same.errors).toEqual([
      { field: "phone_number", reason: "This phone number is already verified for this profile." },
    ]);
    await s.t.dispatcher.runOnce();
    expect(s.t.inbox?.list({ to: OTHER_US_E164 })).toEqual([]);

    await linode.smsOptOut();
    await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: OTHER_US_NATIONAL });
    await linode.verifyPhoneNumberCode({ otp_code: await s.latestCode(OTHER_US_E164) });
    expect((await linode.getProfile()).verified_phone_number).toBe(OTHER_US_E164);
  });

  it("checks a code against the number a code was last sent to, and makes that number the profile's", async () => {
    s = await startLinodeServer();
    await s.signIn("alice");
    await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL });
    const firstCode = await s.latestCode(US_E164);
    await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: OTHER_US_NATIONAL });
    const secondCode = await s.latestCode(OTHER_US_E164);
    expect(secondCode).not.toBe(firstCode);

    const stale = await serverRejection(linode.verifyPhoneNumberCode({ otp_code: firstCode }));
    expect(stale.errors[0]).toMatchObject({ field: "otp_code", reason: expect.stringMatching(/^Invalid/) });
    await linode.verifyPhoneNumberCode({ otp_code: secondCode });
    // The first number was the user's first, hence primary; the verified one took its place.
    expect((await linode.getProfile()).verified_phone_number).toBe(OTHER_US_E164);
  });

  it("once the number sent last is verified, its code again and an older number's code are 'already verified'", async () => {
    s = await startLinodeServer();
    await s.signIn("alice");
    await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL });
    const firstCode = await s.latestCode(US_E164);
    await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: OTHER_US_NATIONAL });
    await linode.verifyPhoneNumberCode({ otp_code: await s.latestCode(OTHER_US_E164) });

    const alreadyVerified = [{ field: "otp_code", reason: "This phone number is already verified." }];
    // A second submission of the right code (a double click) is no wrong guess against the first number.
    const again = await serverRejection(
      linode.verifyPhoneNumberCode({ otp_code: await s.latestCode(OTHER_US_E164) }),
    );
    expect(again.errors).toEqual(alreadyVerified);
    // The first number's code was superseded: it neither verifies that number nor replaces the profile's.
    const superseded = await serverRejection(linode.verifyPhoneNumberCode({ otp_code: firstCode }));
    expect(superseded.errors).toEqual(alreadyVerified);
    expect((await linode.getProfile()).verified_phone_number).toBe(OTHER_US_E164);
    const mine = await s.t.app.inject({
      method: "GET",
      url: "/v1/me/phone-numbers",
      headers: { authorization: `Bearer ${await s.t.tokenFor("alice")}` },
    });
    const first = mine.json().data.find((n: { phone_number: string }) => n.phone_number === US_E164);
    expect(first).toMatchObject({ primary: false, verified: false });
    expect(first.verification).toMatchObject({ status: "pending", attempts_left: 5 });
  });

  it("lets only the user who asked use the code", async () => {
    s = await startLinodeServer();
    await s.signIn("alice");
    await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL });
    const code = await s.latestCode(US_E164);

    await s.signIn("bob");
    const stolen = await serverRejection(linode.verifyPhoneNumberCode({ otp_code: code }));
    expect(stolen).toMatchObject({ status: 400, errors: [{ field: "otp_code" }] });
    const taken = await serverRejection(
      linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL }),
    );
    // Bob hears what any number he may not add gets: no oracle of who holds it (issue 13).
    expect(taken.errors).toEqual([
      {
        field: "phone_number",
        reason: expect.stringMatching(/^This number cannot be added to this account\./),
      },
    ]);
    expect((await linode.getProfile()).verified_phone_number).toBeNull();

    await s.signIn("alice");
    await linode.verifyPhoneNumberCode({ otp_code: code });
    expect((await linode.getProfile()).verified_phone_number).toBe(US_E164);
  });

  it("answers 429 with Retry-After once the number's guess budget is spent", async () => {
    s = await startLinodeServer();
    await s.signIn("alice");
    for (let round = 0; round < 2; round += 1) {
      await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL });
      const code = await s.latestCode(US_E164);
      for (let i = 0; i < 5; i += 1) {
        await serverRejection(linode.verifyPhoneNumberCode({ otp_code: wrongCode(code) }));
      }
    }
    const limited = await serverRejection(
      linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL }),
    );
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited.errors[0]?.reason).toMatch(/Too many wrong codes/);
  });

  describe("tokens and scopes", () => {
    it("lets a read-only token read the profile and change nothing", async () => {
      s = await startLinodeServer();
      await s.signIn("carol", ["phone:read"]);
      expect((await linode.getProfile()).username).toBe("carol");
      const scopeError = {
        status: 401,
        errors: [{ reason: "Your OAuth token is not authorized to use this endpoint." }],
      };
      expect(
        await serverRejection(linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL })),
      ).toMatchObject(scopeError);
      expect(await serverRejection(linode.verifyPhoneNumberCode({ otp_code: "123456" }))).toMatchObject(
        scopeError,
      );
      expect(await serverRejection(linode.smsOptOut())).toMatchObject(scopeError);

      await s.t.dispatcher.runOnce();
      expect(s.t.inbox?.list()).toEqual([]);
      const admin = await s.t.app.inject({
        method: "GET",
        url: "/v1/users/carol/phone-numbers",
        headers: { authorization: `Bearer ${s.t.adminKey}` },
      });
      expect(admin.json().data).toEqual([]);
    });

    it("answers 401 Invalid Token for an unknown or expired token", async () => {
      s = await startLinodeServer();
      s.as("not-a-real-token");
      expect(await serverRejection(linode.getProfile())).toMatchObject({
        status: 401,
        errors: [{ reason: "Invalid Token" }],
      });
      const expiring = await s.t.tokenFor("dave", { expiresAt: s.t.clock.now() + 60_000 });
      s.as(expiring);
      expect((await linode.getProfile()).username).toBe("dave");
      s.t.clock.advance(60_000);
      expect(await serverRejection(linode.getProfile())).toMatchObject({
        status: 401,
        errors: [{ reason: "Invalid Token" }],
      });
    });

    it("gives an admin key no profile", async () => {
      s = await startLinodeServer();
      s.as(s.t.adminKey);
      expect(await serverRejection(linode.getProfile())).toMatchObject({
        status: 401,
        errors: [{ reason: "Your OAuth token is not authorized to use this endpoint." }],
      });
    });
  });

  it("refuses in the client, before any request, what @linode/validation refuses", async () => {
    s = await startLinodeServer();
    await s.signIn("alice");
    expect(await clientRejection(linode.verifyPhoneNumberCode({ otp_code: "12a" }))).toEqual([
      { field: "otp_code", reason: "The verification code must only contain digits." },
    ]);
    expect(
      await clientRejection(linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: "123" })),
    ).toEqual([{ field: "phone_number", reason: "Not a valid phone number" }]);
  });
});
