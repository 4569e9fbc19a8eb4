import type { MessageView } from "../../services/message-view.js";
import type { PhoneNumberView, UserView, VerificationView } from "../../services/views.js";

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

export function presentVerification(v: VerificationView) {
  return {
    id: v.id,
    phone_number_id: v.phoneNumberId,
    status: v.status,
    strategy: v.strategy,
    attempts_used: v.attemptsUsed,
    attempts_left: v.attemptsLeft,
    max_attempts: v.maxAttempts,
    sends_used: v.sendsUsed,
    sends_left: v.sendsLeft,
    expires_at: iso(v.expiresAt),
    resend_available_at: isoOrNull(v.resendAvailableAt),
    created_at: iso(v.createdAt),
  };
}

export function presentPhoneNumber(p: PhoneNumberView) {
  return {
    id: p.id,
    user_id: p.userId,
    phone_number: p.e164,
    region: p.region,
    number_type: p.numberType,
    primary: p.primary,
    verified: p.verified,
    verified_at: isoOrNull(p.verifiedAt),
    verification_strategy: p.verificationStrategy,
    reserved_for_second_factor: p.reservedForSecondFactor,
    default_second_factor: p.defaultSecondFactor,
    verification: p.verification ? presentVerification(p.verification) : null,
    created_at: iso(p.createdAt),
    updated_at: iso(p.updatedAt),
  };
}

export function presentUser(u: UserView) {
  return {
    id: u.id,
    external_id: u.externalId,
    primary_phone_number_id: u.primaryPhoneNumberId,
    phone_numbers: u.phoneNumbers.map(presentPhoneNumber),
    created_at: iso(u.createdAt),
    updated_at: iso(u.updatedAt),
  };
}

export function presentMessage(m: MessageView) {
  return {
    id: m.id,
    phone_number_id: m.phoneNumberId,
    verification_id: m.verificationId,
    to: m.to,
    status: m.status,
    provider: m.provider,
    provider_message_id: m.providerMessageId,
    locale: m.locale,
    encoding: m.encoding,
    segments: m.segments,
    delivery_attempts: m.deliveryAttempts,
    error: m.error,
    created_at: iso(m.createdAt),
    sent_at: isoOrNull(m.sentAt),
    receipt_at: isoOrNull(m.receiptAt),
    failed_at: isoOrNull(m.failedAt),
  };
}
