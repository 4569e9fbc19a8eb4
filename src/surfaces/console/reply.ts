import type { FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import type { PageSession } from "./layout.js";
import { renderPage } from "./layout.js";
import type { SignedIn } from "./session.js";

export function sendHtml(reply: FastifyReply, status: number, page: VNode): FastifyReply {
  return reply.code(status).type("text/html; charset=utf-8").send(renderPage(page));
}

/** Sends to another console page after a POST (303: the browser follows with GET). */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.code(303).header("location", location).send();
}

/** The signed-in session of a request, once known: the error page shows the nav with it. */
const known = new WeakMap<FastifyRequest, PageSession>();

export function rememberSession(request: FastifyRequest, signed: SignedIn): PageSession {
  const page = { tenantId: signed.caller.tenantId, csrfToken: signed.session.csrfToken };
  known.set(request, page);
  return page;
}

export function sessionOfRequest(request: FastifyRequest): PageSession | undefined {
  return known.get(request);
}
