import type { FastifyReply, FastifyRequest } from "fastify";
import { HandsetError } from "../../domain/errors.js";
import type { Scope } from "../../domain/scopes.js";
import type { Caller } from "../../services/caller.js";
import type { ConsoleSession, ConsoleSessionService } from "../../services/console-sessions.js";
import { CONSOLE_ABSOLUTE_MS } from "../../services/console-sessions.js";

export const SESSION_COOKIE = "handset_console";
export const CONSOLE_PATH = "/console";

/**
 * The cookie carries only the random session token. `Secure` always: browsers keep a Secure cookie
 * set over plain http from a loopback host (http://127.0.0.1, http://localhost count as secure
 * contexts; the browser tests prove it in Chromium), and anywhere else the console belongs behind TLS.
 * No `__Host-` prefix: it requires `Path=/`, and the cookie is the console's alone.
 */
export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: CONSOLE_PATH,
    httpOnly: true,
    sameSite: "strict",
    secure: true,
    maxAge: CONSOLE_ABSOLUTE_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: CONSOLE_PATH, httpOnly: true, sameSite: "strict", secure: true });
}

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE];
}

/** A signed-in request: its session and the caller its admin key is. */
export interface SignedIn {
  session: ConsoleSession;
  caller: Caller;
}

/** The session of this request; UNAUTHENTICATED when there is none (the error handler sends to sign-in). */
export async function signedIn(sessions: ConsoleSessionService, request: FastifyRequest): Promise<SignedIn> {
  const session = await sessions.resume(sessionToken(request));
  return { session, caller: session.caller };
}

/** As the native surface's `authorize`: the signed-in key must hold `scope` for the action. */
export function requireScope(caller: Caller, scope: Scope): void {
  if (!caller.scopes.has(scope)) {
    throw new HandsetError(
      "INSUFFICIENT_SCOPE",
      `The admin key you signed in with lacks the ${scope} scope, which this page needs.`,
    );
  }
}

/** The CSRF refusal: the error handler answers it with 403, and nothing has changed. */
export class CsrfRefused extends Error {}

/**
 * A POST must come from a console page: its Origin (or, without one, its Referer) is this server's
 * own, and, for a signed-in session, its `_csrf` field is the session's token.
 */
export function checkSameOrigin(request: FastifyRequest): void {
  const own = `${request.protocol}://${request.host}`;
  const origin = request.headers.origin;
  if (typeof origin === "string" && origin !== "null") {
    if (origin !== own) throw new CsrfRefused(`The request came from ${origin}, not ${own}.`);
    return;
  }
  const referer = request.headers.referer;
  if (typeof referer === "string") {
    let refererOrigin: string | undefined;
    try {
      refererOrigin = new URL(referer).origin;
    } catch {
      refererOrigin = undefined;
    }
    if (refererOrigin === own) return;
  }
  throw new CsrfRefused("The request carried neither an Origin nor a Referer of this console.");
}

export function checkCsrf(sessions: ConsoleSessionService, signed: SignedIn, request: FastifyRequest): void {
  checkSameOrigin(request);
  const body = request.body as Record<string, unknown> | undefined;
  if (!sessions.csrfMatches(signed.session, body?._csrf)) {
    throw new CsrfRefused(
      "The form's token is missing or is not this session's: reload the page and try again.",
    );
  }
}
