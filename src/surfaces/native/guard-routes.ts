import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DestinationPauseView } from "../../services/destination-pauses.js";
import type { NativeContext } from "./context.js";
import { errorResponses } from "./schemas.js";
import { isoTime, wholeNumber } from "./wire-types.js";

const DestinationPauseSchema = z
  .object({
    scope: z
      .string()
      .describe("`country:NG` (ISO region) or `prefix:+234803` (calling code and 3 national digits)"),
    paused_at: isoTime(),
    paused_until: isoTime("2026-12-03T09:30:00.000Z").describe(
      "Sends to the destination are refused until then (DESTINATION_PAUSED)",
    ),
    sent: wholeNumber(240).describe("SMS sent in the recent window when the pause started"),
    verified: wholeNumber(3).describe("Codes verified in the same window"),
    rate: z.number().meta({ description: "verified / sent", example: 0.0125 }),
    reason: z.string(),
  })
  .meta({ id: "DestinationPause" });

const PauseParams = z.object({
  // Checked by the service once the caller is known: a malformed scope is a pause that does not exist.
  scope: z.string().min(1).max(64).describe("The pause's scope, e.g. `country:NG`"),
});

function presentPause(p: DestinationPauseView) {
  return {
    scope: p.scope,
    paused_at: new Date(p.pausedAt).toISOString(),
    paused_until: new Date(p.pausedUntil).toISOString(),
    sent: p.sent,
    verified: p.verified,
    rate: p.rate,
    reason: p.reason,
  };
}

/** The conversion guard's pauses (docs/fraud-guard.md, "Conversion guard"), for admin keys. */
export function registerGuardRoutes(app: FastifyInstance, ctx: NativeContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Fraud guard (admin)"];

  r.get(
    "/guard/pauses",
    {
      schema: {
        tags,
        summary: "List the destinations paused by the conversion guard",
        operationId: "listDestinationPauses",
        description:
          "The tenant's running pauses: destinations whose codes were sent but too rarely verified, with the figures that paused them.",
        response: { 200: z.object({ data: z.array(DestinationPauseSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "phone:read");
      const pauses = await ctx.handset.destinationPauses.list(caller);
      return { data: pauses.map(presentPause) };
    },
  );

  r.delete(
    "/guard/pauses/:scope",
    {
      schema: {
        tags,
        summary: "Lift a pause early",
        operationId: "deleteDestinationPause",
        description:
          "Sends to the destination go again at once; its figures start again from the next counting window.",
        params: PauseParams,
        response: { 200: DestinationPauseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "phone:write");
      return presentPause(await ctx.handset.destinationPauses.lift(caller, request.params.scope));
    },
  );
}
