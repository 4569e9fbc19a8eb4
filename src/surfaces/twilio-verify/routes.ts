import type { FastifyInstance, FastifyRequest } from "fastify";
import { isHandsetError } from "../../domain/errors.js";
import type { Scope } from "../../domain/scopes.js";
import type { Caller } from "../../services/caller.js";
import type { TwilioVerifyContext } from "./context.js";
import { twilioErrors } from "./errors.js";
import { optionalParam, requiredParam, TWILIO_CHANNELS } from "./params.js";
import {
  presentPendingCheck,
  presentService,
  presentVerification,
  presentVerificationCheck,
} from "./present.js";
import { fromVerificationSid } from "./sids.js";

type ServiceParams = { Params: { service_sid: string } };
type VerificationParams = { Params: { service_sid: string; sid: string } };

const pathOf = (request: FastifyRequest) => request.url.split("?")[0] ?? "";

/** The absolute URL of the surface's mount, as Twilio's `url` fields are absolute. */
function baseUrlOf(request: FastifyRequest, prefix: string): string {
  return `${request.protocol}://${request.host}${prefix}`;
}

/** Handset's id for a Verification SID of the caller's service; Twilio's 404 for anything else. */
function verificationIdOf(request: FastifyRequest, sid: string): string {
  const id = fromVerificationSid(sid);
  if (id === null) throw twilioErrors.notFound(pathOf(request));
  return id;
}

/**
 * Twilio Verify v2: the tenant's one Service, its Verifications and VerificationCheck, over
 * `handset.bareVerifications` (docs/twilio-verify.md).
 */
export function registerTwilioVerifyRoutes(
  v2: FastifyInstance,
  ctx: TwilioVerifyContext,
  prefix: string,
): void {
  const service = async (request: FastifyRequest<ServiceParams>, scope: Scope) => {
    const caller = await ctx.authorize(request, scope);
    ctx.assertService(caller, request.params.service_sid, pathOf(request));
    return caller;
  };

  v2.get("/Services", async (request) => {
    const caller = await ctx.authorize(request, "phone:read");
    const url = `${baseUrlOf(request, prefix)}/v2/Services`;
    const page = `${url}?PageSize=50&Page=0`;
    return {
      services: [presentService(caller.tenantId, ctx.codeLength, baseUrlOf(request, prefix))],
      meta: {
        page: 0,
        page_size: 50,
        first_page_url: page,
        previous_page_url: null,
        url: page,
        next_page_url: null,
        key: "services",
      },
    };
  });

  v2.get<ServiceParams>("/Services/:service_sid", async (request) => {
    const caller = await service(request, "phone:read");
    return presentService(caller.tenantId, ctx.codeLength, baseUrlOf(request, prefix));
  });

  // One service per tenant, derived from it: nothing to create, change or delete (docs/twilio-verify.md).
  const unsupported =
    "Handset serves one Verify Service per tenant: it cannot be created, updated or deleted.";
  v2.post("/Services", async (request) => {
    await ctx.authorize(request, "phone:write");
    throw twilioErrors.forbidden(unsupported);
  });
  v2.post<ServiceParams>("/Services/:service_sid", async (request) => {
    await service(request, "phone:write");
    throw twilioErrors.forbidden(unsupported);
  });
  v2.delete<ServiceParams>("/Services/:service_sid", async (request) => {
    await service(request, "phone:write");
    throw twilioErrors.forbidden(unsupported);
  });

  v2.post<ServiceParams>("/Services/:service_sid/Verifications", async (request, reply) => {
    const caller = await service(request, "phone:verify");
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
    });
    return reply.code(201).send(presentVerification(sent.verification, baseUrlOf(request, prefix)));
  });

  v2.get<VerificationParams>("/Services/:service_sid/Verifications/:sid", async (request) => {
    const caller = await service(request, "phone:read");
    const id = verificationIdOf(request, request.params.sid);
    const found = await ctx.handset.bareVerifications.get(caller, id);
    return presentVerification(found.verification, baseUrlOf(request, prefix));
  });

  v2.post<VerificationParams>("/Services/:service_sid/Verifications/:sid", async (request) => {
    // Approving without a code vouches for the number: the scope that changes numbers. The credential
    // is checked before the parameter, so that a bad one is no oracle to a caller without credentials.
    const asked = (request.body as Record<string, unknown> | null | undefined)?.Status;
    const caller = await service(request, asked === "approved" ? "phone:write" : "phone:verify");
    const status = requiredParam(request.body, "Status");
    if (status !== "canceled" && status !== "approved") {
      throw twilioErrors.invalidParameter("Status", "it is canceled or approved");
    }
    const id = verificationIdOf(request, request.params.sid);
    const closed =
      status === "approved"
        ? await ctx.handset.bareVerifications.approve(caller, id)
        : await ctx.handset.bareVerifications.cancel(caller, id);
    return presentVerification(closed.verification, baseUrlOf(request, prefix));
  });

  v2.post<ServiceParams>("/Services/:service_sid/VerificationCheck", async (request) => {
    const caller = await service(request, "phone:verify");
    const code = requiredParam(request.body, "Code");
    const sid = optionalParam(request.body, "VerificationSid");
    const to = optionalParam(request.body, "To");
    if (sid === undefined && to === undefined) throw twilioErrors.missingParameter("To");
    const id = sid === undefined ? undefined : verificationIdOf(request, sid);
    try {
      const checked = await ctx.handset.bareVerifications.check(
        caller,
        id !== undefined ? { id } : { to: to ?? "" },
        code,
      );
      return presentVerificationCheck(checked.verification);
    } catch (error) {
      if (!isHandsetError(error) || error.code !== "CODE_INVALID") throw error;
      return wrongCode(caller, id, to ?? "");
    }
  });

  /** A wrong code is counted and answered as Twilio does: 200, `pending`, `valid: false`. */
  async function wrongCode(caller: Caller, id: string | undefined, to: string) {
    if (id === undefined) return presentPendingCheck(caller.tenantId, to, ctx.clock.now());
    return presentVerificationCheck((await ctx.handset.bareVerifications.get(caller, id)).verification);
  }
}
