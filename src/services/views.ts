import { TEST_NUMBER_KEY_ID } from "../domain/code.js";
import { type OtpPolicy, outlook, type VerificationStatus } from "../domain/otp-policy.js";
import type { PhoneNumberRow, UserRow, VerificationRow, VerificationStrategy } from "../store/schema.js";

/** What a change did to the event log: the resource's new sequence and the time of the change. */
export interface Change {
  tenantId: string;
  sequence: number;
  at: number;
}

export interface VerificationView {
  id: string;
  /** Null for a verification of a bare number not attached to a user's number (yet). */
  phoneNumberId: string | null;
  status: VerificationStatus | "canceled";
  strategy: "sms_code" | "test_number";
  attemptsUsed: number;
  attemptsLeft: number;
  maxAttempts: number;
  sendsUsed: number;
  sendsLeft: number;
  expiresAt: number;
  /** When asking for a code again will send one; null once the verification has ended. */
  resendAvailableAt: number | null;
  createdAt: number;
}

export interface PhoneNumberView {
  id: string;
  tenantId: string;
  userId: string;
  e164: string;
  region: string | null;
  numberType: string;
  primary: boolean;
  verified: boolean;
  verifiedAt: number | null;
  verificationStrategy: VerificationStrategy | null;
  reservedForSecondFactor: boolean;
  defaultSecondFactor: boolean;
  createdAt: number;
  updatedAt: number;
  /** The number's latest code verification, if it ever had one. */
  verification: VerificationView | null;
}

/** A user's profile as the vendor surfaces keep it: names as given, metadata as JSON objects. */
export interface UserProfile {
  firstName: string | null;
  lastName: string | null;
  publicMetadata: Record<string, unknown>;
  privateMetadata: Record<string, unknown>;
  unsafeMetadata: Record<string, unknown>;
}

export interface UserView {
  id: string;
  tenantId: string;
  externalId: string | null;
  profile: UserProfile;
  primaryPhoneNumberId: string | null;
  phoneNumbers: PhoneNumberView[];
  /** The user's event sequence: it moves on with every change to the user or its numbers. */
  sequence: number;
  createdAt: number;
  updatedAt: number;
}

export function toVerificationView(row: VerificationRow, now: number, policy: OtpPolicy): VerificationView {
  const view = outlook(
    {
      status: row.status === "canceled" ? "failed" : row.status,
      attemptsUsed: row.attempts_used,
      maxAttempts: row.max_attempts,
      sendsUsed: row.sends_used,
      lastSentAt: row.last_sent_at,
      expiresAt: row.expires_at,
    },
    now,
    policy,
  );
  return {
    id: row.id,
    phoneNumberId: row.phone_number_id,
    status: row.status === "canceled" ? "canceled" : view.status,
    strategy: row.key_id === TEST_NUMBER_KEY_ID ? "test_number" : "sms_code",
    attemptsUsed: row.attempts_used,
    attemptsLeft: view.attemptsLeft,
    maxAttempts: row.max_attempts,
    sendsUsed: row.sends_used,
    sendsLeft: view.sendsLeft,
    expiresAt: row.expires_at,
    resendAvailableAt: view.resendAvailableAt,
    createdAt: row.created_at,
  };
}

export function toPhoneNumberView(
  row: PhoneNumberRow,
  verification: VerificationView | null,
): PhoneNumberView {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    userId: row.user_id,
    e164: row.e164,
    region: row.region,
    numberType: row.number_type,
    primary: row.is_primary === 1,
    verified: row.verified_at !== null,
    verifiedAt: row.verified_at,
    verificationStrategy: row.verification_strategy,
    reservedForSecondFactor: row.reserved_for_second_factor === 1,
    defaultSecondFactor: row.default_second_factor === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    verification,
  };
}

export function toUserView(row: UserRow, phoneNumbers: PhoneNumberView[]): UserView {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    externalId: row.external_id,
    profile: {
      firstName: row.first_name,
      lastName: row.last_name,
      publicMetadata: metadataOf(row.public_metadata),
      privateMetadata: metadataOf(row.private_metadata),
      unsafeMetadata: metadataOf(row.unsafe_metadata),
    },
    primaryPhoneNumberId: phoneNumbers.find((p) => p.primary)?.id ?? null,
    phoneNumbers,
    sequence: Number(row.sequence),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Metadata is stored as JSON object text written by the service; anything else reads as empty. */
function metadataOf(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
