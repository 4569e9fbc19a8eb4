import type { FastifyReply, FastifyRequest } from "fastify";
import { isHandsetError } from "../../domain/errors.js";
import { toHandsetError } from "../../http/request-errors.js";
import { nativeStatus } from "../native/errors.js";
import { ErrorPage } from "./pages/error.js";
import { seeOther, sendHtml, sessionOfRequest } from "./reply.js";
import { CsrfRefused, clearSessionCookie } from "./session.js";

const isApi = (request: FastifyRequest) => request.url.startsWith("/console/api/");

/**
 * The console's answer to an error: a page (or, under /console/api, JSON) with the catalogue's
 * status. No session (or a key revoked or expired) goes to the sign-in page; a refused form is 403.
 */
export function sendConsoleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const session = sessionOfRequest(request);
  if (error instanceof CsrfRefused) {
    if (isApi(request))
      return reply.code(403).send({ error: { code: "CSRF_REFUSED", message: error.message } });
    return sendHtml(
      reply,
      403,
      <ErrorPage
        title="Request refused"
        message={`Nothing was changed. ${error.message}`}
        session={session}
      />,
    );
  }
  const handset = isHandsetError(error) ? error : toHandsetError(error);
  if (handset.code === "INTERNAL") {
    request.log.error({ err: error }, "console request failed");
    if (isApi(request))
      return reply.code(500).send({ error: { code: "INTERNAL", message: "Internal error." } });
    return sendHtml(
      reply,
      500,
      <ErrorPage
        title="Something went wrong"
        message="The console hit an internal error; it is logged."
        session={session}
      />,
    );
  }
  const status = nativeStatus(handset.code);
  if (isApi(request))
    return reply.code(status).send({ error: { code: handset.code, message: handset.message } });
  if (handset.code === "UNAUTHENTICATED" || handset.code === "CREDENTIAL_EXPIRED") {
    clearSessionCookie(reply);
    return seeOther(reply, "/console/sign-in");
  }
  const title = status === 403 ? "Not allowed" : status === 404 ? "Not found" : "That did not work";
  return sendHtml(reply, status, <ErrorPage title={title} message={handset.message} session={session} />);
}
