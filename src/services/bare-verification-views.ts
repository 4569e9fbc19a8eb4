import { HandsetError } from "../domain/errors.js";
import type { OtpPolicy } from "../domain/otp-policy.js";
import type { Executor } from "../store/executor.js";
import { findHoldersOfNumber } from "../store/number-lookup.js";
import type { VerificationRow, VerificationStrategy } from "../store/schema.js";
import type { Caller } from "./caller.js";
import type { MessageView } from "./message-view.js";
import { toVerificationView, type VerificationView } from "./views.js";

/**
 * What the verifications of bare numbers (docs/verifications.md) answer, and the checks every one of
 * their use cases makes first.
 */

/** Who in the tenant holds the number: told to admin keys only, never to anyone else. */
export interface NumberHolder {
  userId: string;
  phoneNumberId: string;
  verified: boolean;
}

export interface BareVerificationView extends VerificationView {
  tenantId: string;
  e164: string;
  /** The user it was attached to (with `phoneNumberId`), or null. */
  userId: string | null;
  /** When and how it was approved: a right code (`sms_code`, `test_number`) or an admin (`admin`). */
  verifiedAt: number | null;
  verifiedStrategy: VerificationStrategy | null;
  /** Until when it can be attached to a user's number; null when it cannot (not approved, or attached). */
  attachableUntil: number | null;
  /** The verify service it was started under: '' for the tenant's default. */
  serviceId: string;
  /** Its last change: a send, a guess, its end. */
  updatedAt: number;
}

/** An answer about one bare verification, with the number's holder for an admin key. */
export interface BareVerificationAnswer {
  verification: BareVerificationView;
  /** The tenant's user holding the number, null when none does; undefined when the caller may not know. */
  holder?: NumberHolder | null;
}

/** An approved bare verification can be attached this long after its approval (the code's validity). */
export function attachWindowMs(policy: OtpPolicy): number {
  return policy.ttlMs;
}

export function toBareVerificationView(
  row: VerificationRow,
  now: number,
  policy: OtpPolicy,
): BareVerificationView {
  const verifiedAt = row.verified_at === null ? null : Number(row.verified_at);
  const attachable = row.status === "verified" && row.phone_number_id === null && verifiedAt !== null;
  return {
    ...toVerificationView(row, now, policy),
    tenantId: row.tenant_id,
    e164: row.e164,
    userId: row.user_id,
    verifiedAt,
    verifiedStrategy: row.verified_strategy,
    attachableUntil: attachable ? verifiedAt + attachWindowMs(policy) : null,
    serviceId: row.service_id,
    updatedAt: Number(row.updated_at),
  };
}

/** These routes are for backends: a user token (one end user's credential) is refused outright. */
export function assertBackend(caller: Caller): void {
  if (caller.kind === "user_token" || caller.userId !== null) {
    throw new HandsetError(
      "INSUFFICIENT_SCOPE",
      "Verifications of a bare number are for backends: they need an admin API key.",
    );
  }
}

export function verificationIdNotFound(id: string): HandsetError {
  return new HandsetError("VERIFICATION_ID_NOT_FOUND", `No verification ${id}.`);
}

/** The number's holder in the caller's tenant, for an admin key (or the CLI); undefined for anyone else. */
export async function holderFor(
  db: Executor,
  caller: Caller,
  e164: string,
): Promise<NumberHolder | null | undefined> {
  if (caller.kind !== "admin_key" && caller.kind !== "system") return undefined;
  const [held] = await findHoldersOfNumber(db, caller.tenantId, e164);
  return held ? { userId: held.user_id, phoneNumberId: held.id, verified: held.verified_at !== null } : null;
}

/**
 * Why a bare verification cannot take a code, a cancellation or an approval: ended (and how), or not
 * one at all. Twilio answers all of these with one 404; the caller here learns what to do next.
 */
export function explainNotOpen(row: VerificationRow | undefined, now: number): HandsetError {
  if (!row) {
    return new HandsetError("VERIFICATION_NOT_FOUND", "No code was sent to this number: ask for one first.");
  }
  if (row.user_id !== null && row.status !== "verified") {
    return new HandsetError(
      "VERIFICATION_NOT_FOUND",
      `Verification ${row.id} is for a user's number: use /v1/phone-numbers/{id}/verify for it.`,
    );
  }
  if (row.status === "expired" || (row.status === "pending" && row.expires_at <= now)) {
    return new HandsetError("CODE_EXPIRED", "The code has expired: ask for a new one.", {
      expiresAt: row.expires_at,
    });
  }
  if (row.status === "failed") {
    return new HandsetError("CODE_ATTEMPTS_EXHAUSTED", "Too many wrong codes: ask for a new one.", {
      attemptsLeft: 0,
    });
  }
  if (row.status === "verified") {
    return new HandsetError("CODE_ALREADY_USED", `Verification ${row.id} is approved already.`);
  }
  return new HandsetError(
    "VERIFICATION_NOT_FOUND",
    `Verification ${row.id} was canceled: ask for a new code.`,
  );
}

export interface StartBareVerificationInput {
  /** The number: E.164, or national with `region`. */
  to: string;
  region?: string;
  /** The SMS's language (a BCP 47 tag); else Accept-Language, else the tenant's default. */
  locale?: string | null;
  /** The end user's address, for the per-IP budget (an admin key's own address is the backend's). */
  clientIp?: string | null;
  /** The verify service (docs/twilio-verify.md, "Services") to start it under; absent or '': the tenant's default. */
  serviceId?: string;
  /** The name the SMS gives the app (`{app}`), over the service's and the tenant's (Twilio's CustomFriendlyName). */
  appName?: string | null;
  /** The Android SMS Retriever hash to end the SMS with, over the tenant's (Twilio's AppHash). */
  appHash?: string | null;
  /** A code the application chose (Twilio's CustomCode), for a service that allows it. */
  customCode?: string | null;
}

/**
 * Which verification a code is for: its id, or the number's open one. `serviceId` ('' the default)
 * confines it to one verify service: by number, that service's open one; by id, one of that service
 * or none. Absent on an id, any of the tenant's.
 */
export type BareVerificationRef =
  | { id: string; serviceId?: string }
  | { to: string; region?: string; serviceId?: string };

/** The verification, unless a service was named and it is not that service's (then: not found). */
export function inService<T extends { service_id: string }>(
  row: T | undefined,
  serviceId: string | undefined,
): T | undefined {
  return row && (serviceId === undefined || row.service_id === serviceId) ? row : undefined;
}

export interface BareCodeSent extends BareVerificationAnswer {
  /** `sms`: an SMS is queued; `test_number`: a configured test number, no SMS, fixed code. */
  delivery: "sms" | "test_number";
  message: MessageView | null;
  /** True when this call started a new verification (and so a new code), false for a resend. */
  newVerification: boolean;
}
