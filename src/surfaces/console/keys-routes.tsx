import type { FastifyInstance } from "fastify";
import type { Clock } from "../../domain/clock.js";
import type { CredentialView } from "../../services/credential-view.js";
import type { Handset } from "../../services/handset.js";
import { KeyPage, KeysPage, RevokeConfirmPage } from "./pages/keys.js";
import { PAGE_SIZE, queryText } from "./query.js";
import { rememberSession, seeOther, sendHtml } from "./reply.js";
import { checkCsrf, requireScope, signedIn } from "./session.js";

const idOf = (params: unknown) => String((params as { id: string }).id);

/** Keys and tokens: list and show with keys:read, revoke (after a confirm step) with keys:write. */
export function registerKeysRoutes(app: FastifyInstance, admin: Handset, clock: Clock): void {
  const sessions = admin.consoleSessions;

  app.get("/keys", { schema: { hide: true } }, async (request, reply) => {
    const signed = await signedIn(sessions, request);
    const session = rememberSession(request, signed);
    requireScope(signed.caller, "keys:read");
    const kindText = queryText(request.query, "kind");
    const kind: CredentialView["kind"] | undefined =
      kindText === "admin_key" || kindText === "user_token" ? kindText : undefined;
    const query = {
      kind,
      user: queryText(request.query, "user", 64),
      revoked: queryText(request.query, "revoked") === "1" ? "1" : undefined,
      after: queryText(request.query, "after"),
    };
    const page = await admin.credentials.list(signed.caller, {
      kind,
      userId: query.user,
      includeRevoked: query.revoked === "1",
      limit: PAGE_SIZE,
      after: query.after,
    });
    return sendHtml(
      reply,
      200,
      <KeysPage
        session={session}
        credentials={page.credentials}
        nextCursor={page.nextCursor}
        query={query}
        now={clock.now()}
      />,
    );
  });

  app.get("/keys/:id", { schema: { hide: true } }, async (request, reply) => {
    const signed = await signedIn(sessions, request);
    const session = rememberSession(request, signed);
    requireScope(signed.caller, "keys:read");
    const credential = await admin.credentials.get(signed.caller, idOf(request.params));
    return sendHtml(
      reply,
      200,
      <KeyPage
        session={session}
        credential={credential}
        now={clock.now()}
        justRevoked={queryText(request.query, "revoked") === "1"}
        canRevoke={signed.caller.scopes.has("keys:write")}
        isOwnKey={credential.id === signed.caller.credentialId}
      />,
    );
  });

  app.get("/keys/:id/revoke", { schema: { hide: true } }, async (request, reply) => {
    const signed = await signedIn(sessions, request);
    const session = rememberSession(request, signed);
    requireScope(signed.caller, "keys:write");
    const credential = await admin.credentials.get(signed.caller, idOf(request.params));
    if (credential.revokedAt !== null)
      return seeOther(reply, `/console/keys/${encodeURIComponent(credential.id)}`);
    return sendHtml(
      reply,
      200,
      <RevokeConfirmPage
        session={session}
        credential={credential}
        isOwnKey={credential.id === signed.caller.credentialId}
      />,
    );
  });

  app.post("/keys/:id/revoke", { schema: { hide: true } }, async (request, reply) => {
    const signed = await signedIn(sessions, request);
    rememberSession(request, signed);
    checkCsrf(sessions, signed, request);
    requireScope(signed.caller, "keys:write");
    const id = idOf(request.params);
    const location = `/console/keys/${encodeURIComponent(id)}`;
    // The confirm step is the page before; a POST without it goes back there and changes nothing.
    if ((request.body as Record<string, unknown>).confirm !== "yes")
      return seeOther(reply, `${location}/revoke`);
    await admin.credentials.revoke(signed.caller, id);
    // Revoking the key this session runs on ends the session: the next page asks to sign in again.
    return seeOther(reply, `${location}?revoked=1`);
  });
}
