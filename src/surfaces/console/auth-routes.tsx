import type { FastifyInstance } from "fastify";
import { isHandsetError } from "../../domain/errors.js";
import type { ConsoleSessionService } from "../../services/console-sessions.js";
import { SignInPage } from "./pages/sign-in.js";
import { seeOther, sendHtml } from "./reply.js";
import {
  checkCsrf,
  checkSameOrigin,
  clearSessionCookie,
  sessionToken,
  setSessionCookie,
  signedIn,
} from "./session.js";

/** Sign-in, sign-out and the console's root. */
export function registerAuthRoutes(app: FastifyInstance, sessions: ConsoleSessionService): void {
  app.get("/", { schema: { hide: true } }, async (request, reply) => {
    const live = await sessions.resume(sessionToken(request)).then(
      () => true,
      () => false,
    );
    return seeOther(reply, live ? "/console/overview" : "/console/sign-in");
  });

  app.get("/sign-in", { schema: { hide: true } }, async (_request, reply) =>
    sendHtml(reply, 200, <SignInPage />),
  );

  app.post("/sign-in", { schema: { hide: true } }, async (request, reply) => {
    // No session yet, so no token to check: the Origin check stops another site from signing a
    // browser in under its own key (login CSRF).
    checkSameOrigin(request);
    const key = (request.body as Record<string, unknown> | undefined)?.key;
    try {
      const { token } = await sessions.signIn(typeof key === "string" ? key : "");
      setSessionCookie(reply, token);
      return seeOther(reply, "/console/overview");
    } catch (error) {
      if (!isHandsetError(error)) throw error;
      const message =
        error.code === "INSUFFICIENT_SCOPE"
          ? error.message
          : error.code === "CREDENTIAL_EXPIRED"
            ? "That key has expired."
            : "That is not a valid admin key.";
      return sendHtml(reply, error.code === "INSUFFICIENT_SCOPE" ? 403 : 401, <SignInPage error={message} />);
    }
  });

  app.post("/sign-out", { schema: { hide: true } }, async (request, reply) => {
    const signed = await signedIn(sessions, request);
    checkCsrf(sessions, signed, request);
    await sessions.signOut(sessionToken(request));
    clearSessionCookie(reply);
    return seeOther(reply, "/console/sign-in");
  });
}
