import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey, errors as jose } from "jose";
import type { Clock } from "../../domain/clock.js";
import { appJwtRefusal } from "./refusals.js";

export interface JwksSettings {
  url: string;
  /** One fetch waits this long at most. */
  timeoutMs: number;
  /** Keys older than this are fetched again before use (kept, should the fetch fail). */
  cacheMs: number;
  /** An unknown `kid` fetches the set again at most this often, so junk tokens cannot flood the issuer. */
  cooldownMs: number;
}

interface Fetched {
  keys: ReturnType<typeof createLocalJWKSet>;
  at: number;
}

/**
 * The issuer's JWKS, fetched on first use and cached; ages are read from the injected clock (jose's
 * own remote set reads the wall clock). A token whose `kid` is not in the set fetches it once more (key
 * rotation), unless the set was fetched within the cool-down. When the issuer cannot be reached, keys
 * already fetched keep serving; with none at all the token is answered `jwks_unavailable` (503).
 */
export function createJwksCache(settings: JwksSettings, clock: Clock): JWTVerifyGetKey {
  let current: Fetched | null = null;
  let inFlight: Promise<Fetched> | null = null;
  /** When the last fetch began, and whether it failed: fetches are spaced by the cool-down. */
  let lastAttemptAt = Number.NEGATIVE_INFINITY;
  let lastAttemptFailed = false;

  async function download(): Promise<Fetched> {
    try {
      const response = await fetch(settings.url, {
        headers: { accept: "application/json, application/jwk-set+json" },
        redirect: "error",
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
      const keys = createLocalJWKSet((await response.json()) as JSONWebKeySet);
      return { keys, at: clock.now() };
    } catch {
      throw appJwtRefusal("jwks_unavailable", clock.now() + 5_000);
    }
  }

  /** One fetch at a time: concurrent requests share it. */
  function refresh(): Promise<Fetched> {
    if (inFlight) return inFlight;
    lastAttemptAt = clock.now();
    inFlight = download()
      .then((fetched) => {
        current = fetched;
        lastAttemptFailed = false;
        return fetched;
      })
      .catch((error: unknown) => {
        lastAttemptFailed = true;
        throw error;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  const coolingDown = () => clock.now() - lastAttemptAt < settings.cooldownMs;

  /** The keys to verify with: fetched when there are none, or when they are older than the cache's age. */
  async function usable(): Promise<Fetched> {
    if (current === null) return refresh();
    if (clock.now() - current.at < settings.cacheMs || coolingDown()) return current;
    const stale = current;
    return refresh().catch(() => stale);
  }

  return async (header, token) => {
    const fetched = await usable();
    try {
      return await fetched.keys(header, token);
    } catch (error) {
      if (!(error instanceof jose.JWKSNoMatchingKey)) throw error;
      if (coolingDown()) {
        // The issuer could not be asked: that is no verdict on the token.
        if (lastAttemptFailed) throw appJwtRefusal("jwks_unavailable", lastAttemptAt + settings.cooldownMs);
        throw error;
      }
      // A kid not seen yet: the issuer may have rotated its keys since the last fetch.
      const again = await refresh();
      return again.keys(header, token);
    }
  };
}
