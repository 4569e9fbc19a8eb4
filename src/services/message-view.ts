import { type MessageStatus, messageStatus } from "../domain/message-status.js";
import type { SmsEncoding } from "../domain/sms-text.js";
import type { OutboxRow } from "../store/schema.js";

/** An SMS as users see it: where it went, through whom, and what became of it. */
export interface MessageView {
  id: string;
  /** Null for a message to a bare number (docs/verifications.md) not attached to a user's number. */
  phoneNumberId: string | null;
  verificationId: string;
  to: string;
  status: MessageStatus;
  provider: string | null;
  providerMessageId: string | null;
  locale: string | null;
  encoding: SmsEncoding | null;
  segments: number | null;
  deliveryAttempts: number;
  /** The receipt's error, else Handset's last delivery error (a retry's, or the final one). */
  error: string | null;
  createdAt: number;
  sentAt: number | null;
  /** When the provider's receipt said delivered or undelivered (or failed downstream). */
  receiptAt: number | null;
  failedAt: number | null;
}

export function toMessageView(row: OutboxRow, phoneNumberId: string | null): MessageView {
  return {
    id: row.id,
    phoneNumberId,
    verificationId: row.verification_id,
    to: row.to_e164,
    status: messageStatus(row.status, row.receipt_status),
    provider: row.provider,
    providerMessageId: row.provider_message_id,
    locale: row.locale,
    encoding: row.encoding,
    segments: row.segments === null ? null : Number(row.segments),
    deliveryAttempts: Number(row.delivery_attempts),
    error: row.receipt_error ?? row.last_error,
    createdAt: Number(row.created_at),
    sentAt: row.sent_at === null ? null : Number(row.sent_at),
    receiptAt: row.receipt_at === null ? null : Number(row.receipt_at),
    failedAt: row.failed_at === null ? null : Number(row.failed_at),
  };
}
