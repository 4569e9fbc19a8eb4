import type { InjectOptions, RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAnswer } from "../security/envelopes.js";
import {
  classify,
  isImplemented,
  type ProbeIds,
  pathOf,
  type Route,
  sampleBody,
} from "../security/route-table.js";
import { bearer, createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { AUDIENCE, appKey, ISSUER, type JwksServer, jwtEnv, signToken, startJwksServer } from "./support.js";

/** How each surface refuses a valid credential of the wrong kind (as test/security/routes.test.ts). */
const WRONG_KIND: Record<Route["surface"], number[]> = {
  native: [403],
  linode: [401],
  clerk: [401],
  "zitadel-rest": [403],
  "zitadel-connect": [403],
  // An app JWT is no Account SID and auth token: Twilio's 401.
  "twilio-verify": [401],
  public: [],
};

/**
 * A valid app JWT is a user's credential: every admin route of every surface refuses it as it refuses
 * a user token, even when the token claims every admin scope, and nothing changes.
 */
describe("an app JWT on the admin routes", () => {
  let t: TestApp;
  let jwks: JwksServer;
  const reported: RouteOptions[] = [];
  let routes: Route[] = [];
  let ids: ProbeIds;
  let jwt: string;
  let before: string[];

  const snapshot = async () => {
    const admin = (url: string) => t.app.inject({ method: "GET", url, headers: bearer(t.adminKey) });
    return [
      (await admin("/v1/users/alice")).body,
      (await admin("/v1/users/alice/phone-numbers")).body,
      (await admin("/v1/credentials")).body,
      (await admin("/v1/users")).body,
    ];
  };

  beforeAll(async () => {
    const key = await appKey("ES256", "k1");
    jwks = await startJwksServer([key]);
    t = await createTestApp({
      runDispatcher: false,
      onRoute: (route) => void reported.push(route),
      env: jwtEnv({ jwksUrl: jwks.url }, { HANDSET_JWT_SCOPE_CLAIM: "scope" }),
    });
    routes = reported.flatMap(classify);
    const created = await t.app.inject({
      method: "POST",
      url: "/v1/users",
      headers: bearer(t.adminKey),
      payload: { id: "alice" },
    });
    expect(created.statusCode).toBe(201);
    const added = await t.app.inject({
      method: "POST",
      url: "/v1/phone-numbers",
      headers: bearer(t.adminKey),
      payload: { user_id: "alice", phone_number: mobileNumber() },
    });
    expect(added.statusCode).toBe(201);
    ids = { userId: "alice", phoneNumberId: added.json().id, freshNumber: mobileNumber() };
    // Bob's token, claiming every scope there is: ZITADEL's v2 API would let a token act on its own user.
    jwt = await signToken(key, t.clock.now(), {
      sub: "bob",
      iss: ISSUER,
      aud: AUDIENCE,
      scope:
        "users:read users:write phone:read phone:write phone:verify keys:read keys:write events:read tenants:manage codes:return",
    });
    expect((await t.app.inject({ method: "GET", url: "/v1/me", headers: bearer(jwt) })).statusCode).toBe(200);
    before = await snapshot();
  });
  afterAll(async () => {
    await t?.close();
    await jwks?.close();
  });

  it("is refused by every admin route as a user token is, and changes nothing", async () => {
    const admin = routes.filter(
      (r) => r.surface !== "public" && r.audience === "admin" && r.method !== "HEAD",
    );
    expect(admin.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const route of admin) {
      const sample = sampleBody(route, ids);
      const secret = route.surface === "clerk" ? `sk_test_${jwt}` : jwt;
      const res = await t.app.inject({
        method: route.method as InjectOptions["method"],
        url: pathOf(route, ids),
        headers: { ...bearer(secret), ...(sample ? { "content-type": "application/json" } : {}) },
        ...(sample ? { payload: JSON.stringify(sample) } : {}),
      });
      if (route.surface === "public") continue;
      const expected = isImplemented(route) ? WRONG_KIND[route.surface] : [501];
      const problem = checkAnswer(route.surface, res, expected);
      if (problem) problems.push(`${route.method} ${route.url}: ${problem}`);
    }
    expect(problems).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});
