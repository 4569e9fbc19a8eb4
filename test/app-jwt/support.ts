import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, type JWK, type JWTPayload, SignJWT } from "jose";
import { createTestApp, type TestApp } from "../support/harness.js";

export const ISSUER = "https://app.example.com";
export const AUDIENCE = "handset";

/** A signing key of the app: its private half signs, its public half goes into the JWKS or the config. */
export interface AppKey {
  kid: string;
  alg: "RS256" | "ES256" | "EdDSA";
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public JWK as a JWKS lists it. */
  jwk: JWK;
  /** The public key as PEM (SPKI). */
  pem: string;
}

export async function appKey(alg: AppKey["alg"], kid: string): Promise<AppKey> {
  const pair =
    alg === "RS256"
      ? generateKeyPairSync("rsa", { modulusLength: 2048 })
      : alg === "ES256"
        ? generateKeyPairSync("ec", { namedCurve: "P-256" })
        : generateKeyPairSync("ed25519");
  const jwk = { ...(await exportJWK(pair.publicKey)), kid, alg, use: "sig" };
  const pem = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
  return { kid, alg, privateKey: pair.privateKey, publicKey: pair.publicKey, jwk, pem };
}

/**
 * A token as the app would mint it at `now` (ms): issuer, audience, subject, issued now, valid for an
 * hour; `claims` adds or overrides (undefined removes a claim).
 */
export async function signToken(
  key: AppKey,
  now: number,
  claims: Record<string, unknown> = {},
  header: { kid?: string | null; alg?: string } = {},
): Promise<string> {
  const seconds = Math.floor(now / 1000);
  const payload: Record<string, unknown> = {
    iss: ISSUER,
    aud: AUDIENCE,
    sub: "alice",
    iat: seconds,
    exp: seconds + 3600,
    ...claims,
  };
  for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
  const kid = header.kid === undefined ? key.kid : header.kid;
  return new SignJWT(payload as JWTPayload)
    .setProtectedHeader({ alg: header.alg ?? key.alg, ...(kid === null ? {} : { kid }) })
    .sign(key.privateKey);
}

/** The JWKS endpoint of the app, on 127.0.0.1: what it serves can change, and it counts its fetches. */
export interface JwksServer {
  url: string;
  fetches: number;
  /** The keys served from now on. */
  serve(keys: AppKey[]): void;
  /** `down`: the endpoint answers 503; `up` serves again. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

export async function startJwksServer(keys: AppKey[]): Promise<JwksServer> {
  let served = keys;
  let down = false;
  const state = { fetches: 0 };
  const server: Server = createServer((request, response) => {
    state.fetches += 1;
    if (down || request.url !== "/.well-known/jwks.json") {
      response.writeHead(down ? 503 : 404).end();
      return;
    }
    response
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ keys: served.map((k) => k.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    get fetches() {
      return state.fetches;
    },
    serve(next) {
      served = next;
    },
    setDown(value) {
      down = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The environment that turns app JWTs on, with the app's JWKS or one public key. */
export function jwtEnv(
  source: { jwksUrl: string } | { publicKey: string },
  extra: Record<string, string> = {},
) {
  return {
    HANDSET_JWT_ISSUER: ISSUER,
    HANDSET_JWT_AUDIENCE: AUDIENCE,
    ...("jwksUrl" in source
      ? { HANDSET_JWT_JWKS_URL: source.jwksUrl }
      : { HANDSET_JWT_PUBLIC_KEY: source.publicKey }),
    ...extra,
  };
}

export async function createJwtApp(env: Record<string, string>): Promise<TestApp> {
  return createTestApp({ env, runDispatcher: false });
}

/** The native error envelope's code and reason. */
export function refusalOf(body: string): { code?: string; reason?: string } {
  const parsed = JSON.parse(body) as { error?: { code?: string; details?: { reason?: string } } };
  return { code: parsed.error?.code, reason: parsed.error?.details?.reason };
}
