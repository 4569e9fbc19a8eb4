import type { WebhookDeliveryDetail, WebhookDeliveryView } from "../../services/webhook-deliveries.js";
import type { WebhookEndpointView, WebhookEndpointWithSecret } from "../../services/webhook-endpoints.js";

/** The admin API's snake_case answers for webhook endpoints and deliveries (the CLI's `--json` too). */
const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

export function presentWebhookEndpoint(e: WebhookEndpointView) {
  return {
    id: e.id,
    tenant_id: e.tenantId,
    url: e.url,
    description: e.description,
    event_types: e.eventTypes,
    enabled: e.enabled,
    disabled_reason: e.disabledReason,
    disabled_at: isoOrNull(e.disabledAt),
    failing_since: isoOrNull(e.failingSince),
    created_at: iso(e.createdAt),
    updated_at: iso(e.updatedAt),
  };
}

/** An endpoint just created, or its secret just rotated: the secret, shown this once. */
export function presentWebhookEndpointWithSecret(e: WebhookEndpointWithSecret) {
  return { ...presentWebhookEndpoint(e), secret: e.secret };
}

export function presentWebhookDelivery(d: WebhookDeliveryView) {
  return {
    id: d.id,
    endpoint_id: d.endpointId,
    event_id: d.eventId,
    event_type: d.eventType,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: isoOrNull(d.nextAttemptAt),
    last_status_code: d.lastStatusCode,
    last_error: d.lastError,
    last_attempt_at: isoOrNull(d.lastAttemptAt),
    succeeded_at: isoOrNull(d.succeededAt),
    created_at: iso(d.createdAt),
  };
}

export function presentWebhookDeliveryDetail(d: WebhookDeliveryDetail) {
  return {
    ...presentWebhookDelivery(d),
    attempt_log: d.attemptLog.map((a) => ({
      attempt: a.attempt,
      started_at: iso(a.startedAt),
      duration_ms: a.durationMs,
      status_code: a.statusCode,
      error: a.error,
      outcome: a.outcome,
      next_attempt_at: isoOrNull(a.nextAttemptAt),
    })),
  };
}
