import type { OutboxClaim } from "../delivery/handoff.js";
import { newId } from "../domain/ids.js";
import type { OutboxRow, VerificationRow } from "../store/schema.js";

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
  };
}
