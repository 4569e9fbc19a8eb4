import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { GuessLockView } from "../../services/guess-locks.js";
import type { Audience, NativeContext } from "./context.js";
import { errorResponses, PhoneNumberParams } from "./schemas.js";
import { isoTime, wholeNumber } from "./wire-types.js";

export const GuessLockSchema = z
  .object({
    phone_number_id: z.string(),
    consecutive_failures: wholeNumber(2).describe(
      "This tenant's wrong codes in a row on the number (a success resets them)",
    ),
    lock_after: wholeNumber(20).describe(
      "Wrong codes in a row, summed over every tenant holding the number, that lock it",
    ),
    locked: z.boolean(),
    locked_at: isoTime().nullable().describe("When the number was locked; null while it is not"),
    until: isoTime("2026-12-03T09:30:00.000Z")
      .nullable()
      .describe("When the lock lapses by itself; null while it is not locked"),
  })
  .meta({ id: "GuessLock" });

const GuessLockClearedSchema = GuessLockSchema.extend({
  cleared: wholeNumber(2).describe("The wrong codes in a row this reset forgot"),
}).meta({ id: "GuessLockCleared" });

function present(view: GuessLockView) {
  return {
    phone_number_id: view.phoneNumberId,
    consecutive_failures: view.consecutiveFailures,
    lock_after: view.lockAfter,
    locked: view.lock !== null,
    locked_at: view.lock ? new Date(view.lock.lockedAt).toISOString() : null,
    until: view.lock ? new Date(view.lock.until).toISOString() : null,
  };
}

/**
 * The lifetime guess cap on one number (docs/fraud-guard.md, "Lifetime guess cap"): read by admin keys and by
 * the number's own user; reset by admin keys only.
 */
export function registerGuessLockRoutes(app: FastifyInstance, ctx: NativeContext, audience: Audience): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = audience === "admin" ? "/phone-numbers" : "/me/phone-numbers";
  const tags = [audience === "admin" ? "Phone numbers (admin)" : "My phone numbers"];
  const operationIdFor = (admin: string, self: string) => (audience === "admin" ? admin : self);

  r.get(
    `${base}/:phone_number_id/guess-lock`,
    {
      schema: {
        tags,
        summary: "Get a number's guess lock",
        operationId: operationIdFor("getGuessLock", "getMyGuessLock"),
        description:
          "After too many wrong codes in a row (100 by default, counted across every tenant holding the " +
          "number) the number cannot be verified: checking a code answers 429 PHONE_NUMBER_LOCKED until " +
          "`until`, or until an admin resets the streak.",
        params: PhoneNumberParams,
        response: { 200: GuessLockSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, audience, "phone:read");
      return present(await ctx.handset.guessLocks.get(caller, request.params.phone_number_id));
    },
  );

  if (audience !== "admin") return;
  r.delete(
    `${base}/:phone_number_id/guess-lock`,
    {
      schema: {
        tags,
        summary: "Unlock a number",
        operationId: operationIdFor("clearGuessLock", "clearMyGuessLock"),
        description:
          "Resets this tenant's streak of wrong codes on the number. Other tenants' streaks still count: " +
          "when they alone reach the cap, the answer says the number is still locked.",
        params: PhoneNumberParams,
        response: { 200: GuessLockClearedSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, audience, "phone:write");
      const cleared = await ctx.handset.guessLocks.clear(caller, request.params.phone_number_id);
      return { ...present(cleared), cleared: cleared.cleared };
    },
  );
}
