import type { OutboxClaim } from "../delivery/handoff.js";
import { newId } from "../domain/ids.js";
import type { OutboxRow, VerificationRow } from "../store/schema.js";

/** What a verify service or a verification asks the SMS to say instead of the tenant's settings. */
export interface SmsRendering {
  /** The `{app}` of the text (a service's friendly name, a `CustomFriendlyName`); null: the tenant's. */
  appName: string | null;
  /** The Android SMS Retriever hash to end the text with; null: the tenant's. */
  appHash: string | null;
}

export const NO_RENDERING: SmsRendering = { appName: null, appHash: null };

/**
 * The SMS to queue for a send, claimed by this process when its dispatcher can take it at commit
 * (`claim`). It is written with the send's other writes, and handed over with the code inputs once the
 * transaction is durable, so that delivery reads nothing. Its text is rendered at delivery, in
 * `locale` (null: the tenant's default), so that no code rests in the outbox.
 */
export function queuedSms(
  verification: VerificationRow,
  now: number,
  locale: string | null,
  claim: OutboxClaim,
  rendering: SmsRendering = NO_RENDERING,
): OutboxRow {
  return {
    id: newId("msg", now),
    tenant_id: verification.tenant_id,
    verification_id: verification.id,
    to_e164: verification.e164,
    template: "verification_code",
    ...claim,
    next_attempt_at: now,
    provider: null,
    provider_message_id: null,
    last_error: null,
    created_at: now,
    sent_at: null,
    locale,
    encoding: null,
    segments: null,
    failed_at: null,
    receipt_status: null,
    receipt_error: null,
    receipt_at: null,
    app_name: rendering.appName,
    app_hash: rendering.appHash,
  };
}
