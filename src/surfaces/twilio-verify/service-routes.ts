import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Caller } from "../../services/caller.js";
import type { TwilioVerifyContext } from "./context.js";
import { twilioErrors } from "./errors.js";
import { optionalParam } from "./params.js";
import { presentDefaultService, presentService } from "./present-service.js";
import { serviceInputOf } from "./service-params.js";
import { baseUrlOf, pathOf } from "./urls.js";

type ServiceParams = { Params: { service_sid: string } };

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

/** Twilio's `PageSize` (1 to 1000) and `Page` (from 0) query parameters. */
function pageOf(query: unknown): { page: number; pageSize: number } {
  const read = (name: string, min: number, max: number, fallback: number) => {
    const value = optionalParam(query, name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!/^\d{1,9}$/.test(value) || n < min || n > max) {
      throw twilioErrors.invalidParameter(name, `a whole number from ${min} to ${max}`);
    }
    return n;
  };
  return { pageSize: read("PageSize", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE), page: read("Page", 0, 1e9, 0) };
}

/**
 * Twilio Verify's Services over Handset's verify services (docs/twilio-verify.md): the tenant's default
 * service (its own settings: read only here) first, then the ones created here, oldest first.
 */
export function registerServiceRoutes(v2: FastifyInstance, ctx: TwilioVerifyContext, prefix: string): void {
  const defaultService = (request: FastifyRequest, caller: Caller) =>
    presentDefaultService(
      { tenantId: caller.tenantId, appName: ctx.appNameOf(caller.tenantId), codeLength: ctx.codeLength },
      baseUrlOf(request, prefix),
    );

  /** The stored service a path names; the default one cannot be changed or deleted here. */
  const storedService = async (request: FastifyRequest<ServiceParams>, caller: Caller) => {
    const service = await ctx.resolveService(caller, request.params.service_sid, pathOf(request));
    if (service === null) {
      throw twilioErrors.forbidden(
        "This is the tenant's default service: its settings are the tenant's (PATCH /v1/settings, " +
          "handset tenants settings set, HANDSET_CODE_LENGTH). Create a Service to have settings of its own.",
      );
    }
    return service.id;
  };

  v2.get("/Services", async (request) => {
    const caller = await ctx.authorize(request, "phone:read");
    const { page, pageSize } = pageOf(request.query);
    // Item 0 is the default service; item i > 0 is the (i - 1)th stored one.
    const first = page * pageSize;
    const stored = await ctx.handset.verifyServices.list(caller, {
      offset: Math.max(first - 1, 0),
      limit: (first === 0 ? pageSize - 1 : pageSize) + 1,
    });
    const base = baseUrlOf(request, prefix);
    const all = [
      ...(first === 0 ? [defaultService(request, caller)] : []),
      ...stored.map((view) => presentService(view, ctx.codeLength, base)),
    ];
    const services = all.slice(0, pageSize);
    const url = `${base}/v2/Services`;
    const pageUrl = (n: number) => `${url}?PageSize=${pageSize}&Page=${n}`;
    return {
      services,
      meta: {
        page,
        page_size: pageSize,
        first_page_url: pageUrl(0),
        previous_page_url: page > 0 ? pageUrl(page - 1) : null,
        url: pageUrl(page),
        next_page_url: all.length > pageSize ? pageUrl(page + 1) : null,
        key: "services",
      },
    };
  });

  v2.get<ServiceParams>("/Services/:service_sid", async (request) => {
    const caller = await ctx.authorize(request, "phone:read");
    const service = await ctx.resolveService(caller, request.params.service_sid, pathOf(request));
    if (service === null) return defaultService(request, caller);
    return presentService(service, ctx.codeLength, baseUrlOf(request, prefix));
  });

  v2.post("/Services", async (request, reply) => {
    const caller = await ctx.authorize(request, "phone:write");
    const input = serviceInputOf(request.body);
    if (input.friendlyName === undefined) throw twilioErrors.missingParameter("FriendlyName");
    const view = await ctx.handset.verifyServices.create(caller, input);
    return reply.code(201).send(presentService(view, ctx.codeLength, baseUrlOf(request, prefix)));
  });

  v2.post<ServiceParams>("/Services/:service_sid", async (request) => {
    const caller = await ctx.authorize(request, "phone:write");
    const id = await storedService(request, caller);
    const view = await ctx.handset.verifyServices.update(caller, id, serviceInputOf(request.body));
    return presentService(view, ctx.codeLength, baseUrlOf(request, prefix));
  });

  v2.delete<ServiceParams>("/Services/:service_sid", async (request, reply) => {
    const caller = await ctx.authorize(request, "phone:write");
    const id = await storedService(request, caller);
    await ctx.handset.verifyServices.remove(caller, id);
    return reply.code(204).send();
  });
}
