import { z } from "zod";
import { ALL_EVENTS, PUBLIC_EVENT_TYPES } from "../../domain/webhook-events.js";

/** Wire shapes of the webhook routes (src/surfaces/native/present-webhooks.ts fills them). */
const isoTime = z.iso.datetime().describe("RFC 3339 time, UTC");
const EventType = z.enum([ALL_EVENTS, ...PUBLIC_EVENT_TYPES]);

export const WebhookEndpointSchema = z
  .object({
    id: z.string().meta({ example: "whep_01jdz8m3k9q4r6s7t8v9w0x1y2" }),
    tenant_id: z.string(),
    url: z.string().meta({ example: "https://app.example.com/hooks/handset" }),
    description: z.string(),
    event_types: z
      .array(z.string())
      .describe(`Public event types, or ["*"] for all: ${EventType.options.join(", ")}`),
    enabled: z.boolean(),
    disabled_reason: z.string().nullable(),
    disabled_at: isoTime.nullable(),
    failing_since: isoTime.nullable().describe("Since when every attempt failed; null once one succeeds"),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .meta({ id: "WebhookEndpoint" });

export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z.string().describe("`whsec_...`, shown this once: verify each webhook's signature with it"),
}).meta({ id: "WebhookEndpointWithSecret" });

export const WebhookEndpointPageSchema = z
  .object({ data: z.array(WebhookEndpointSchema), next_cursor: z.string().nullable() })
  .meta({ id: "WebhookEndpointPage" });

const deliveryFields = {
  id: z.string().meta({ example: "whd_0f3a9c2b7d4e1f6a8b9c0d1e2f" }),
  endpoint_id: z.string(),
  event_id: z.string().describe("Also the `webhook-id` header: the same on every retry and replay"),
  event_type: z.string(),
  status: z.enum(["pending", "sending", "succeeded", "failed"]),
  attempts: z.number().int(),
  next_attempt_at: isoTime.nullable(),
  last_status_code: z.number().int().nullable(),
  last_error: z.string().nullable(),
  last_attempt_at: isoTime.nullable(),
  succeeded_at: isoTime.nullable(),
  created_at: isoTime,
};

export const WebhookDeliverySchema = z.object(deliveryFields).meta({ id: "WebhookDelivery" });

export const WebhookDeliveryDetailSchema = z
  .object({
    ...deliveryFields,
    attempt_log: z.array(
      z.object({
        attempt: z.number().int(),
        started_at: isoTime,
        duration_ms: z.number().int(),
        status_code: z.number().int().nullable(),
        error: z.string().nullable(),
        outcome: z.enum(["succeeded", "retry", "failed"]),
        next_attempt_at: isoTime.nullable(),
      }),
    ),
  })
  .meta({ id: "WebhookDeliveryDetail" });

export const WebhookDeliveryPageSchema = z
  .object({ data: z.array(WebhookDeliverySchema), next_cursor: z.string().nullable() })
  .meta({ id: "WebhookDeliveryPage" });

export const CreateWebhookEndpointBody = z
  .object({
    url: z.string().min(1).max(2048),
    event_types: z.array(z.string().min(1).max(64)).min(1).max(50),
    description: z.string().max(500).optional(),
  })
  .strict();

export const UpdateWebhookEndpointBody = z
  .object({
    url: z.string().min(1).max(2048).optional(),
    event_types: z.array(z.string().min(1).max(64)).min(1).max(50).optional(),
    description: z.string().max(500).optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const WebhookEndpointParams = z.object({ id: z.string().min(1).max(64) });
export const WebhookDeliveryParams = z.object({
  id: z.string().min(1).max(64),
  delivery_id: z.string().min(1).max(64),
});

export const ListWebhookEndpointsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: z.string().min(1).max(64).optional().describe("`next_cursor` of the previous page"),
});

export const ListWebhookDeliveriesQuery = z.object({
  status: z.enum(["pending", "sending", "succeeded", "failed"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: z.string().min(1).max(200).optional().describe("`next_cursor` of the previous page"),
});
