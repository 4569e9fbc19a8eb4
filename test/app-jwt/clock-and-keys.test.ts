import { afterEach, describe, expect, it } from "vitest";
import type { TestApp } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";
import {
  appKey,
  createJwtApp,
  type JwksServer,
  jwtEnv,
  refusalOf,
  signToken,
  startJwksServer,
} from "./support.js";

/** Time is the injected clock's: expiry and not-before at the edges of the skew, and the JWKS cache's ages. */
describe("app JWTs over time", () => {
  let t: TestApp | undefined;
  let jwks: JwksServer | undefined;
  afterEach(async () => {
    await t?.close();
    await jwks?.close();
    t = undefined;
    jwks = undefined;
  });

  const status = async (app: TestApp, token: string) =>
    (await nativeClient(app, token).call("GET", "/v1/me")).statusCode;

  it("takes an expired token up to the skew, and refuses it from there", async () => {
    const key = await appKey("ES256", "static");
    t = await createJwtApp(jwtEnv({ publicKey: key.pem }, { HANDSET_JWT_CLOCK_SKEW_SECONDS: "60" }));
    const start = t.clock.now();
    const exp = Math.floor(start / 1000) + 300;
    const token = await signToken(key, start, { exp });
    t.clock.set(exp * 1000 + 59_999);
    expect(await status(t, token)).toBe(200);
    t.clock.set(exp * 1000 + 60_000);
    const res = await nativeClient(t, token).call("GET", "/v1/me");
    expect(res.statusCode).toBe(401);
    expect(refusalOf(res.body)).toEqual({ code: "CREDENTIAL_EXPIRED", reason: "token_expired" });
  });

  it("takes a not-yet-valid token from the skew before its nbf", async () => {
    const key = await appKey("ES256", "static");
    t = await createJwtApp(jwtEnv({ publicKey: key.pem }, { HANDSET_JWT_CLOCK_SKEW_SECONDS: "60" }));
    const nbf = Math.floor(t.clock.now() / 1000) + 600;
    const token = await signToken(key, t.clock.now(), { nbf, exp: nbf + 3600 });
    t.clock.set((nbf - 61) * 1000);
    expect(refusalOf((await nativeClient(t, token).call("GET", "/v1/me")).body).reason).toBe(
      "token_not_yet_valid",
    );
    t.clock.set((nbf - 60) * 1000);
    expect(await status(t, token)).toBe(200);
  });

  it("allows no skew when told 0", async () => {
    const key = await appKey("ES256", "static");
    t = await createJwtApp(jwtEnv({ publicKey: key.pem }, { HANDSET_JWT_CLOCK_SKEW_SECONDS: "0" }));
    const exp = Math.floor(t.clock.now() / 1000) + 10;
    const token = await signToken(key, t.clock.now(), { exp });
    t.clock.set(exp * 1000 - 1);
    expect(await status(t, token)).toBe(200);
    t.clock.set(exp * 1000);
    expect(await status(t, token)).toBe(401);
  });

  it("follows a key rotation: a new kid fetches the JWKS again once the cool-down has passed", async () => {
    const old = await appKey("RS256", "2026-01");
    const next = await appKey("ES256", "2026-02");
    jwks = await startJwksServer([old]);
    t = await createJwtApp(jwtEnv({ jwksUrl: jwks.url }, { HANDSET_JWT_JWKS_COOLDOWN_SECONDS: "30" }));
    expect(await status(t, await signToken(old, t.clock.now()))).toBe(200);
    expect(jwks.fetches).toBe(1);

    jwks.serve([old, next]);
    // Within the cool-down of the last fetch, an unknown kid is refused without fetching.
    t.clock.advance(10_000);
    expect(await status(t, await signToken(next, t.clock.now()))).toBe(401);
    expect(jwks.fetches).toBe(1);
    t.clock.advance(20_000);
    expect(await status(t, await signToken(next, t.clock.now()))).toBe(200);
    expect(jwks.fetches).toBe(2);
    // Both keys are known now: nothing is fetched for either.
    expect(await status(t, await signToken(old, t.clock.now()))).toBe(200);
    expect(await status(t, await signToken(next, t.clock.now()))).toBe(200);
    expect(jwks.fetches).toBe(2);

    // The old key is withdrawn: once the cache's age has passed, the set is fetched again and it is gone.
    jwks.serve([next]);
    t.clock.advance(600_000);
    const res = await nativeClient(t, await signToken(old, t.clock.now())).call("GET", "/v1/me");
    expect(refusalOf(res.body)).toEqual({ code: "UNAUTHENTICATED", reason: "key_not_found" });
    expect(jwks.fetches).toBe(3);
  });

  it("fetches concurrent first uses once", async () => {
    const key = await appKey("ES256", "k1");
    jwks = await startJwksServer([key]);
    t = await createJwtApp(jwtEnv({ jwksUrl: jwks.url }));
    const app = t;
    const token = await signToken(key, app.clock.now());
    const answers = await Promise.all(Array.from({ length: 8 }, () => status(app, token)));
    expect(answers).toEqual(Array(8).fill(200));
    expect(jwks.fetches).toBe(1);
  });

  it("keeps serving the keys it has when the JWKS cannot be fetched again", async () => {
    const key = await appKey("ES256", "k1");
    jwks = await startJwksServer([key]);
    t = await createJwtApp(jwtEnv({ jwksUrl: jwks.url }, { HANDSET_JWT_JWKS_CACHE_SECONDS: "60" }));
    expect(await status(t, await signToken(key, t.clock.now()))).toBe(200);
    jwks.setDown(true);
    t.clock.advance(120_000);
    expect(await status(t, await signToken(key, t.clock.now()))).toBe(200);
    expect(jwks.fetches).toBe(2);
    // An unknown kid cannot be looked up while the issuer is down: 503, not a verdict on the token.
    t.clock.advance(60_000);
    const other = await appKey("ES256", "k2");
    const res = await nativeClient(t, await signToken(other, t.clock.now())).call("GET", "/v1/me");
    expect(res.statusCode).toBe(503);
    expect(refusalOf(res.body).reason).toBe("jwks_unavailable");
    expect(jwks.fetches).toBe(3);
    // Within the cool-down of that failed fetch, requests use the keys at hand without asking again.
    expect(await status(t, await signToken(key, t.clock.now()))).toBe(200);
    expect(jwks.fetches).toBe(3);
  });
});
