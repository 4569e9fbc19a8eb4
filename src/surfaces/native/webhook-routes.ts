import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { NativeContext } from "./context.js";
import {
  presentWebhookDelivery,
  presentWebhookDeliveryDetail,
  presentWebhookEndpoint,
  presentWebhookEndpointWithSecret,
} from "./present-webhooks.js";
import { errorResponses } from "./schemas.js";
import {
  CreateWebhookEndpointBody,
  ListWebhookDeliveriesQuery,
  ListWebhookEndpointsQuery,
  UpdateWebhookEndpointBody,
  WebhookDeliveryDetailSchema,
  WebhookDeliveryPageSchema,
  WebhookDeliveryParams,
  WebhookDeliverySchema,
  WebhookEndpointPageSchema,
  WebhookEndpointParams,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
} from "./webhook-schemas.js";

const WebhookEndpointDeletedSchema = z
  .object({ id: z.string(), deleted: z.literal(true) })
  .meta({ id: "WebhookEndpointDeleted" });

/** The tenant's app webhook endpoints and their delivery log (docs/webhooks.md), for admin keys. */
export function registerWebhookRoutes(app: FastifyInstance, ctx: NativeContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Webhooks (admin)"];
  const webhooks = ctx.handset.webhooks;
  const deliveries = ctx.handset.webhookDeliveries;

  r.post(
    "/webhooks",
    {
      schema: {
        operationId: "createWebhookEndpoint",
        tags,
        summary: "Register a webhook endpoint",
        description:
          "Answers the signing secret (`whsec_...`) once (201). Every event of the listed types (or `*`) is POSTed to the URL, signed per Standard Webhooks.",
        body: CreateWebhookEndpointBody,
        response: { 201: WebhookEndpointWithSecretSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = await ctx.authorize(request, "admin", "webhooks:write");
      const body = request.body;
      const created = await webhooks.create(caller, {
        url: body.url,
        eventTypes: body.event_types,
        description: body.description,
      });
      return reply.code(201).send(presentWebhookEndpointWithSecret(created));
    },
  );

  r.get(
    "/webhooks",
    {
      schema: {
        operationId: "listWebhookEndpoints",
        tags,
        summary: "List the tenant's webhook endpoints",
        querystring: ListWebhookEndpointsQuery,
        response: { 200: WebhookEndpointPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "webhooks:read");
      const page = await webhooks.list(caller, { limit: request.query.limit, after: request.query.after });
      return { data: page.endpoints.map(presentWebhookEndpoint), next_cursor: page.nextCursor };
    },
  );

  r.get(
    "/webhooks/:id",
    {
      schema: {
        operationId: "getWebhookEndpoint",
        tags,
        summary: "Show a webhook endpoint (never its secret)",
        params: WebhookEndpointParams,
        response: { 200: WebhookEndpointSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "webhooks:read");
      return presentWebhookEndpoint(await webhooks.get(caller, request.params.id));
    },
  );

  r.patch(
    "/webhooks/:id",
    {
      schema: {
        operationId: "updateWebhookEndpoint",
        tags,
        summary: "Change a webhook endpoint's URL, event types, description or enabled state",
        description:
          "`enabled: true` turns a disabled endpoint back on and ends its run of failures; deliveries given up meanwhile stay so (replay one to send it).",
        params: WebhookEndpointParams,
        body: UpdateWebhookEndpointBody,
        response: { 200: WebhookEndpointSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "webhooks:write");
      const body = request.body;
      const updated = await webhooks.update(caller, request.params.id, {
        url: body.url,
        eventTypes: body.event_types,
        description: body.description,
        enabled: body.enabled,
      });
      return presentWebhookEndpoint(updated);
    },
  );

  r.delete(
    "/webhooks/:id",
    {
      schema: {
        operationId: "deleteWebhookEndpoint",
        tags,
        summary: "Delete a webhook endpoint with its delivery log",
        params: WebhookEndpointParams,
        response: { 200: WebhookEndpointDeletedSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "webhooks:write");
      await webhooks.remove(caller, request.params.id);
      return { id: request.params.id, deleted: true as const };
    },
  );

  r.post(
    "/webhooks/:id/rotate-secret",
    {
      schema: {
        operationId: "rotateWebhookSecret",
        tags,
        summary: "Give a webhook endpoint a new secret",
        description:
          "Answers the new secret once. For 24 hours each webhook carries a signature under the old secret too, so receivers can switch without a gap.",
        params: WebhookEndpointParams,
        response: { 200: WebhookEndpointWithSecretSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "webhooks:write");
      return presentWebhookEndpointWithSecret(await webhooks.rotateSecret(caller, request.params.id));
    },
  );

  r.get(
    "/webhooks/:id/deliveries",
    {
      schema: {
        operationId: "listWebhookDeliveries",
        tags,
        summary: "An endpoint's delivery log, newest first",
        querystring: ListWebhookDeliveriesQuery,
        params: WebhookEndpointParams,
        response: { 200: WebhookDeliveryPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "webhooks:read");
      const q = request.query;
      const page = await deliveries.list(caller, request.params.id, {
        status: q.status,
        limit: q.limit,
        after: q.after,
      });
      return { data: page.deliveries.map(presentWebhookDelivery), next_cursor: page.nextCursor };
    },
  );

  r.get(
    "/webhooks/:id/deliveries/:delivery_id",
    {
      schema: {
        operationId: "getWebhookDelivery",
        tags,
        summary: "One delivery with its attempts (status code, duration, error, next try)",
        params: WebhookDeliveryParams,
        response: { 200: WebhookDeliveryDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "webhooks:read");
      const { id, delivery_id } = request.params;
      return presentWebhookDeliveryDetail(await deliveries.get(caller, id, delivery_id));
    },
  );

  r.post(
    "/webhooks/:id/deliveries/:delivery_id/replay",
    {
      schema: {
        operationId: "replayWebhookDelivery",
        tags,
        summary: "Send a delivery again now",
        description:
          "With the same `webhook-id`. An attempt under way is left to finish; a disabled endpoint's deliveries go once it is enabled.",
        params: WebhookDeliveryParams,
        response: { 200: WebhookDeliverySchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "webhooks:write");
      const { id, delivery_id } = request.params;
      return presentWebhookDelivery(await deliveries.replay(caller, id, delivery_id));
    },
  );
}
