import type { FastifyReply, FastifyRequest } from "fastify";
import { toHandsetError } from "../../http/request-errors.js";
import { type ClerkAction, ClerkApiError, toClerkError } from "./errors.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Clerk routes name their operation, so that errors can take Clerk's create or update code. */
    clerkAction?: ClerkAction;
  }
}

function stringField(source: unknown, key: string): string | undefined {
  if (typeof source !== "object" || source === null) return undefined;
  const value = (source as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
}

/**
 * Clerk's error edge: `{ errors: [...], clerk_trace_id }` with the request id as the trace id (so an
 * operator can find the request in the logs), a Retry-After on 429, and a logged 500.
 */
export function sendClerkError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  now: number,
): FastifyReply {
  const clerkError =
    error instanceof ClerkApiError
      ? error
      : toClerkError(toHandsetError(error), {
          action: request.routeOptions.config?.clerkAction ?? "other",
          userId: stringField(request.params, "user_id") ?? stringField(request.body, "user_id"),
          now,
        });
  if (clerkError.status >= 500) request.log.error({ err: error }, "request failed");
  if (clerkError.retryAfter !== undefined) reply.header("retry-after", String(clerkError.retryAfter));
  return reply.code(clerkError.status).send({ errors: clerkError.errors, clerk_trace_id: request.id });
}
