import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { VerifyServiceView } from "../../services/verify-services.js";
import type { NativeContext } from "./context.js";
import { errorResponses } from "./schemas.js";
import {
  CreateVerifyServiceBody,
  ListVerifyServicesQuery,
  UpdateVerifyServiceBody,
  VerifyServiceDeletedSchema,
  VerifyServicePageSchema,
  VerifyServiceParams,
  VerifyServiceSchema,
} from "./verify-service-schemas.js";

export function presentVerifyService(view: VerifyServiceView) {
  const s = view.settings;
  return {
    id: view.id,
    tenant_id: view.tenantId,
    friendly_name: view.friendlyName,
    code_length: s.codeLength,
    custom_code_enabled: s.customCodeEnabled,
    twilio: {
      lookup_enabled: s.lookupEnabled,
      psd2_enabled: s.psd2Enabled,
      dtmf_input_required: s.dtmfInputRequired,
      do_not_share_warning_enabled: s.doNotShareWarningEnabled,
      verify_event_subscription_enabled: s.verifyEventSubscriptionEnabled,
      tts_name: s.ttsName,
      default_template_sid: s.defaultTemplateSid,
    },
    created_at: new Date(view.createdAt).toISOString(),
    updated_at: new Date(view.updatedAt).toISOString(),
  };
}

const tags = ["Verify services (admin)"];
const NOT_FOUND = "No such verify service in this tenant: `VERIFY_SERVICE_NOT_FOUND`";

/**
 * A tenant's verify services (Twilio Verify's Services; docs/twilio-verify.md, "Services"): named
 * verification settings that `POST /v1/verifications` takes with `service_id`. For admin keys.
 */
export function registerVerifyServiceRoutes(app: FastifyInstance, ctx: NativeContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const services = ctx.handset.verifyServices;

  r.post(
    "/verify-services",
    {
      schema: {
        operationId: "createVerifyService",
        tags,
        summary: "Create a verify service",
        description:
          "A name its SMS say and a code length of its own; the tenant's other settings (limits, budgets, " +
          "geo permissions, templates) apply to it as to every verification. Needs `phone:write`.",
        body: CreateVerifyServiceBody,
        response: { 201: VerifyServiceSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = await ctx.authorize(request, "admin", "phone:write");
      const created = await services.create(caller, {
        friendlyName: request.body.friendly_name,
        codeLength: request.body.code_length,
        customCodeEnabled: request.body.custom_code_enabled,
      });
      return reply.code(201).send(presentVerifyService(created));
    },
  );

  r.get(
    "/verify-services",
    {
      schema: {
        operationId: "listVerifyServices",
        tags,
        summary: "List the tenant's verify services",
        description:
          "Oldest first. The tenant's default service (its own settings, used when no `service_id` is " +
          "given) is not listed. Needs `phone:read`.",
        querystring: ListVerifyServicesQuery,
        response: { 200: VerifyServicePageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "phone:read");
      const { limit, after } = request.query;
      const page = await services.list(caller, { limit: limit + 1, after });
      const data = page.slice(0, limit);
      const last = data.at(-1);
      return {
        data: data.map(presentVerifyService),
        next_cursor: page.length > limit && last ? last.id : null,
      };
    },
  );

  r.get(
    "/verify-services/:service_id",
    {
      schema: {
        operationId: "getVerifyService",
        tags,
        summary: "Show a verify service",
        responseDescriptions: { 404: NOT_FOUND },
        params: VerifyServiceParams,
        response: { 200: VerifyServiceSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "phone:read");
      return presentVerifyService(await services.get(caller, request.params.service_id));
    },
  );

  r.patch(
    "/verify-services/:service_id",
    {
      schema: {
        operationId: "updateVerifyService",
        tags,
        summary: "Rename a verify service, change its code length or allow custom codes",
        description:
          "Verifications already started keep the code length they were issued with. Needs `phone:write`.",
        responseDescriptions: { 404: NOT_FOUND },
        params: VerifyServiceParams,
        body: UpdateVerifyServiceBody,
        response: { 200: VerifyServiceSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "phone:write");
      const updated = await services.update(caller, request.params.service_id, {
        friendlyName: request.body.friendly_name,
        codeLength: request.body.code_length,
        customCodeEnabled: request.body.custom_code_enabled,
      });
      return presentVerifyService(updated);
    },
  );

  r.delete(
    "/verify-services/:service_id",
    {
      schema: {
        operationId: "deleteVerifyService",
        tags,
        summary: "Delete a verify service",
        description:
          "Its open verifications are canceled (their codes are refused from now on) and stay readable " +
          "by id. Needs `phone:write`.",
        responseDescriptions: { 404: NOT_FOUND },
        params: VerifyServiceParams,
        response: { 200: VerifyServiceDeletedSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "phone:write");
      const id = request.params.service_id;
      const { canceledVerifications } = await services.remove(caller, id);
      return { id, deleted: true as const, canceled_verifications: canceledVerifications };
    },
  );
}
