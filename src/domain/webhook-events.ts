/**
 * The event types an app can subscribe its webhook endpoints to, and the internal event-log type each
 * one is made from (docs/webhooks.md lists them). The list is closed: an internal event not named here
 * (credentials, tenants, other webhook endpoints' changes) never leaves Handset, so adding an event to
 * the log never starts sending it to apps by surprise. One public type may be made from several internal
 * ones: a code sent for a user's number and one sent for a bare number are both `verification.code_sent`.
 */
export const PUBLIC_EVENT_SOURCES = {
  "user.created": ["user.created"],
  "user.deleted": ["user.deleted"],
  "phone_number.added": ["phone_number.added"],
  "phone_number.updated": ["phone_number.updated"],
  "phone_number.verified": ["phone_number.verified"],
  "phone_number.deleted": ["phone_number.removed"],
  "phone_number.add_refused": ["phone_number.add_refused"],
  "phone_number.locked": ["phone_number.guess_locked"],
  "phone_number.unlocked": ["phone_number.guess_lock_cleared"],
  "verification.code_sent": ["phone_number.code_sent", "verification.code_sent", "verification.code_resent"],
  "verification.failed": ["phone_number.code_rejected", "verification.code_rejected"],
  // A bare number's verification (POST /v1/verifications) ends approved or canceled.
  "verification.approved": ["verification.approved"],
  "verification.canceled": ["verification.canceled"],
  "sms.sent": ["sms.sent"],
  "sms.delivered": ["sms.delivered"],
  "sms.failed": ["sms.failed"],
  "budget.exceeded": ["guard.budget_exceeded"],
  "guard.destination_paused": ["guard.destination_paused"],
  "guard.destination_pause_lifted": ["guard.destination_pause_lifted"],
  "guard.destination_refused": ["guard.destination_refused"],
  "guard.phone_number_locked": ["guard.phone_number_locked"],
  "tenant.settings_changed": ["tenant.settings_changed"],
  "webhook_endpoint.disabled": ["webhook_endpoint.disabled"],
} as const;

export type PublicEventType = keyof typeof PUBLIC_EVENT_SOURCES;

/** Every public type, for the API's enum and the docs. */
export const PUBLIC_EVENT_TYPES = Object.keys(PUBLIC_EVENT_SOURCES) as PublicEventType[];

/** What an endpoint subscribes to: public types, or `*` (every public type, present and future). */
export const ALL_EVENTS = "*";

const PUBLIC_OF_INTERNAL = new Map<string, PublicEventType>(
  Object.entries(PUBLIC_EVENT_SOURCES).flatMap(([publicType, internals]) =>
    internals.map((internal): [string, PublicEventType] => [internal, publicType as PublicEventType]),
  ),
);

export function isPublicEventType(value: string): value is PublicEventType {
  return Object.hasOwn(PUBLIC_EVENT_SOURCES, value);
}

/** The public type of an internal event, or undefined when apps never see it. */
export function publicTypeOf(internalType: string): PublicEventType | undefined {
  return PUBLIC_OF_INTERNAL.get(internalType);
}

/** The internal types an endpoint's subscription reads from the event log. */
export function internalTypesFor(subscribed: readonly string[]): string[] {
  const wanted = subscribed.includes(ALL_EVENTS) ? PUBLIC_EVENT_TYPES : subscribed.filter(isPublicEventType);
  return [...new Set(wanted.flatMap((type) => PUBLIC_EVENT_SOURCES[type]))].sort();
}

/** Keys that never leave in a payload, whatever a writer put in the event (invariant 1 and secrets). */
const WITHHELD_KEY = /(^|_)(code|otp|secret|token|hash|password)(_|$)/;

function snakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/** The event's payload as apps see it: keys in snake_case, codes and secrets withheld at any depth. */
export function publicData(payload: unknown): unknown {
  if (Array.isArray(payload)) return payload.map(publicData);
  if (payload === null || typeof payload !== "object") return payload;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload as Record<string, unknown>)) {
    const name = snakeCase(key);
    if (WITHHELD_KEY.test(name)) continue;
    out[name] = publicData(value);
  }
  return out;
}

/** The fields of an event-log row a webhook is made from. */
export interface WebhookSourceEvent {
  id: string;
  tenantId: string;
  aggregateType: string;
  aggregateId: string;
  sequence: number;
  type: string;
  payload: unknown;
  createdAt: number;
}

/** The JSON body an endpoint receives, in the Standard Webhooks shape: `type`, `timestamp`, `data`. */
export interface WebhookBody {
  type: PublicEventType;
  timestamp: string;
  data: Record<string, unknown>;
}

export function webhookBody(event: WebhookSourceEvent, type: PublicEventType): WebhookBody {
  const data = publicData(event.payload);
  return {
    type,
    timestamp: new Date(event.createdAt).toISOString(),
    data: {
      ...(data !== null && typeof data === "object" && !Array.isArray(data) ? data : { value: data }),
      event_id: event.id,
      tenant_id: event.tenantId,
      ...(event.aggregateType === "user" ? { user_id: event.aggregateId } : {}),
      ...(event.aggregateType === "message" ? { message_id: event.aggregateId } : {}),
      ...(event.aggregateType === "webhook_endpoint" ? { endpoint_id: event.aggregateId } : {}),
      sequence: event.sequence,
    },
  };
}
