import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { ReceiptStatus } from "../domain/message-status.js";
import type { SmsEncoding } from "../domain/sms-text.js";
import type { VerifyServiceTable } from "./verify-service-schema.js";
import type { WebhookAttemptTable, WebhookDeliveryTable, WebhookEndpointTable } from "./webhook-schema.js";

export type { VerifyServiceRow, VerifyServiceTable } from "./verify-service-schema.js";

export type {
  WebhookAttemptOutcome,
  WebhookAttemptRow,
  WebhookAttemptTable,
  WebhookDeliveryRow,
  WebhookDeliveryStatus,
  WebhookDeliveryTable,
  WebhookEndpointRow,
  WebhookEndpointTable,
} from "./webhook-schema.js";

/**
 * Table types. Times are integer milliseconds since the epoch and flags are 0/1 integers, so that
 * one schema reads the same from SQLite and PostgreSQL.
 */
type Millis = number;
type Flag = 0 | 1;

export interface TenantTable {
  id: string;
  name: string;
  /** JSON arrays of upper-case ISO regions; empty allows every region. */
  allowed_regions: string;
  denied_regions: string;
  /** JSON: the tenant's other settings (src/domain/tenant-settings.ts); `{}` is every default. */
  settings: Generated<string>;
  sequence: number;
  created_at: Millis;
}

export interface UserTable {
  tenant_id: string;
  id: string;
  external_id: string | null;
  /** The event sequence of this user and everything it holds (ZITADEL's `details.sequence`). */
  sequence: number;
  created_at: Millis;
  updated_at: Millis;
  /** The profile (migration 014): names as given, metadata as JSON object text (`{}` when empty). */
  first_name: Generated<string | null>;
  last_name: Generated<string | null>;
  public_metadata: Generated<string>;
  private_metadata: Generated<string>;
  unsafe_metadata: Generated<string>;
}

export type UserUpdate = Updateable<UserTable>;

export type VerificationStrategy = "sms_code" | "admin" | "test_number";

export interface PhoneNumberTable {
  tenant_id: string;
  id: string;
  user_id: string;
  e164: string;
  region: string | null;
  number_type: string;
  is_primary: Flag;
  verified_at: Millis | null;
  verification_strategy: VerificationStrategy | null;
  reserved_for_second_factor: Flag;
  default_second_factor: Flag;
  created_at: Millis;
  updated_at: Millis;
}

export type StoredVerificationStatus = "pending" | "verified" | "expired" | "failed" | "canceled";

export interface VerificationTable {
  tenant_id: string;
  id: string;
  /**
   * The user and number the code proves. Null for a verification of a bare number (migration 015,
   * `POST /v1/verifications`) until it is attached to a user's number.
   */
  user_id: string | null;
  phone_number_id: string | null;
  e164: string;
  /** Which secret the code is derived from; the code itself is never stored. */
  key_id: string;
  /** Digits of the code, as configured when the verification was issued. */
  code_length: number;
  status: StoredVerificationStatus;
  attempts_used: number;
  max_attempts: number;
  sends_used: number;
  last_sent_at: Millis;
  expires_at: Millis;
  created_at: Millis;
  updated_at: Millis;
  /** When and how a bare verification was approved (migration 015); null for a user's number's. */
  verified_at: Millis | null;
  verified_strategy: VerificationStrategy | null;
  /** The verify service it was started under (migration 018): '' for the tenant's default. */
  service_id: string;
  /** A code the application chose, sealed (src/domain/code.ts, `sealCode`); null: derived. */
  sealed_code: string | null;
}

export type OutboxStatus = "pending" | "sending" | "sent" | "failed";

export interface OutboxTable {
  id: string;
  tenant_id: string;
  /** The message is rendered at delivery from the verification, so that no code rests in the outbox. */
  verification_id: string;
  to_e164: string;
  template: string;
  status: OutboxStatus;
  delivery_attempts: number;
  next_attempt_at: Millis;
  locked_until: Millis | null;
  provider: string | null;
  provider_message_id: string | null;
  last_error: string | null;
  created_at: Millis;
  sent_at: Millis | null;
  /** The locale the request asked for (a BCP 47 tag), or null for the tenant's default. */
  locale: string | null;
  /** How the text went and in how many parts, recorded when a provider accepted it. */
  encoding: SmsEncoding | null;
  segments: number | null;
  failed_at: Millis | null;
  /** The provider's final word, from its receipt: null until one comes. */
  receipt_status: ReceiptStatus | null;
  receipt_error: string | null;
  receipt_at: Millis | null;
  /** The app name and SMS Retriever hash it is rendered with (migration 018); null: the tenant's. */
  app_name: string | null;
  app_hash: string | null;
}

