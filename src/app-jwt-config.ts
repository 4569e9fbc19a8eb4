import { createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";
import { z } from "zod";
import { isScope, type Scope, USER_TOKEN_SCOPES } from "./domain/scopes.js";

/**
 * The app's own JWTs as user credentials (docs/app-tokens.md): one issuer, whose tokens act as user
 * tokens of one tenant. Off unless `HANDSET_JWT_ISSUER` is set.
 */
export interface AppJwtConfig {
  issuer: string;
  /** The token's `aud` must name one of these. */
  audiences: string[];
  /** Where the issuer's keys come from: its JWKS (fetched, cached) or one public key. */
  keys: { kind: "jwks"; url: string } | { kind: "static"; key: KeyObject };
  /** Allowed `alg` values: asymmetric only (never `none`, never HS*). */
  algorithms: string[];
  clockSkewSeconds: number;
  /** The claim naming the user (a Handset user id). */
  userClaim: string;
  /** The claim listing scopes (space-separated string or array); null: every token gets `defaultScopes`. */
  scopeClaim: string | null;
  /** The scopes of a token without the scope claim (user-token scopes only). */
  defaultScopes: Scope[];
  /** The tenant whose users the tokens are. */
  tenantId: string;
  jwks: { timeoutMs: number; cacheMs: number; cooldownMs: number };
}

/** Every algorithm jose verifies with a public key. HS* (shared secrets) and `none` are never allowed. */
export const ASYMMETRIC_ALGORITHMS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
  "Ed25519",
] as const;

const list = (v: string) =>
  v
    .split(/[\s,]+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);

const claimName = z.string().trim().min(1).max(100);

const AppJwtSchema = z.object({
  HANDSET_JWT_ISSUER: z.string().trim().min(1).optional(),
  HANDSET_JWT_AUDIENCE: z.string().transform(list).pipe(z.array(z.string()).min(1)).optional(),
  HANDSET_JWT_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  HANDSET_JWT_PUBLIC_KEY: z.string().trim().min(1).optional(),
  HANDSET_JWT_ALGORITHMS: z
    .string()
    .transform(list)
    .pipe(
      z
        .array(
          z.enum(ASYMMETRIC_ALGORITHMS, {
            message: `only public-key algorithms: ${ASYMMETRIC_ALGORITHMS.join(", ")} (never none or HS*)`,
          }),
        )
        .min(1),
    )
    .default([...ASYMMETRIC_ALGORITHMS]),
  HANDSET_JWT_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
  HANDSET_JWT_USER_CLAIM: claimName.default("sub"),
  HANDSET_JWT_SCOPE_CLAIM: claimName.optional(),
  HANDSET_JWT_DEFAULT_SCOPES: z
    .string()
    .transform((v, ctx): Scope[] => {
      if (v.trim() === "none") return [];
      const scopes = list(v);
      const wrong = scopes.filter((s) => !isScope(s) || !USER_TOKEN_SCOPES.includes(s));
      if (wrong.length > 0 || scopes.length === 0) {
        ctx.addIssue({
          code: "custom",
          message: `user-token scopes (${USER_TOKEN_SCOPES.join(", ")}) or none; not ${wrong.join(", ") || "empty"}`,
        });
        return z.NEVER;
      }
      return [...new Set(scopes)] as Scope[];
    })
    .optional(),
  HANDSET_JWT_TENANT: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  HANDSET_JWT_JWKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  HANDSET_JWT_JWKS_CACHE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  HANDSET_JWT_JWKS_COOLDOWN_SECONDS: z.coerce.number().int().min(0).max(3_600).default(30),
});

/** A JWKS over plain HTTP could be swapped on the way: only loopback addresses may use it (tests, sidecars). */
function isLoopbackUrl(url: URL): boolean {
  return ["127.0.0.1", "[::1]", "localhost"].includes(url.hostname);
}

