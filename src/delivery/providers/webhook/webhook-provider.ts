import { Webhook } from "standardwebhooks";
import { type SmsAccepted, SmsDeliveryError, type SmsMessage, type SmsProvider } from "../../provider.js";

export interface WebhookProviderOptions {
  url: string;
  /** `whsec_...`, as the Standard Webhooks libraries take it. */
  secret: string;
  timeoutMs: number;
  now: () => number;
  /** The configured name; `webhook` unless several are configured. */
  name?: string;
}

/** The JSON a receiver gets: enough to send the SMS itself, or to hand to any SMS gateway. */
export interface WebhookPayload {
  type: "sms.verification_code";
  timestamp: string;
  data: { id: string; tenant_id: string; to: string; body: string; code: string; verification_id: string };
}

/**
 * POSTs each message as JSON signed per the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`), so a receiver verifies it with any stock library. The message id is the
 * `webhook-id`, which the spec makes the receiver's idempotency key.
 */
export function createWebhookProvider(options: WebhookProviderOptions): SmsProvider {
  const signer = new Webhook(options.secret);
  return {
    name: options.name ?? "webhook",
    development: false,
    async send(message: SmsMessage): Promise<SmsAccepted> {
      const sentAt = new Date(options.now());
      const payload: WebhookPayload = {
        type: "sms.verification_code",
        timestamp: sentAt.toISOString(),
        data: {
          id: message.id,
          tenant_id: message.tenantId,
          to: message.to,
          body: message.body,
          code: message.code,
          verification_id: message.verificationId,
        },
      };
      const body = JSON.stringify(payload);
      const signature = signer.sign(message.id, sentAt, body);
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "webhook-id": message.id,
            "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
            "webhook-signature": signature,
          },
          body,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        throw new SmsDeliveryError(`webhook unreachable: ${(error as Error).message}`, true);
      }
      const text = await response.text();
      if (!response.ok) {
        const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
        throw new SmsDeliveryError(`webhook answered ${response.status}`, retryable);
      }
      return { providerMessageId: readMessageId(text) };
    },
  };
}

/** A receiver may answer `{"id": "..."}` or `{"message_id": "..."}` to give its own message id. */
function readMessageId(text: string): string | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === "object") {
      const record = parsed as Record<string, unknown>;
      const id = record.message_id ?? record.id;
      if (typeof id === "string" && id.length > 0 && id.length <= 200) return id;
    }
  } catch {
    // A receiver owes us no body; a 2xx alone means accepted.
  }
  return null;
}
