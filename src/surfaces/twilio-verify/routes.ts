import type { FastifyInstance, FastifyRequest } from "fastify";
import { isHandsetError } from "../../domain/errors.js";
import type { Scope } from "../../domain/scopes.js";
import type { Caller } from "../../services/caller.js";
import type { TwilioVerifyContext } from "./context.js";
import { twilioErrors } from "./errors.js";
import { optionalParam, requiredParam, TWILIO_CHANNELS } from "./params.js";
import { presentVerification, presentVerificationCheck } from "./present.js";
import { registerServiceRoutes } from "./service-routes.js";
import { fromVerificationSid } from "./sids.js";
import { baseUrlOf, pathOf } from "./urls.js";

type ServiceParams = { Params: { service_sid: string } };
type VerificationParams = { Params: { service_sid: string; sid: string } };

/** Handset's id for a Verification SID; Twilio's 404 for anything else. */
function verificationIdOf(request: FastifyRequest, sid: string): string {
  const id = fromVerificationSid(sid);
  if (id === null) throw twilioErrors.notFound(pathOf(request));
  return id;
}

/**
 * Twilio Verify v2: Services (service-routes.ts), and each one's Verifications and VerificationCheck
 * over `handset.bareVerifications` (docs/twilio-verify.md).
 */
export function registerTwilioVerifyRoutes(
  v2: FastifyInstance,
  ctx: TwilioVerifyContext,
  prefix: string,
): void {
  registerServiceRoutes(v2, ctx, prefix);

  /** The caller and the verify service the path names ('' the tenant's default). */
  const underService = async (request: FastifyRequest<ServiceParams>, scope: Scope) => {
    const caller = await ctx.authorize(request, scope);
    const service = await ctx.resolveService(caller, request.params.service_sid, pathOf(request));
    return { caller, serviceId: service?.id ?? "" };
  };

  v2.post<ServiceParams>("/Services/:service_sid/Verifications", async (request, reply) => {
    const { caller, serviceId } = await underService(request, "phone:verify");
    const to = requiredParam(request.body, "To");
    const channel = requiredParam(request.body, "Channel");
    if (!(TWILIO_CHANNELS as readonly string[]).includes(channel)) {
      throw twilioErrors.invalidParameter(
        "Channel",
        `${channel} is not one of ${TWILIO_CHANNELS.join(", ")}`,
      );
    }
    if (channel !== "sms") throw twilioErrors.channelDisabled(channel);
    const sent = await ctx.handset.bareVerifications.start(caller, {
      to,
      locale: optionalParam(request.body, "Locale") ?? null,
      serviceId,
      appName: optionalParam(request.body, "CustomFriendlyName") ?? null,
      appHash: optionalParam(request.body, "AppHash") ?? null,
      customCode: optionalParam(request.body, "CustomCode") ?? null,
    });
    return reply.code(201).send(presentVerification(sent.verification, baseUrlOf(request, prefix)));
  });

  v2.get<VerificationParams>("/Services/:service_sid/Verifications/:sid", async (request) => {
    const { caller, serviceId } = await underService(request, "phone:read");
    const id = verificationIdOf(request, request.params.sid);
    const found = await ctx.handset.bareVerifications.get(caller, id, serviceId);
    return presentVerification(found.verification, baseUrlOf(request, prefix));
  });

  v2.post<VerificationParams>("/Services/:service_sid/Verifications/:sid", async (request) => {
    // Approving without a code vouches for the number: the scope that changes numbers. The credential
    // is checked before the parameter, so that a bad one is no oracle to a caller without credentials.
    const asked = (request.body as Record<string, unknown> | null | undefined)?.Status;
    const { caller, serviceId } = await underService(
      request,
      asked === "approved" ? "phone:write" : "phone:verify",
    );
    const status = requiredParam(request.body, "Status");
    if (status !== "canceled" && status !== "approved") {
      throw twilioErrors.invalidParameter("Status", "it is canceled or approved");
    }
    const id = verificationIdOf(request, request.params.sid);
    const closed =
      status === "approved"
        ? await ctx.handset.bareVerifications.approve(caller, id, serviceId)
        : await ctx.handset.bareVerifications.cancel(caller, id, serviceId);
    return presentVerification(closed.verification, baseUrlOf(request, prefix));
  });

  v2.post<ServiceParams>("/Services/:service_sid/VerificationCheck", async (request) => {
    const { caller, serviceId } = await underService(request, "phone:verify");
    const code = requiredParam(request.body, "Code");
    const sid = optionalParam(request.body, "VerificationSid");
    const to = optionalParam(request.body, "To");
    if (sid === undefined && to === undefined) throw twilioErrors.missingParameter("To");
    const id = sid === undefined ? undefined : verificationIdOf(request, sid);
    try {
      const checked = await ctx.handset.bareVerifications.check(
        caller,
        id !== undefined ? { id, serviceId } : { to: to ?? "", serviceId },
        code,
      );
      return presentVerificationCheck(checked.verification);
    } catch (error) {
      if (!isHandsetError(error) || error.code !== "CODE_INVALID") throw error;
      return wrongCode(caller, id ?? error.details.verificationId, serviceId);
    }
  });

  /**
   * A wrong code is counted and answered as Twilio does: 200, `pending`, `valid: false`, with the
   * verification it counted against (a check by `To` learns which from the refusal). Read after the
   * guess committed, the verification may have moved on (another check approved it): this guess was
   * still wrong, and is answered so.
   */
  async function wrongCode(caller: Caller, id: string | undefined, serviceId: string) {
    if (id === undefined) throw new Error("a counted wrong code names no verification");
    const { verification } = await ctx.handset.bareVerifications.get(caller, id, serviceId);
    return { ...presentVerificationCheck(verification), status: "pending", valid: false };
  }
}
