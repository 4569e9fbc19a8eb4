import type { FastifyInstance } from "fastify";
import { isHandsetError } from "../../domain/errors.js";
import type { Caller } from "../../services/caller.js";
import type { Handset } from "../../services/handset.js";
import { FailuresPage } from "./pages/failures.js";
import { SearchPage, type SearchResult } from "./pages/search.js";
import { PAGE_SIZE, queryText } from "./query.js";
import { rememberSession, sendHtml } from "./reply.js";
import { requireScope, signedIn } from "./session.js";

/** What looks like a phone number is looked up as one; anything else is a user id. */
const looksLikeNumber = (q: string) => /^\+|^[\d\s().-]+$/.test(q);

/** Messages shown per number of a user. */
const MESSAGES_PER_NUMBER = 20;

async function search(admin: Handset, caller: Caller, q: string): Promise<SearchResult> {
  try {
    if (looksLikeNumber(q)) return { kind: "number", lookup: await admin.lookup.phoneNumber(caller, q) };
    const user = await admin.users.get(caller, q);
    const messages = (
      await Promise.all(
        user.phoneNumbers.map((n) => admin.messages.listOfPhoneNumber(caller, n.id, MESSAGES_PER_NUMBER)),
      )
    )
      .flat()
      .sort((a, b) => b.createdAt - a.createdAt);
    return { kind: "user", user, messages };
  } catch (error) {
    // What was asked cannot be found or is not a number: said on the search page, as a search answers.
    if (
      isHandsetError(error) &&
      (error.code === "USER_NOT_FOUND" ||
        error.code.startsWith("PHONE_NUMBER_") ||
        error.code === "INVALID_REQUEST")
    ) {
      return {
        kind: "none",
        message: error.code === "USER_NOT_FOUND" ? `No user ${q} in this tenant.` : error.message,
      };
    }
    throw error;
  }
}

/** Search by number or user (phone:read and users:read), and the delivery failures (phone:read). */
export function registerLookupRoutes(app: FastifyInstance, admin: Handset): void {
  const sessions = admin.consoleSessions;

  app.get("/search", { schema: { hide: true } }, async (request, reply) => {
    const signed = await signedIn(sessions, request);
    const session = rememberSession(request, signed);
    requireScope(signed.caller, "phone:read");
    requireScope(signed.caller, "users:read");
    const q = queryText(request.query, "q", 100);
    const result = q === undefined ? undefined : await search(admin, signed.caller, q);
    return sendHtml(reply, 200, <SearchPage session={session} query={q ?? ""} result={result} />);
  });

  app.get("/failures", { schema: { hide: true } }, async (request, reply) => {
    const signed = await signedIn(sessions, request);
    const session = rememberSession(request, signed);
    requireScope(signed.caller, "phone:read");
    const after = queryText(request.query, "after");
    const page = await admin.messages.list(signed.caller, {
      status: ["failed", "undelivered"],
      limit: PAGE_SIZE,
      after,
    });
    return sendHtml(
      reply,
      200,
      <FailuresPage session={session} messages={page.messages} nextCursor={page.nextCursor} after={after} />,
    );
  });
}
