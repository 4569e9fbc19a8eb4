import type { PhoneNumberView, UserView, VerificationView } from "../../services/views.js";

/** Clerk's `verification_otp` / `verification_admin` objects (strict SDKs switch on `object`). */
export type ClerkVerification =
  | {
      object: "verification_admin";
      status: "verified";
      strategy: "admin";
      attempts: null;
      expire_at: null;
    }
  | {
      object: "verification_otp";
      status: "unverified" | "verified" | "failed" | "expired";
      strategy: "phone_code";
      attempts: number | null;
      expire_at: number | null;
      channel: "sms";
    };

export interface ClerkPhoneNumber {
  id: string;
  object: "phone_number";
  phone_number: string;
  reserved_for_second_factor: boolean;
  default_second_factor: boolean;
  reserved: boolean;
  verification: ClerkVerification | null;
  linked_to: { type: string; id: string }[];
  backup_codes: null;
  created_at: number;
  updated_at: number;
}

const OTP_STATUS: Record<
  VerificationView["status"],
  "unverified" | "verified" | "failed" | "expired" | null
> = {
  pending: "unverified",
  verified: "verified",
  expired: "expired",
  failed: "failed",
  // Cancelled by an admin change or a removal: no attempt is under way any more.
  canceled: null,
};

function presentVerification(phone: PhoneNumberView): ClerkVerification | null {
  if (phone.verified && phone.verificationStrategy === "admin") {
    return {
      object: "verification_admin",
      status: "verified",
      strategy: "admin",
      attempts: null,
      expire_at: null,
    };
  }
  const latest = phone.verification;
  if (phone.verified) {
    return {
      object: "verification_otp",
      status: "verified",
      strategy: "phone_code",
      // Handset counts wrong guesses; Clerk counts every attempt, the successful one included.
      attempts: latest ? latest.attemptsUsed + 1 : null,
      expire_at: latest?.expiresAt ?? null,
      channel: "sms",
    };
  }
  const status = latest ? OTP_STATUS[latest.status] : null;
  if (!latest || status === null || status === "verified") return null;
  return {
    object: "verification_otp",
    status,
    strategy: "phone_code",
    attempts: latest.attemptsUsed,
    expire_at: latest.expiresAt,
    channel: "sms",
  };
}

export function presentPhoneNumber(phone: PhoneNumberView): ClerkPhoneNumber {
  return {
    id: phone.id,
    object: "phone_number",
    phone_number: phone.e164,
    reserved_for_second_factor: phone.reservedForSecondFactor,
    default_second_factor: phone.defaultSecondFactor,
    // Clerk's `reserved`: held for this user alone though not verified by the Backend API — an
    // unverified number (Handset never lets another user of the tenant claim it; Clerk's
    // `identification_status: reserved`), or one its user proved with a code. A number verified by
    // an admin is plainly verified, as Clerk shows Backend-API numbers.
    reserved: !phone.verified || phone.verificationStrategy !== "admin",
    verification: presentVerification(phone),
    linked_to: [],
    backup_codes: null,
    created_at: phone.createdAt,
    updated_at: phone.updatedAt,
  };
}

export function presentDeletedPhoneNumber(id: string): { object: "phone_number"; id: string; deleted: true } {
  return { object: "phone_number", id, deleted: true };
}

/**
 * Clerk's User object with the parts Handset keeps (id, external id, names, metadata, phone numbers,
 * the primary, MFA); what Handset has no notion of (emails, passwords, sessions) is sent empty or
 * null, never invented. Every field Clerk's schema marks required is present, and none it lacks.
 */
export function presentUser(user: UserView) {
  return {
    id: user.id,
    object: "user" as const,
    external_id: user.externalId,
    primary_email_address_id: null,
    primary_phone_number_id: user.primaryPhoneNumberId,
    primary_web3_wallet_id: null,
    username: null,
    first_name: user.profile.firstName,
    last_name: user.profile.lastName,
    image_url: "",
    has_image: false,
    public_metadata: user.profile.publicMetadata,
    private_metadata: user.profile.privateMetadata,
    unsafe_metadata: user.profile.unsafeMetadata,
    email_addresses: [],
    phone_numbers: user.phoneNumbers.map(presentPhoneNumber),
    web3_wallets: [],
    passkeys: [],
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    password_enabled: false,
    two_factor_enabled: user.phoneNumbers.some((p) => p.reservedForSecondFactor),
    totp_enabled: false,
    backup_code_enabled: false,
    // Handset keeps no record of when second factor was switched on or off: null, never invented.
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: null,
    delete_self_enabled: false,
    create_organization_enabled: false,
    last_sign_in_at: null,
    last_active_at: null,
    legal_accepted_at: null,
    locale: null,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

export function presentDeletedUser(id: string): { object: "user"; id: string; deleted: true } {
  return { object: "user", id, deleted: true };
}

export function presentTotalCount(count: number): { object: "total_count"; total_count: number } {
  return { object: "total_count", total_count: count };
}
