import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { appKey } from "./support.js";

const base = {
  HANDSET_JWT_ISSUER: "https://app.example.com",
  HANDSET_JWT_AUDIENCE: "handset",
  HANDSET_JWT_JWKS_URL: "https://app.example.com/.well-known/jwks.json",
};

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return "";
}

describe("the app JWT settings", () => {
  it("are off without an issuer", () => {
    expect(loadConfig({}).appJwt).toBeNull();
  });

  it("have safe defaults: asymmetric algorithms, 30 s of skew, sub, the user-token scopes, the default tenant", () => {
    const config = loadConfig({ ...base, HANDSET_DEFAULT_TENANT: "main" }).appJwt;
    expect(config).toMatchObject({
      issuer: "https://app.example.com",
      audiences: ["handset"],
      keys: { kind: "jwks", url: base.HANDSET_JWT_JWKS_URL },
      clockSkewSeconds: 30,
      userClaim: "sub",
      scopeClaim: null,
      defaultScopes: ["phone:read", "phone:write", "phone:verify"],
      tenantId: "main",
      jwks: { timeoutMs: 5_000, cacheMs: 600_000, cooldownMs: 30_000 },
    });
    expect(config?.algorithms).toContain("RS256");
    expect(config?.algorithms.some((a) => a === "none" || a.startsWith("HS"))).toBe(false);
  });

  it("take several audiences", () => {
    expect(loadConfig({ ...base, HANDSET_JWT_AUDIENCE: "handset, api" }).appJwt?.audiences).toEqual([
      "handset",
      "api",
    ]);
  });

  it.each(["none", "HS256", "RS256,HS512"])("refuse the algorithm list %s", (algorithms) => {
    expect(problemsOf({ ...base, HANDSET_JWT_ALGORITHMS: algorithms })).toContain("HANDSET_JWT_ALGORITHMS");
  });

  it("refuse admin scopes as defaults", () => {
    expect(problemsOf({ ...base, HANDSET_JWT_DEFAULT_SCOPES: "phone:read,users:write" })).toContain(
      "HANDSET_JWT_DEFAULT_SCOPES",
    );
    expect(loadConfig({ ...base, HANDSET_JWT_DEFAULT_SCOPES: "none" }).appJwt?.defaultScopes).toEqual([]);
  });

  it("need an audience and exactly one key source", async () => {
    const { HANDSET_JWT_AUDIENCE: _, ...noAudience } = base;
    expect(problemsOf(noAudience)).toContain("HANDSET_JWT_AUDIENCE");
    const { HANDSET_JWT_JWKS_URL: __, ...noKeys } = base;
    expect(problemsOf(noKeys)).toContain("set exactly one");
    const key = await appKey("ES256", "k");
    expect(problemsOf({ ...base, HANDSET_JWT_PUBLIC_KEY: key.pem })).toContain("set exactly one");
  });

  it("refuse a JWKS over plain HTTP except on loopback", () => {
    expect(problemsOf({ ...base, HANDSET_JWT_JWKS_URL: "http://idp.example.com/jwks" })).toContain(
      "HANDSET_JWT_JWKS_URL",
    );
    expect(loadConfig({ ...base, HANDSET_JWT_JWKS_URL: "http://127.0.0.1:9000/jwks" }).appJwt).not.toBeNull();
  });

  it("refuse a public key that is none, or a shared secret as a JWK", () => {
    const { HANDSET_JWT_JWKS_URL: _, ...noKeys } = base;
    expect(problemsOf({ ...noKeys, HANDSET_JWT_PUBLIC_KEY: "not a key" })).toContain(
      "HANDSET_JWT_PUBLIC_KEY",
    );
    expect(
      problemsOf({ ...noKeys, HANDSET_JWT_PUBLIC_KEY: JSON.stringify({ kty: "oct", k: "c2VjcmV0" }) }),
    ).toContain("HANDSET_JWT_PUBLIC_KEY");
  });

  it("say that other HANDSET_JWT_ variables do nothing without an issuer", () => {
    expect(problemsOf({ HANDSET_JWT_AUDIENCE: "handset" })).toContain("set HANDSET_JWT_ISSUER");
  });
});
