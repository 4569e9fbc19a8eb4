import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { MessageStatusFilter } from "../../domain/message-status.js";
import type { NativeContext } from "./context.js";
import {
  EventLogQuery,
  EventPageSchema,
  LookupQuery,
  MessageLogQuery,
  MessagePageSchema,
  PhoneNumberLookupSchema,
} from "./operator-schemas.js";
import { presentMessage } from "./present.js";
import { presentEvent, presentLookup } from "./present-operator.js";
import { errorResponses } from "./schemas.js";

/** `failed,undelivered` to a list; the service refuses a word that is not a status. */
function statusList(status: string | undefined): MessageStatusFilter[] | undefined {
  if (status === undefined) return undefined;
  return status.split(",").map((s) => s.trim()) as MessageStatusFilter[];
}

/**
 * The operator's reads, for admin keys: who holds a number, the tenant's messages by delivery status
 * (the delivery failures), and the event log. User tokens are refused (403).
 */
export function registerOperatorRoutes(app: FastifyInstance, ctx: NativeContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/lookup/phone-numbers",
    {
      schema: {
        operationId: "lookupPhoneNumber",
        tags: ["Lookup (admin)"],
        summary: "Find who holds a phone number, its verifications and messages",
        description:
          "Searches the key's tenant; with all_tenants=true (needs tenants:manage) every tenant. A number nobody holds answers empty lists, not 404. Never shows a code.",
        querystring: LookupQuery,
        response: { 200: PhoneNumberLookupSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "phone:read");
      const found = await ctx.handset.lookup.phoneNumber(caller, request.query.phone_number ?? "", {
        allTenants: request.query.all_tenants === true,
        region: request.query.region,
      });
      return presentLookup(found);
    },
  );

  r.get(
    "/messages",
    {
      schema: {
        operationId: "listMessages",
        tags: ["Messages (admin)"],
        summary: "List the tenant's SMS messages by delivery status and time",
        description:
          "Newest first, with cursor pagination. status=failed,undelivered lists the delivery failures.",
        querystring: MessageLogQuery,
        response: { 200: MessagePageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "phone:read");
      const { status, since, until, limit, after } = request.query;
      const page = await ctx.handset.messages.list(caller, {
        status: statusList(status),
        since,
        until,
        limit,
        after,
      });
      return { data: page.messages.map(presentMessage), next_cursor: page.nextCursor };
    },
  );

  r.get(
    "/events",
    {
      schema: {
        operationId: "listEvents",
        tags: ["Events (admin)"],
        summary: "Read the tenant's event log",
        description:
          "Every change, newest first, with cursor pagination; filter by user, type (exact, or a prefix ending in '.') and time.",
        querystring: EventLogQuery,
        response: { 200: EventPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "events:read");
      const { user_id, type, since, until, limit, after } = request.query;
      const page = await ctx.handset.events.list(caller, {
        userId: user_id,
        type,
        since,
        until,
        limit,
        after,
      });
      return { data: page.events.map(presentEvent), next_cursor: page.nextCursor };
    },
  );
}
