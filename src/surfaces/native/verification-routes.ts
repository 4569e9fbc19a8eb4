import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { withClientIp } from "../../http/client-ip.js";
import type { BareVerificationAnswer } from "../../services/bare-verification-views.js";
import type { NativeContext } from "./context.js";
import { presentMessage, presentVerification } from "./present.js";
import { errorResponses } from "./schemas.js";
import {
  BareCodeSentSchema,
  BareVerificationSchema,
  CheckVerificationBody,
  StartVerificationBody,
  VerificationParams,
} from "./verification-schemas.js";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function presentBareVerification({ verification: v, holder }: BareVerificationAnswer) {
  return {
    ...presentVerification(v),
    to: v.e164,
    user_id: v.userId,
    verified_at: iso(v.verifiedAt),
    verification_strategy: v.verifiedStrategy,
    attachable_until: iso(v.attachableUntil),
    holder: holder
      ? { user_id: holder.userId, phone_number_id: holder.phoneNumberId, verified: holder.verified }
      : null,
    service_id: v.serviceId === "" ? null : v.serviceId,
  };
}

const tags = ["Verifications (bare numbers)"];
const NOT_FOUND = "No such verification in this tenant: `VERIFICATION_ID_NOT_FOUND`";

/**
 * Verifications of a number no user holds yet, Twilio Verify's shape (docs/verifications.md): for
 * backends, so admin keys only (a user token gets 403).
 */
export function registerVerificationRoutes(app: FastifyInstance, ctx: NativeContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/verifications",
    {
      schema: {
        tags,
        summary: "Send a code to a bare number",
        operationId: "startVerification",
        responseDescriptions: { 202: "Code sent (queued for delivery), or a test number's code set" },
        description:
          "Starts a verification of `to`, or sends the open one's code again (the same code) within its " +
          "validity window: 429 with Retry-After during the resend cooldown or when a send limit, budget " +
          "or guard refuses. The number is checked like a number added to a user (type, geo permissions). " +
          "`holder` says which user of the tenant holds the number already, if any. Needs `phone:verify`.",
        body: StartVerificationBody,
        response: { 202: BareCodeSentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = withClientIp(
        await ctx.authorize(request, "admin", "phone:verify"),
        request.body.client_ip,
        undefined,
      );
      const sent = await ctx.handset.bareVerifications.start(caller, {
        to: request.body.to,
        region: request.body.region,
        locale: request.body.locale ?? null,
        serviceId: request.body.service_id,
        appName: request.body.app_name ?? null,
        appHash: request.body.app_hash ?? null,
        customCode: request.body.custom_code ?? null,
      });
      return reply.code(202).send({
        verification: presentBareVerification(sent),
        delivery: sent.delivery,
        message: sent.message ? presentMessage(sent.message) : null,
        new_verification: sent.newVerification,
      });
    },
  );

  r.post(
    "/verifications/check",
    {
      schema: {
        tags,
        summary: "Check a code sent to a bare number",
        operationId: "checkVerification",
        responseDescriptions: { 200: "Approved" },
        description:
          "Checks `code` against the open verification of `to` (or the one named by `verification_id`). " +
          "A wrong code answers 422 `CODE_INVALID` with `details.attempts_left` and the verification it " +
          "counted against in `details.verification_id`; the last one " +
          "`CODE_ATTEMPTS_EXHAUSTED`; a late one `CODE_EXPIRED`; one for a verification approved already " +
          "409 `CODE_ALREADY_USED`; a number with no code 409 `VERIFICATION_NOT_FOUND`. Needs `phone:verify`.",
        body: CheckVerificationBody,
        response: { 200: BareVerificationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "phone:verify");
      const { to, region, verification_id: id, code, service_id: serviceId } = request.body;
      const ref = id !== undefined ? { id, serviceId } : { to: to ?? "", region, serviceId };
      return presentBareVerification(await ctx.handset.bareVerifications.check(caller, ref, code));
    },
  );

  r.get(
    "/verifications/:verification_id",
    {
      schema: {
        tags,
        summary: "Get a verification",
        operationId: "getVerification",
        responseDescriptions: { 404: NOT_FOUND },
        description:
          "Any verification of the tenant by id: a bare number's, or a user's number's. Needs `phone:read`.",
        params: VerificationParams,
        response: { 200: BareVerificationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "phone:read");
      return presentBareVerification(
        await ctx.handset.bareVerifications.get(caller, request.params.verification_id),
      );
    },
  );

  r.post(
    "/verifications/:verification_id/cancel",
    {
      schema: {
        tags,
        summary: "Cancel a verification",
        operationId: "cancelVerification",
        responseDescriptions: { 200: "Canceled", 404: NOT_FOUND },
        description:
          "Its code is refused from now on. Only an open verification of a bare number: an ended one answers " +
          "why (`CODE_ALREADY_USED`, `CODE_EXPIRED`, ...). Needs `phone:verify`.",
        params: VerificationParams,
        response: { 200: BareVerificationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "phone:verify");
      return presentBareVerification(
        await ctx.handset.bareVerifications.cancel(caller, request.params.verification_id),
      );
    },
  );

  r.post(
    "/verifications/:verification_id/approve",
    {
      schema: {
        tags,
        summary: "Approve a verification without a code",
        operationId: "approveVerification",
        responseDescriptions: { 200: "Approved", 404: NOT_FOUND },
        description:
          "The backend vouches for the number (strategy `admin`), as `verified: true` does when adding a " +
          "number. Only an open verification of a bare number. Needs `phone:write`.",
        params: VerificationParams,
        response: { 200: BareVerificationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "phone:write");
      return presentBareVerification(
        await ctx.handset.bareVerifications.approve(caller, request.params.verification_id),
      );
    },
  );
}