/** A PEM public key (or certificate) or a JWK, as one string; `\n` escapes stand for line breaks. */
function readPublicKey(value: string): KeyObject {
  if (value.startsWith("{")) {
    const jwk = JSON.parse(value) as { kty?: unknown };
    if (jwk.kty === "oct") throw new Error("a shared secret (kty oct) is not a public key");
    return createPublicKey({ key: jwk as JsonWebKey, format: "jwk" });
  }
  return createPublicKey(value.replace(/\\n/g, "\n"));
}

/**
 * Reads the HANDSET_JWT_* variables; problems are added to `problems` by variable name. Null when app
 * JWTs are off (no issuer); setting any other HANDSET_JWT_* variable without an issuer is a problem.
 */
export function loadAppJwtConfig(
  env: Record<string, string | undefined>,
  defaultTenant: string,
  problems: string[],
): AppJwtConfig | null {
  const result = AppJwtSchema.safeParse(env);
  if (!result.success) {
    for (const i of result.error.issues) problems.push(`${i.path.join(".")}: ${i.message}`);
    return null;
  }
  const c = result.data;
  if (c.HANDSET_JWT_ISSUER === undefined) {
    const stray = Object.keys(env).filter((k) => k.startsWith("HANDSET_JWT_") && env[k] !== undefined);
    if (stray.length > 0) problems.push(`${stray.join(", ")}: set HANDSET_JWT_ISSUER to turn app JWTs on`);
    return null;
  }
  const before = problems.length;
  if (c.HANDSET_JWT_AUDIENCE === undefined) {
    problems.push("HANDSET_JWT_AUDIENCE: required with HANDSET_JWT_ISSUER (the aud your app's tokens carry)");
  }
  if ((c.HANDSET_JWT_JWKS_URL === undefined) === (c.HANDSET_JWT_PUBLIC_KEY === undefined)) {
    problems.push("HANDSET_JWT_JWKS_URL, HANDSET_JWT_PUBLIC_KEY: set exactly one of the two");
  }
  if (c.HANDSET_JWT_JWKS_URL !== undefined) {
    const url = new URL(c.HANDSET_JWT_JWKS_URL);
    if (url.protocol === "http:" && !isLoopbackUrl(url)) {
      problems.push("HANDSET_JWT_JWKS_URL: https, or http only on a loopback address");
    }
  }
  let key: KeyObject | null = null;
  if (c.HANDSET_JWT_PUBLIC_KEY !== undefined) {
    try {
      key = readPublicKey(c.HANDSET_JWT_PUBLIC_KEY);
    } catch (error) {
      problems.push(
        `HANDSET_JWT_PUBLIC_KEY: not a PEM public key or JWK (${error instanceof Error ? error.message : "unreadable"})`,
      );
    }
  }
  if (problems.length > before || c.HANDSET_JWT_AUDIENCE === undefined) return null;
  return {
    issuer: c.HANDSET_JWT_ISSUER,
    audiences: c.HANDSET_JWT_AUDIENCE,
    keys: key !== null ? { kind: "static", key } : { kind: "jwks", url: c.HANDSET_JWT_JWKS_URL as string },
    algorithms: [...new Set(c.HANDSET_JWT_ALGORITHMS)],
    clockSkewSeconds: c.HANDSET_JWT_CLOCK_SKEW_SECONDS,
    userClaim: c.HANDSET_JWT_USER_CLAIM,
    scopeClaim: c.HANDSET_JWT_SCOPE_CLAIM ?? null,
    defaultScopes: c.HANDSET_JWT_DEFAULT_SCOPES ?? [...USER_TOKEN_SCOPES],
    tenantId: c.HANDSET_JWT_TENANT ?? defaultTenant,
    jwks: {
      timeoutMs: c.HANDSET_JWT_JWKS_TIMEOUT_MS,
      cacheMs: c.HANDSET_JWT_JWKS_CACHE_SECONDS * 1000,
      cooldownMs: c.HANDSET_JWT_JWKS_COOLDOWN_SECONDS * 1000,
    },
  };
}