export interface EventTable {
  id: string;
  tenant_id: string;
  aggregate_type: "tenant" | "user" | "message" | "credential" | "webhook_endpoint";
  aggregate_id: string;
  sequence: number;
  type: string;
  actor: string;
  payload: string;
  created_at: Millis;
}

export type CredentialKind = "admin_key" | "user_token";

export interface CredentialTable {
  id: string;
  tenant_id: string;
  kind: CredentialKind;
  user_id: string | null;
  name: string;
  /** Space-separated scopes. */
  scopes: string;
  /** SHA-256 of the secret: secrets are 256 random bits, so no slow hash is needed. */
  secret_hash: string;
  /** The first characters of the secret, to tell keys apart in listings. */
  hint: string;
  expires_at: Millis | null;
  revoked_at: Millis | null;
  created_at: Millis;
}

/**
 * When a credential was last used, within a minute (migration 011): written in the background, and
 * apart from `credentials` so that writing it does not move the access version.
 */
export interface CredentialUsageTable {
  credential_id: string;
  last_used_at: Millis;
}

/** One row: moves on with every change that could make a cached credential or tenant wrong. */
export interface AccessVersionTable {
  id: number;
  version: number;
}

/** One window of one budget (see migration 007): `used` never passes `cap`. */
export interface BudgetUsageTable {
  scope: string;
  window_start: Millis;
  used: number;
  cap: number;
  expires_at: Millis;
}

/** One window of one destination's sends and verifications (migration 010, the conversion guard). */
export interface ConversionCountTable {
  tenant_id: string;
  /** `country:NG` or `prefix:+234803`. */
  scope: string;
  window_start: Millis;
  sent: number;
  verified: number;
  expires_at: Millis;
}

/** A destination's latest pause by the conversion guard, with the figures that caused it. */
export interface DestinationPauseTable {
  tenant_id: string;
  scope: string;
  paused_at: Millis;
  /** Sends are refused until then; lifting a pause early sets it to the moment it was lifted. */
  paused_until: Millis;
  sent: number;
  verified: number;
  reason: string;
}

/** One tenant's run of wrong codes on one number (see migration 009). */
export interface GuessStreakTable {
  tenant_id: string;
  e164: string;
  failures: number;
  last_wrong_at: Millis;
  locked_at: Millis | null;
}

/** A signed-in console session (migration 013): the cookie holds a random token, the row its hash. */
export interface ConsoleSessionTable {
  /** SHA-256 (hex) of the session token in the cookie. */
  id: string;
  tenant_id: string;
  credential_id: string;
  /** The admin key's secret hash: every request authenticates through it, so a revoked key ends the session. */
  secret_hash: string;
  /** Random, per session: the CSRF tokens of its forms are HMACs under it. */
  csrf_secret: string;
  created_at: Millis;
  last_seen_at: Millis;
  /** The absolute end of the session; the idle limit is counted from `last_seen_at`. */
  expires_at: Millis;
}

/** An Idempotency-Key of the native API (migration 016): its claim, then its stored answer. */
export interface IdempotencyKeyTable {
  tenant_id: string;
  /** `admin` for the tenant's admin keys, `user:<id>` for a user's tokens. */
  owner: string;
  key: string;
  /** SHA-256 (hex) of the request: method, path, canonical body and credential. */
  fingerprint: string;
  /** Random, per request that claimed the key: only that request completes or releases it. */
  claim_token: string;
  state: "running" | "done" | "withheld";
  lease_until: Millis;
  created_at: Millis;
  expires_at: Millis;
  /** The answer, once done: its status, the headers that matter (JSON) and its body. */
  status: number | null;
  headers: string | null;
  body: string | null;
}

export interface Database {
  tenants: TenantTable;
  users: UserTable;
  phone_numbers: PhoneNumberTable;
  verifications: VerificationTable;
  outbox: OutboxTable;
  verify_services: VerifyServiceTable;
  events: EventTable;
  credentials: CredentialTable;
  credential_usage: CredentialUsageTable;
  access_version: AccessVersionTable;
  budget_usage: BudgetUsageTable;
  conversion_counts: ConversionCountTable;
  destination_pauses: DestinationPauseTable;
  guess_streaks: GuessStreakTable;
  console_sessions: ConsoleSessionTable;
  idempotency_keys: IdempotencyKeyTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
}

export type TenantRow = Selectable<TenantTable>;
export type UserRow = Selectable<UserTable>;
export type PhoneNumberRow = Selectable<PhoneNumberTable>;
export type NewPhoneNumber = Insertable<PhoneNumberTable>;
export type PhoneNumberUpdate = Updateable<PhoneNumberTable>;
export type VerificationRow = Selectable<VerificationTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type EventRow = Selectable<EventTable>;
export type CredentialRow = Selectable<CredentialTable>;
export type ConsoleSessionRow = Selectable<ConsoleSessionTable>;
export type IdempotencyKeyRow = Selectable<IdempotencyKeyTable>;
