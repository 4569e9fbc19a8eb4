import { Code } from "@connectrpc/connect";
import { afterEach, describe, expect, it } from "vitest";
import { linode, serverRejection } from "../linode/linode-client.js";
import { type LinodeTestServer, startLinodeServer } from "../linode/setup.js";
import { mobileNumber } from "../support/harness.js";
import { failure, startZitadelServer, type ZitadelServer } from "../zitadel/support.js";
import { appKey, type JwksServer, jwtEnv, signToken, startJwksServer } from "./support.js";

/** The vendor surfaces' "my phone" operations take the app's JWT through the vendors' own clients. */
describe("an app JWT on the vendor surfaces", () => {
  let jwks: JwksServer | undefined;
  let linodeServer: LinodeTestServer | undefined;
  let zitadel: ZitadelServer | undefined;
  afterEach(async () => {
    await linodeServer?.close();
    await zitadel?.close();
    await jwks?.close();
    linodeServer = undefined;
    zitadel = undefined;
    jwks = undefined;
  });

  it("Linode: @linode/api-v4 sends a code, verifies it and reads the profile", async () => {
    const key = await appKey("RS256", "k1");
    jwks = await startJwksServer([key]);
    linodeServer = await startLinodeServer(jwtEnv({ jwksUrl: jwks.url }));
    const s = linodeServer;
    s.as(await signToken(key, s.t.clock.now(), { sub: "lin" }));
    expect(await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: "201-555-0123" })).toEqual({});
    expect(await linode.verifyPhoneNumberCode({ otp_code: await s.latestCode("+12015550123") })).toEqual({});
    const profile = await linode.getProfile();
    expect(profile.username).toBe("lin");
    expect(profile.verified_phone_number).toBe("+12015550123");
  });

  it("Linode: an expired JWT is refused in Linode's envelope", async () => {
    const key = await appKey("ES256", "k1");
    jwks = await startJwksServer([key]);
    linodeServer = await startLinodeServer(jwtEnv({ jwksUrl: jwks.url }));
    const s = linodeServer;
    s.as(await signToken(key, s.t.clock.now() - 7_200_000, { sub: "lin" }));
    const rejection = await serverRejection(linode.getProfile());
    expect(rejection.status).toBe(401);
    expect(rejection.errors[0]?.reason).toEqual(expect.any(String));
  });

  it("ZITADEL: AuthService sets and reads my phone with @zitadel/client over Connect", async () => {
    const key = await appKey("EdDSA", "k1");
    jwks = await startJwksServer([key]);
    zitadel = await startZitadelServer({ env: jwtEnv({ jwksUrl: jwks.url }) });
    const token = await signToken(key, zitadel.t.clock.now(), { sub: "zed" });
    const auth = zitadel.auth("connect", token);
    const number = mobileNumber();
    await auth.setMyPhone({ phone: number });
    const mine = await auth.getMyPhone({});
    expect(mine.phone?.phone).toBe(number);
    expect(mine.phone?.isPhoneVerified).toBe(false);

    const forged = await signToken(await appKey("EdDSA", "k1"), zitadel.t.clock.now(), { sub: "zed" });
    const refused = await failure(zitadel.auth("connect", forged).getMyPhone({}));
    expect(refused.code).toBe(Code.Unauthenticated);
  });
});
