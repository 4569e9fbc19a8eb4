import type { FastifyReply, FastifyRequest } from "fastify";

export interface EdgeLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** The request an error answers: its id, a logger that already names that id, and what it asked. */
export interface EdgeRequest {
  id: string;
  log: EdgeLog;
  method?: string;
  url?: string;
  /** The caller's address, where the transport knows it (the per-IP budget counts it). */
  ip?: string;
}

/** What a surface decided to answer, in the terms the edge needs. */
export interface EdgeAnswer {
  /** The HTTP status (for an RPC, the HTTP status its code maps to). */
  status: number;
  /** What was thrown, as thrown: a 5xx is logged with it, so the log holds the cause, not the answer. */
  cause: unknown;
  /** When trying again can succeed, if the error says; only then is `Retry-After` sent. */
  retryAt?: number | undefined;
}

/** Whole seconds until `retryAt`, at least 1. */
export function retryAfterSeconds(retryAt: number, now: number): number {
  return Math.max(1, Math.ceil((retryAt - now) / 1000));
}

/**
 * The part of answering an error that is the same on every surface and transport; the envelope and
 * the status stay each surface's own. A 5xx is logged with the request id and the underlying error:
 * a 500 is a bug (error), other 5xx are conditions such as an unavailable database (warn). Returns
 * the headers to send: the request id always, `Retry-After` when a retry time is known.
 */
export function errorEdge(request: EdgeRequest, answer: EdgeAnswer, now: number): Record<string, string> {
  if (answer.status >= 500) {
    const fields = { err: answer.cause, status: answer.status, method: request.method, url: request.url };
    if (answer.status === 500) request.log.error(fields, "request failed");
    else request.log.warn(fields, "request not served");
  }
  const headers: Record<string, string> = { "x-request-id": request.id };
  if (answer.retryAt !== undefined) headers["retry-after"] = String(retryAfterSeconds(answer.retryAt, now));
  return headers;
}

/** `errorEdge` on a Fastify reply, then the surface's JSON body with its status. */
export function sendErrorReply(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: EdgeAnswer & { body: unknown },
  now: number,
): FastifyReply {
  reply.headers(errorEdge(request, answer, now));
  return reply.code(answer.status).type("application/json").send(answer.body);
}
