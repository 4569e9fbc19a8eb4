import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isHandsetError } from "../../domain/errors.js";
import { checkIdempotencyKey } from "../../domain/idempotency.js";
import type { Caller } from "../../services/caller.js";
import { type KeyClaim, REPLAYED_HEADERS } from "../../services/idempotency.js";
import type { NativeContext } from "./context.js";

/** The header a client sends, and the one a replayed answer carries (Stripe's names). */
export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
export const REPLAYED_HEADER = "idempotent-replayed";

interface KeyedState {
  key: string;
  /** The body as sent, before validation turned it into the route's input. */
  body: unknown;
  claim?: KeyClaim;
}

const states = new WeakMap<FastifyRequest, KeyedState>();

/** Credential problems are the route's to answer, in its own terms: such a request claims no key. */
const NOT_IDENTIFIED = new Set(["UNAUTHENTICATED", "CREDENTIAL_EXPIRED", "INSUFFICIENT_SCOPE"]);

function headersOf(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (typeof value === "string" || typeof value === "number") headers[name] = String(value);
  }
  return headers;
}

function textOf(payload: unknown): string | undefined {
  if (payload === null || payload === undefined) return "";
  if (typeof payload === "string") return payload;
  if (Buffer.isBuffer(payload)) return payload.toString("utf8");
  return undefined; // a stream: not kept
}

/**
 * `Idempotency-Key` on every POST of the native API (docs/idempotency.md), routes added later
 * included: the key is checked and its body noted before validation, claimed once the request is
 * valid (so a refused body claims nothing, as at Stripe), and the answer kept or the key let go just
 * before the answer leaves. A request without the header is not touched.
 */
export function registerIdempotencyKeys(app: FastifyInstance, ctx: NativeContext): void {
  app.addHook("preValidation", async (request) => {
    if (request.method !== "POST") return;
    const value = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (value === undefined) return;
    states.set(request, { key: checkIdempotencyKey(value), body: request.body });
  });

  app.addHook("preHandler", async (request, reply) => {
    const state = states.get(request);
    if (!state) return;
    let caller: Caller;
    try {
      caller = await ctx.identify(request);
    } catch (error) {
      if (isHandsetError(error) && NOT_IDENTIFIED.has(error.code)) return;
      throw error;
    }
    const outcome = await ctx.handset.idempotency.claim({
      caller,
      key: state.key,
      method: request.method,
      url: request.url,
      body: state.body,
    });
    if (outcome.kind === "claimed") {
      state.claim = outcome.claim;
      return;
    }
    const { answer } = outcome;
    reply.code(answer.status).headers({ ...answer.headers, [REPLAYED_HEADER]: "true" });
    return reply.send(answer.body);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const state = states.get(request);
    const claim = state?.claim;
    if (!state || !claim) return payload;
    state.claim = undefined;
    const body = textOf(payload);
    try {
      if (body === undefined) await ctx.handset.idempotency.release(claim);
      else {
        await ctx.handset.idempotency.finish(claim, {
          status: reply.statusCode,
          headers: headersOf(reply),
          body,
        });
      }
    } catch (error) {
      // The answer leaves either way; the key's lease runs out and a retry runs the request again.
      request.log.warn({ err: error }, "could not keep the answer of an Idempotency-Key");
    }
    return payload;
  });

  // An answer that never went through onSend (the connection closed first): the key is let go.
  app.addHook("onResponse", async (request) => {
    const claim = states.get(request)?.claim;
    if (!claim) return;
    await ctx.handset.idempotency.release(claim).catch((error: unknown) => {
      request.log.warn({ err: error }, "could not release an Idempotency-Key");
    });
  });
}
