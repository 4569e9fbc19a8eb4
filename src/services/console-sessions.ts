import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { HandsetError } from "../domain/errors.js";
import {
  deleteConsoleSession,
  findLiveConsoleSession,
  insertConsoleSession,
  touchConsoleSession,
} from "../store/console-sessions.js";
import type { Caller } from "./caller.js";
import type { CredentialService } from "./credentials.js";
import { hashSecret } from "./credentials.js";
import type { ServiceDeps } from "./deps.js";

/** A console session ends after 30 minutes without a request... */
export const CONSOLE_IDLE_MS = 30 * 60_000;
/** ...and 12 hours after sign-in, whatever happens. */
export const CONSOLE_ABSOLUTE_MS = 12 * 60 * 60_000;
/** `last_seen_at` is written at most this often, so that reading pages costs no write each. */
const TOUCH_EVERY_MS = 60_000;

export interface ConsoleSignIn {
  /** Goes in the cookie, and nowhere else: the database keeps only its hash. */
  token: string;
  caller: Caller;
}

export interface ConsoleSession {
  caller: Caller;
  /** The token every form of this session carries (a synchronizer token). */
  csrfToken: string;
  expiresAt: number;
}

const sessionIdOf = (token: string) => createHash("sha256").update(token).digest("hex");
const csrfTokenOf = (csrfSecret: string, sessionId: string) =>
  createHmac("sha256", csrfSecret).update(`console-csrf:${sessionId}`).digest("base64url");

const NOT_SIGNED_IN = () => new HandsetError("UNAUTHENTICATED", "Sign in with an admin key.");

/**
 * The operator console's sessions: sign in with an admin key, resume by the cookie's token, sign out.
 * A session re-authenticates its key on every request (through the credential cache), so a revoked or
 * expired key ends it at once.
 */
export function createConsoleSessionService(deps: ServiceDeps, credentials: CredentialService) {
  const { uow } = deps.store;

  async function callerOf(secretHash: string): Promise<Caller> {
    const { userExists: _userExists, ...caller } = await credentials.authenticateHash(secretHash);
    if (caller.kind !== "admin_key") {
      throw new HandsetError(
        "INSUFFICIENT_SCOPE",
        "The console takes an admin key; user tokens cannot sign in.",
      );
    }
    return caller;
  }

  return {
    async signIn(secret: string): Promise<ConsoleSignIn> {
      const trimmed = secret.trim();
      if (trimmed.length === 0 || trimmed.length > 200) throw NOT_SIGNED_IN();
      const secretHash = hashSecret(trimmed);
      const caller = await callerOf(secretHash);
      const now = deps.clock.now();
      const token = randomBytes(32).toString("base64url");
      await uow.statement((db) =>
        insertConsoleSession(db, {
          id: sessionIdOf(token),
          tenant_id: caller.tenantId,
          credential_id: caller.credentialId,
          secret_hash: secretHash,
          csrf_secret: randomBytes(32).toString("hex"),
          created_at: now,
          last_seen_at: now,
          expires_at: now + CONSOLE_ABSOLUTE_MS,
        }),
      );
      return { token, caller };
    },

    /** The live session of a cookie's token, its key authenticated again; UNAUTHENTICATED otherwise. */
    async resume(token: string | undefined): Promise<ConsoleSession> {
      if (!token || token.length > 100) throw NOT_SIGNED_IN();
      const id = sessionIdOf(token);
      const now = deps.clock.now();
      const row = await uow.read((db) => findLiveConsoleSession(db, id, now, CONSOLE_IDLE_MS));
      if (!row) throw NOT_SIGNED_IN();
      const caller = await callerOf(row.secret_hash);
      if (now - row.last_seen_at >= TOUCH_EVERY_MS) {
        await uow.statement((db) => touchConsoleSession(db, id, now));
      }
      return { caller, csrfToken: csrfTokenOf(row.csrf_secret, id), expiresAt: row.expires_at };
    },

    /** Whether `presented` is the session's form token (constant time). */
    csrfMatches(session: ConsoleSession, presented: unknown): boolean {
      if (typeof presented !== "string") return false;
      const expected = Buffer.from(session.csrfToken);
      const given = Buffer.from(presented);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },

    async signOut(token: string | undefined): Promise<void> {
      if (!token || token.length > 100) return;
      await uow.statement((db) => deleteConsoleSession(db, sessionIdOf(token)));
    },
  };
}

export type ConsoleSessionService = ReturnType<typeof createConsoleSessionService>;
