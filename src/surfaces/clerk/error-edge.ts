import type { FastifyReply, FastifyRequest } from "fastify";
import { sendErrorReply } from "../../http/error-edge.js";
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
 * Clerk's error edge: `{ errors: [...], clerk_trace_id }` with the request id as the trace id, so an
 * operator can find the request in the logs.
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
        });
  return sendErrorReply(
    request,
    reply,
    {
      status: clerkError.status,
      body: { errors: clerkError.errors, clerk_trace_id: request.id },
      cause: error,
      retryAt: clerkError.retryAt,
    },
    now,
  );
}
