import { AsyncResource } from "node:async_hooks";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * The per-request scope the services keep a request's pending credential check in (see
 * `UnitOfWork.deferAccessCheck`). The edge only opens it and, before any answer leaves, settles it.
 */
export interface RequestScope {
  /** Runs `next` (the rest of the request) inside a fresh scope. */
  enter(next: () => void): void;
  /** Proves what the request left pending; throws the refusal to answer instead. */
  settle(): Promise<void>;
}

interface ScopeState {
  scope: RequestScope;
  /** The request's async context, to run the hooks after the body was read in (a socket's context). */
  resource: AsyncResource | undefined;
  /** The answer being sent is the refusal itself: it leaves as it is. */
  refusing: boolean;
}

const states = new WeakMap<FastifyRequest, ScopeState>();

/**
 * Every request runs in its own scope (as @fastify/request-context does: `run` in onRequest, and the
 * context resumed once the body is parsed). Before any answer leaves (`onSend`) the request's pending
 * check is settled: if the credential no longer holds, the answer is replaced by the refusal, which
 * the route's own error handler (the surface's envelope) answers. Error handlers settle first, with
 * `errorAfterAccess`, so an error (a 400, say) of a refused request is answered as the refusal.
 *
 * Routes that write their answer themselves (`reply.hijack()`) settle before they answer.
 */
export function registerRequestScope(app: FastifyInstance, scope: RequestScope): void {
  app.addHook("onRequest", (request, _reply, done) => {
    const state: ScopeState = { scope, resource: undefined, refusing: false };
    states.set(request, state);
    scope.enter(() => {
      state.resource = new AsyncResource("handset-request");
      done();
    });
  });
  app.addHook("preValidation", (request, _reply, done) => {
    const resource = states.get(request)?.resource;
    if (resource) resource.runInAsyncScope(done);
    else done();
  });
  app.addHook("onSend", async (request, _reply: FastifyReply, payload) => {
    const state = states.get(request);
    if (!state || state.refusing) return payload;
    await state.scope.settle();
    return payload;
  });
}

/**
 * What an error handler should answer for `error`: the request's refusal when its credential no
 * longer holds (settled here), else `error` itself.
 */
export async function errorAfterAccess(request: FastifyRequest, error: unknown): Promise<unknown> {
  const state = states.get(request);
  if (!state) return error;
  try {
    await state.scope.settle();
    return error;
  } catch (refusal) {
    state.refusing = true;
    return refusal;
  }
}

/** An error handler that answers the refusal instead of `error` when the request was refused. */
export function settlingErrors<E>(
  handler: (error: unknown, request: FastifyRequest, reply: FastifyReply) => unknown,
): (error: E, request: FastifyRequest, reply: FastifyReply) => Promise<unknown> {
  return async (error, request, reply) => handler(await errorAfterAccess(request, error), request, reply);
}
