import type { Selectable } from "kysely";

/** App webhooks' tables (migration 017, docs/webhooks.md); times in epoch milliseconds, as in schema.ts. */
type Millis = number;

/** A tenant's app webhook receiver (migration 017, docs/webhooks.md). */
export interface WebhookEndpointTable {
  id: string;
  tenant_id: string;
  url: string;
  description: string;
  /** Space-separated public event types, or `*`. */
  event_types: string;
  /** `whsec_...`: kept as is, since it signs. */
  secret: string;
  /** The secret before the last rotation, signed with too until `previous_secret_until`. */
  previous_secret: string | null;
  previous_secret_until: Millis | null;
  enabled: number;
  disabled_reason: string | null;
  disabled_at: Millis | null;
  /** When the current run of failed attempts began; null after a success. */
  failing_since: Millis | null;
  /** The event-log types the subscription reads, ` a b ` (a space at each end), for the fan-out trigger. */
  internal_types: string;
  sequence: number;
  created_at: Millis;
  updated_at: Millis;
}

export type WebhookDeliveryStatus = "pending" | "sending" | "succeeded" | "failed";

/** One event for one endpoint (migration 017). */
export interface WebhookDeliveryTable {
  id: string;
  tenant_id: string;
  endpoint_id: string;
  event_id: string;
  /** The event's type in the log (its public type is `publicTypeOf` it). */
  event_type: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Millis | null;
  locked_until: Millis | null;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: Millis | null;
  succeeded_at: Millis | null;
  created_at: Millis;
}

export type WebhookAttemptOutcome = "succeeded" | "retry" | "failed";

/** The delivery log: one HTTP attempt of a delivery (migration 017). */
export interface WebhookAttemptTable {
  id: string;
  tenant_id: string;
  delivery_id: string;
  attempt: number;
  started_at: Millis;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  outcome: WebhookAttemptOutcome;
  /** When the next attempt is due, when this one scheduled one. */
  next_attempt_at: Millis | null;
}

export type WebhookEndpointRow = Selectable<WebhookEndpointTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;
export type WebhookAttemptRow = Selectable<WebhookAttemptTable>;
