import { afterEach, describe, expect, it } from "vitest";
import { listEvents } from "../../src/store/events.js";
import type { TestApp } from "../support/harness.js";
import { mobileNumber } from "../support/harness.js";
import { latestCode, nativeClient } from "../support/native-client.js";
import {
  createTestSchema,
  notePostgresSkipped,
  TEST_DATABASE_URL,
  type TestSchema,
} from "../support/postgres.js";
import {
  type AppKey,
  appKey,
  createJwtApp,
  type JwksServer,
  jwtEnv,
  refusalOf,
  signToken,
  startJwksServer,
} from "./support.js";

notePostgresSkipped("app JWTs on PostgreSQL");

/** The app's own JWTs reach `/v1/me` as user tokens do: from its JWKS or one configured public key. */
describe("an app JWT on /v1/me", () => {
  let t: TestApp | undefined;
  let jwks: JwksServer | undefined;
  let schema: TestSchema | undefined;
  afterEach(async () => {
    await t?.close();
    await jwks?.close();
    await schema?.drop();
    t = undefined;
    jwks = undefined;
    schema = undefined;
  });

  async function withJwks(keys: AppKey[], extra: Record<string, string> = {}): Promise<TestApp> {
    jwks = await startJwksServer(keys);
    t = await createJwtApp(jwtEnv({ jwksUrl: jwks.url }, extra));
    return t;
  }

  /** The whole flow of one's own number, with the JWT as the bearer. */
  async function addSendVerify(app: TestApp, token: string): Promise<void> {
    const me = nativeClient(app, token);
    const number = mobileNumber();
    const added = await me.addMine(number);
    expect(added.statusCode).toBe(201);
    expect(added.json().primary).toBe(true);
    expect((await me.sendMine(added.json().id)).statusCode).toBe(202);
    const verified = await me.verifyMine(added.json().id, await latestCode(app, number));
    expect(verified.statusCode).toBe(200);
    expect(verified.json().phone_number.verified).toBe(true);
  }

  it.each(["RS256", "ES256", "EdDSA"] as const)("takes a %s token whose key is in the JWKS", async (alg) => {
    const key = await appKey(alg, `k-${alg}`);
    const app = await withJwks([key]);
    const token = await signToken(key, app.clock.now());
    const me = await nativeClient(app, token).call("GET", "/v1/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe("alice");
    await addSendVerify(app, token);
  });

  it.each(["RS256", "ES256", "EdDSA"] as const)(
    "takes a %s token against a configured PEM key",
    async (alg) => {
      const key = await appKey(alg, "static");
      t = await createJwtApp(jwtEnv({ publicKey: key.pem }));
      // No kid is needed with one configured key.
      const token = await signToken(key, t.clock.now(), {}, { kid: null });
      expect((await nativeClient(t, token).call("GET", "/v1/me")).json().id).toBe("alice");
      await addSendVerify(t, token);
    },
  );

  it("takes a configured JWK, with its line breaks as \\n in a PEM too", async () => {
    const key = await appKey("ES256", "jwk");
    t = await createJwtApp(jwtEnv({ publicKey: JSON.stringify(key.jwk) }));
    const token = await signToken(key, t.clock.now());
    expect((await nativeClient(t, token).call("GET", "/v1/me")).statusCode).toBe(200);
    await t.close();
    t = await createJwtApp(jwtEnv({ publicKey: key.pem.trim().replace(/\n/g, "\\n") }));
    expect((await nativeClient(t, token).call("GET", "/v1/me")).statusCode).toBe(200);
  });

  it("makes the user appear on first use, once, as the app JWT's event actor", async () => {
    const key = await appKey("ES256", "k1");
    const app = await withJwks([key]);
    const admin = nativeClient(app, app.adminKey);
    expect((await admin.call("GET", "/v1/users/carol")).statusCode).toBe(404);
    const token = await signToken(key, app.clock.now(), { sub: "carol" });
    expect((await nativeClient(app, token).call("GET", "/v1/me")).statusCode).toBe(200);
    expect((await nativeClient(app, token).call("GET", "/v1/me")).statusCode).toBe(200);
    expect((await admin.call("GET", "/v1/users/carol")).statusCode).toBe(200);
    const events = await listEvents(app.store.db, "default", "user", "carol");
    expect(events.map((e) => [e.type, e.actor])).toEqual([["user.created", "user_token:app_jwt"]]);
  });

  it("reads the user from a configured claim", async () => {
    const key = await appKey("ES256", "k1");
    const app = await withJwks([key], { HANDSET_JWT_USER_CLAIM: "uid" });
    const token = await signToken(key, app.clock.now(), { sub: "someone|else", uid: "dave_42" });
    expect((await nativeClient(app, token).call("GET", "/v1/me")).json().id).toBe("dave_42");
    const subOnly = await signToken(key, app.clock.now(), { sub: "dave_42" });
    expect(refusalOf((await nativeClient(app, subOnly).call("GET", "/v1/me")).body)).toEqual({
      code: "UNAUTHENTICATED",
      reason: "user_claim_invalid",
    });
  });

  it("acts in the configured tenant, and only there", async () => {
    const key = await appKey("ES256", "k1");
    const app = await withJwks([key], { HANDSET_JWT_TENANT: "shop" });
    const token = await signToken(key, app.clock.now());
    const added = await nativeClient(app, token).addMine(mobileNumber());
    expect(added.statusCode).toBe(201);
    const shopAdmin = nativeClient(app, await app.adminKeyFor("shop"));
    expect((await shopAdmin.call("GET", "/v1/users/alice")).statusCode).toBe(200);
    expect((await nativeClient(app, app.adminKey).call("GET", "/v1/users/alice")).statusCode).toBe(404);
  });

  it("is refused once its tenant has been deleted, and does not bring the tenant back", async () => {
    const key = await appKey("ES256", "k1");
    const app = await withJwks([key], { HANDSET_JWT_TENANT: "shop" });
    const token = await signToken(key, app.clock.now());
    expect((await nativeClient(app, token).call("GET", "/v1/me")).statusCode).toBe(200);
    const operator = nativeClient(app, await app.adminKeyFor("default", ["tenants:manage"]));
    expect((await operator.call("DELETE", "/v1/tenants/shop?confirm=shop")).statusCode).toBe(200);
    const res = await nativeClient(app, token).call("GET", "/v1/me");
    expect(res.statusCode).toBe(401);
    expect(refusalOf(res.body)).toEqual({ code: "UNAUTHENTICATED", reason: "tenant_not_found" });
    expect((await operator.call("GET", "/v1/tenants/shop")).statusCode).toBe(404);
  });

  describe("scopes", () => {
    it("grants the default set without a scope claim configured", async () => {
      const key = await appKey("ES256", "k1");
      const app = await withJwks([key]);
      // A scope claim is ignored unless HANDSET_JWT_SCOPE_CLAIM names it.
      const token = await signToken(key, app.clock.now(), { scope: "phone:read" });
      expect((await nativeClient(app, token).addMine(mobileNumber())).statusCode).toBe(201);
    });

    it("narrows the default set with HANDSET_JWT_DEFAULT_SCOPES", async () => {
      const key = await appKey("ES256", "k1");
      const app = await withJwks([key], { HANDSET_JWT_DEFAULT_SCOPES: "phone:read" });
      const token = await signToken(key, app.clock.now());
      expect((await nativeClient(app, token).call("GET", "/v1/me")).statusCode).toBe(200);
      const add = await nativeClient(app, token).addMine(mobileNumber());
      expect(add.statusCode).toBe(403);
      expect(add.json().error.code).toBe("INSUFFICIENT_SCOPE");
    });

    it("reads a space-separated scope claim, ignoring other names and admin scopes", async () => {
      const key = await appKey("ES256", "k1");
      const app = await withJwks([key], { HANDSET_JWT_SCOPE_CLAIM: "scope" });
      const reader = await signToken(key, app.clock.now(), { scope: "openid users:write phone:read" });
      expect((await nativeClient(app, reader).call("GET", "/v1/me/phone-numbers")).statusCode).toBe(200);
      const add = await nativeClient(app, reader).addMine(mobileNumber());
      expect(add.statusCode).toBe(403);
      // users:write in the claim reaches no admin route.
      const users = await nativeClient(app, reader).call("POST", "/v1/users", { id: "eve" });
      expect(users.statusCode).toBe(403);

      const writer = await signToken(key, app.clock.now(), { scope: "phone:read phone:write" });
      expect((await nativeClient(app, writer).addMine(mobileNumber())).statusCode).toBe(201);
    });

    it("reads an array scope claim, and gives a token without the claim the default set", async () => {
      const key = await appKey("ES256", "k1");
      const app = await withJwks([key], {
        HANDSET_JWT_SCOPE_CLAIM: "scp",
        HANDSET_JWT_DEFAULT_SCOPES: "phone:read",
      });
      const writer = await signToken(key, app.clock.now(), { scp: ["phone:read", "phone:write"] });
      expect((await nativeClient(app, writer).addMine(mobileNumber())).statusCode).toBe(201);
      const none = await signToken(key, app.clock.now(), { scp: ["profile"] });
      expect((await nativeClient(app, none).call("GET", "/v1/me")).statusCode).toBe(403);
      const unclaimed = await signToken(key, app.clock.now());
      expect((await nativeClient(app, unclaimed).call("GET", "/v1/me")).statusCode).toBe(200);
      expect((await nativeClient(app, unclaimed).addMine(mobileNumber())).statusCode).toBe(403);
    });
  });

  it("still takes Handset's own user tokens next to app JWTs", async () => {
    const key = await appKey("ES256", "k1");
    const app = await withJwks([key]);
    const own = await app.tokenFor("bob");
    expect((await nativeClient(app, own).call("GET", "/v1/me")).json().id).toBe("bob");
  });

  it.skipIf(!TEST_DATABASE_URL)("works on PostgreSQL", async () => {
    schema = await createTestSchema();
    const key = await appKey("ES256", "k1");
    jwks = await startJwksServer([key]);
    t = await createJwtApp(jwtEnv({ jwksUrl: jwks.url }, { DATABASE_URL: schema.url }));
    const token = await signToken(key, t.clock.now());
    await addSendVerify(t, token);
    expect((await nativeClient(t, t.adminKey).call("GET", "/v1/users/alice")).statusCode).toBe(200);
  });
});
