import { CompactSign, SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEvents } from "../../src/store/events.js";
import type { TestApp } from "../support/harness.js";
import { mobileNumber } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";
import {
  type AppKey,
  AUDIENCE,
  appKey,
  createJwtApp,
  ISSUER,
  type JwksServer,
  jwtEnv,
  refusalOf,
  signToken,
  startJwksServer,
} from "./support.js";

/**
 * Every way an app JWT is refused: 401 with a catalogue code and `details.reason`, and nothing changes
 * (the user does not appear, no number is added).
 */
describe("an app JWT that is refused", () => {
  let t: TestApp;
  let jwks: JwksServer;
  let key: AppKey;
  let stranger: AppKey;
  const seconds = () => Math.floor(t.clock.now() / 1000);

  beforeAll(async () => {
    key = await appKey("RS256", "app-1");
    stranger = await appKey("RS256", "app-1");
    jwks = await startJwksServer([key]);
    t = await createJwtApp(jwtEnv({ jwksUrl: jwks.url }));
    // The JWKS is fetched once here; refusals below must not depend on a first fetch.
    const ok = await signToken(key, t.clock.now(), { sub: "warm" });
    expect((await nativeClient(t, ok).call("GET", "/v1/me")).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    await jwks?.close();
  });

  /** Tries to add a number as alice with `token`; checks the refusal and that nothing changed. */
  async function refused(token: string, code: string, reason: string, status = 401): Promise<void> {
    const res = await nativeClient(t, token).addMine(mobileNumber());
    expect(res.statusCode).toBe(status);
    expect(refusalOf(res.body)).toEqual({ code, reason });
    expect(res.json().error.message.length).toBeGreaterThan(10);
    const admin = nativeClient(t, t.adminKey);
    expect((await admin.call("GET", "/v1/users/alice")).statusCode).toBe(404);
    expect(await listEvents(t.store.db, "default", "user", "alice")).toEqual([]);
  }

  it("a wrong signature (another key under the same kid)", async () => {
    await refused(await signToken(stranger, t.clock.now()), "UNAUTHENTICATED", "signature_invalid");
  });

  it("a tampered payload", async () => {
    const [header, , signature] = (await signToken(key, t.clock.now())).split(".");
    const payload = Buffer.from(
      JSON.stringify({ iss: ISSUER, aud: AUDIENCE, sub: "alice", exp: seconds() + 60 }),
    ).toString("base64url");
    await refused(`${header}.${payload}.${signature}`, "UNAUTHENTICATED", "signature_invalid");
  });

  it("algorithm none", async () => {
    const token = new UnsecuredJWT({ sub: "alice" })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime(seconds() + 600)
      .encode();
    expect(token.endsWith(".")).toBe(true);
    await refused(token, "UNAUTHENTICATED", "algorithm_not_allowed");
  });

  it("HS256 signed with the public key as its secret (algorithm confusion)", async () => {
    for (const secret of [key.pem, JSON.stringify(key.jwk)]) {
      const token = await new SignJWT({ sub: "alice" })
        .setProtectedHeader({ alg: "HS256", kid: key.kid })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime(seconds() + 600)
        .sign(new TextEncoder().encode(secret));
      await refused(token, "UNAUTHENTICATED", "algorithm_not_allowed");
    }
  });

  it("a kid whose key is for another algorithm (RS256 header naming an ES256 key)", async () => {
    const ec = await appKey("ES256", "ec-1");
    jwks.serve([key, ec]);
    t.clock.advance(31_000);
    const token = await signToken(key, t.clock.now(), {}, { kid: "ec-1" });
    await refused(token, "UNAUTHENTICATED", "key_not_found");
    jwks.serve([key]);
  });

  it("a foreign issuer", async () => {
    const token = await signToken(key, t.clock.now(), { iss: "https://evil.example.com" });
    await refused(token, "UNAUTHENTICATED", "issuer_invalid");
  });

  it("a foreign audience, or none", async () => {
    await refused(
      await signToken(key, t.clock.now(), { aud: "billing" }),
      "UNAUTHENTICATED",
      "audience_invalid",
    );
    await refused(
      await signToken(key, t.clock.now(), { aud: undefined }),
      "UNAUTHENTICATED",
      "audience_invalid",
    );
  });

  it("expired, with CREDENTIAL_EXPIRED", async () => {
    const token = await signToken(key, t.clock.now() - 7_200_000);
    await refused(token, "CREDENTIAL_EXPIRED", "token_expired");
  });

  it("without an expiry", async () => {
    await refused(
      await signToken(key, t.clock.now(), { exp: undefined }),
      "UNAUTHENTICATED",
      "expiry_missing",
    );
  });

  it("not valid yet", async () => {
    const token = await signToken(key, t.clock.now(), { nbf: seconds() + 600 });
    await refused(token, "UNAUTHENTICATED", "token_not_yet_valid");
  });

  it("without its user claim, or with one that is no user id", async () => {
    await refused(
      await signToken(key, t.clock.now(), { sub: undefined }),
      "UNAUTHENTICATED",
      "user_claim_invalid",
    );
    await refused(await signToken(key, t.clock.now(), { sub: 42 }), "UNAUTHENTICATED", "user_claim_invalid");
    await refused(
      await signToken(key, t.clock.now(), { sub: "auth0|alice" }),
      "UNAUTHENTICATED",
      "user_claim_invalid",
    );
    await refused(
      await signToken(key, t.clock.now(), { sub: "a".repeat(65) }),
      "UNAUTHENTICATED",
      "user_claim_invalid",
    );
  });

  it("malformed tokens", async () => {
    const good = await signToken(key, t.clock.now());
    const [header, payload, signature] = good.split(".");
    const notJson = Buffer.from("not json").toString("base64url");
    for (const token of [
      "a.b.c",
      "a.b",
      `${header}.${payload}`,
      `${header}.${payload}.${signature}.x.y`,
      `${notJson}.${payload}.${signature}`,
      `${header}.${notJson}.${signature}`,
      `${header}.${Buffer.from("[1,2]").toString("base64url")}.${signature}`,
      `${header}.${payload}.***`,
    ]) {
      const res = await nativeClient(t, token).addMine(mobileNumber());
      expect(res.statusCode, token).toBe(401);
      expect(res.json().error.code, token).toBe("UNAUTHENTICATED");
    }
    // A header that is no JSON, and a correctly signed payload that is no claims set, are malformed.
    await refused(`${notJson}.${payload}.${signature}`, "UNAUTHENTICATED", "token_malformed");
    for (const body of ["not json", "[1,2]"]) {
      const signed = await new CompactSign(new TextEncoder().encode(body))
        .setProtectedHeader({ alg: key.alg, kid: key.kid })
        .sign(key.privateKey);
      await refused(signed, "UNAUTHENTICATED", "token_malformed");
    }
  });

  it("an unknown kid, after one more fetch of the JWKS", async () => {
    const other = await appKey("RS256", "not-published");
    t.clock.advance(31_000);
    const before = jwks.fetches;
    await refused(await signToken(other, t.clock.now()), "UNAUTHENTICATED", "key_not_found");
    expect(jwks.fetches).toBe(before + 1);
    // Within the cool-down another unknown kid fetches nothing more.
    await refused(await signToken(other, t.clock.now()), "UNAUTHENTICATED", "key_not_found");
    expect(jwks.fetches).toBe(before + 1);
  });

  it("never as an admin key of the tenant, even with every admin scope claimed", async () => {
    const token = await signToken(key, t.clock.now(), { scope: "users:write keys:write" });
    const res = await nativeClient(t, token).call("POST", "/v1/credentials", { kind: "admin_key" });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("INSUFFICIENT_SCOPE");
  });
});

describe("an app JWT against one configured public key", () => {
  it("refuses a header algorithm the key is not for (RS256 on an ES256 key), and a wrong signature", async () => {
    const ec = await appKey("ES256", "static");
    const rsa = await appKey("RS256", "static");
    const t = await createJwtApp(jwtEnv({ publicKey: ec.pem }));
    try {
      for (const [token, reason] of [
        [await signToken(rsa, t.clock.now()), "algorithm_not_allowed"],
        [await signToken(await appKey("ES256", "static"), t.clock.now()), "signature_invalid"],
      ] as const) {
        const res = await nativeClient(t, token).addMine(mobileNumber());
        expect(res.statusCode).toBe(401);
        expect(refusalOf(res.body)).toEqual({ code: "UNAUTHENTICATED", reason });
      }
      expect((await nativeClient(t, t.adminKey).call("GET", "/v1/users/alice")).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });

  it("takes only the algorithms HANDSET_JWT_ALGORITHMS lists", async () => {
    const ec = await appKey("ES256", "static");
    const t = await createJwtApp(jwtEnv({ publicKey: ec.pem }, { HANDSET_JWT_ALGORITHMS: "RS256" }));
    try {
      const res = await nativeClient(t, await signToken(ec, t.clock.now())).call("GET", "/v1/me");
      expect(res.statusCode).toBe(401);
      expect(refusalOf(res.body).reason).toBe("algorithm_not_allowed");
    } finally {
      await t.close();
    }
  });
});

describe("an app JWT whose issuer's keys cannot be read", () => {
  it("answers 503 SERVICE_UNAVAILABLE jwks_unavailable, with Retry-After, and changes nothing", async () => {
    const key = await appKey("ES256", "k1");
    const jwks = await startJwksServer([key]);
    jwks.setDown(true);
    const t = await createJwtApp(jwtEnv({ jwksUrl: jwks.url }));
    try {
      const token = await signToken(key, t.clock.now());
      const res = await nativeClient(t, token).addMine(mobileNumber());
      expect(res.statusCode).toBe(503);
      expect(refusalOf(res.body)).toEqual({ code: "SERVICE_UNAVAILABLE", reason: "jwks_unavailable" });
      expect(res.headers["retry-after"]).toBeDefined();
      expect((await nativeClient(t, t.adminKey).call("GET", "/v1/users/alice")).statusCode).toBe(404);

      // The issuer is back: the next request fetches its keys.
      jwks.setDown(false);
      expect((await nativeClient(t, token).addMine(mobileNumber())).statusCode).toBe(201);
    } finally {
      await t.close();
      await jwks.close();
    }
  });

  it("answers 503 when the JWKS endpoint does not answer within the timeout", async () => {
    const { createServer } = await import("node:http");
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    const key = await appKey("ES256", "k1");
    const t = await createJwtApp(
      jwtEnv({ jwksUrl: `http://127.0.0.1:${port}/jwks` }, { HANDSET_JWT_JWKS_TIMEOUT_MS: "200" }),
    );
    try {
      const res = await nativeClient(t, await signToken(key, t.clock.now())).call("GET", "/v1/me");
      expect(res.statusCode).toBe(503);
      expect(refusalOf(res.body).reason).toBe("jwks_unavailable");
    } finally {
      await t.close();
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
