import type { KeyObject } from "node:crypto";
import { type JWTPayload, type JWTVerifyGetKey, jwtVerify } from "jose";
import type { AppJwtConfig } from "../../app-jwt-config.js";
import type { Clock } from "../../domain/clock.js";
import { isScope, type Scope, USER_TOKEN_SCOPES } from "../../domain/scopes.js";
import { USER_ID_PATTERN } from "../users.js";
import { createJwksCache } from "./jwks-cache.js";
import { appJwtRefusal, refusalOfJoseError } from "./refusals.js";

/** Who an app JWT speaks for, once its signature and claims are checked. */
export interface AppJwtIdentity {
  tenantId: string;
  userId: string;
  scopes: ReadonlySet<Scope>;
}

export interface AppJwtVerifier {
  /** The identity of a verified token; a HandsetError (see refusals.ts) says why not. */
  verify(token: string): Promise<AppJwtIdentity>;
}

/** Three base64url parts (the last empty for `alg: none`): worth verifying as a JWT. Handset's own secrets have no dot. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/** Whether a bearer secret is shaped like a JWT rather than a Handset key or token (`hsk_…`, `hst_…`). */
export function looksLikeJwt(secret: string): boolean {
  return secret.includes(".");
}

/** The user-token scopes a claim lists (a space-separated string or an array); other names are ignored. */
function scopesOf(claim: unknown): Scope[] | null {
  const names =
    typeof claim === "string"
      ? claim.split(" ")
      : Array.isArray(claim)
        ? claim.filter((v): v is string => typeof v === "string")
        : null;
  if (names === null) return null;
  return names.filter((n): n is Scope => isScope(n) && USER_TOKEN_SCOPES.includes(n));
}

export function createAppJwtVerifier(config: AppJwtConfig, clock: Clock): AppJwtVerifier {
  const key: JWTVerifyGetKey | KeyObject =
    config.keys.kind === "jwks"
      ? createJwksCache({ url: config.keys.url, ...config.jwks }, clock)
      : config.keys.key;

  async function verified(token: string): Promise<JWTPayload> {
    const options = {
      issuer: config.issuer,
      audience: config.audiences,
      algorithms: config.algorithms,
      clockTolerance: config.clockSkewSeconds,
      requiredClaims: ["exp"],
      currentDate: new Date(clock.now()),
    };
    try {
      // Two calls, one per jose overload: a key resolver (the JWKS) and a fixed key.
      const result =
        typeof key === "function"
          ? await jwtVerify(token, key, options)
          : await jwtVerify(token, key, options);
      return result.payload;
    } catch (error) {
      throw refusalOfJoseError(error);
    }
  }

  return {
    async verify(token) {
      if (!COMPACT_JWS.test(token)) throw appJwtRefusal("token_malformed");
      const payload = await verified(token);
      const userId = payload[config.userClaim];
      if (typeof userId !== "string" || !USER_ID_PATTERN.test(userId)) {
        throw appJwtRefusal("user_claim_invalid");
      }
      const claimed = config.scopeClaim === null ? null : scopesOf(payload[config.scopeClaim]);
      return { tenantId: config.tenantId, userId, scopes: new Set(claimed ?? config.defaultScopes) };
    },
  };
}
