import type { BareVerificationView } from "../../services/bare-verification.js";
import { accountSidOf, serviceSidOf, toVerificationSid } from "./sids.js";

/** Twilio's timestamps: ISO 8601 in UTC, to the second. */
export const twilioTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Handset's verification statuses in Twilio's words. */
export function twilioStatus(status: BareVerificationView["status"]): string {
  switch (status) {
    case "pending":
      return "pending";
    case "verified":
      return "approved";
    case "canceled":
      return "canceled";
    case "expired":
      return "expired";
    case "failed":
      return "max_attempts_reached";
  }
}

function sidOf(view: BareVerificationView): string {
  const sid = toVerificationSid(view.id);
  if (sid === null) throw new Error(`verification id ${view.id} has no Twilio SID`);
  return sid;
}

/** The last change Handset knows of: the approval, else the creation. */
const updatedAt = (view: BareVerificationView) => view.verifiedAt ?? view.createdAt;

/** Twilio's Verification resource (verify.v2.service.verification). */
export function presentVerification(view: BareVerificationView, baseUrl: string) {
  const sid = sidOf(view);
  const serviceSid = serviceSidOf(view.tenantId);
  return {
    sid,
    service_sid: serviceSid,
    account_sid: accountSidOf(view.tenantId),
    to: view.e164,
    channel: "sms",
    status: twilioStatus(view.status),
    valid: view.status === "verified",
    lookup: {},
    amount: null,
    payee: null,
    // One entry per SMS sent; Handset keeps the count, not each send's time.
    send_code_attempts: Array.from({ length: view.sendsUsed }, (_, i) => ({
      attempt_sid: `VL${sid.slice(2, 32)}${i.toString(16).padStart(2, "0")}`,
      channel: "sms",
      ...(i === 0 ? { time: twilioTime(view.createdAt) } : {}),
    })),
    date_created: twilioTime(view.createdAt),
    date_updated: twilioTime(updatedAt(view)),
    sna: null,
    url: `${baseUrl}/v2/Services/${serviceSid}/Verifications/${sid}`,
  };
}

/** Twilio's VerificationCheck resource (verify.v2.service.verification_check). */
export function presentVerificationCheck(view: BareVerificationView) {
  return {
    sid: sidOf(view),
    service_sid: serviceSidOf(view.tenantId),
    account_sid: accountSidOf(view.tenantId),
    to: view.e164,
    channel: "sms",
    status: twilioStatus(view.status),
    valid: view.status === "verified",
    amount: null,
    payee: null,
    date_created: twilioTime(view.createdAt),
    date_updated: twilioTime(updatedAt(view)),
    sna_attempts_error_codes: [],
  };
}

/**
 * A wrong code checked by `To`: Twilio answers 200 `pending`, `valid: false`. The check by number does
 * not tell Handset's service which verification it counted against, so the SID is null here.
 */
export function presentPendingCheck(tenantId: string, to: string, now: number) {
  return {
    sid: null,
    service_sid: serviceSidOf(tenantId),
    account_sid: accountSidOf(tenantId),
    to,
    channel: "sms",
    status: "pending",
    valid: false,
    amount: null,
    payee: null,
    date_created: null,
    date_updated: twilioTime(now),
    sna_attempts_error_codes: [],
  };
}

/** Twilio's Service resource (verify.v2.service) for the tenant's one service. */
export function presentService(tenantId: string, codeLength: number, baseUrl: string) {
  const sid = serviceSidOf(tenantId);
  const url = `${baseUrl}/v2/Services/${sid}`;
  return {
    sid,
    account_sid: accountSidOf(tenantId),
    friendly_name: tenantId,
    code_length: codeLength,
    lookup_enabled: false,
    psd2_enabled: false,
    skip_sms_to_landlines: true,
    dtmf_input_required: false,
    tts_name: null,
    do_not_share_warning_enabled: false,
    custom_code_enabled: false,
    push: null,
    totp: null,
    default_template_sid: null,
    whatsapp: null,
    passkeys: null,
    verify_event_subscription_enabled: false,
    date_created: null,
    date_updated: null,
    url,
    links: {
      verifications: `${url}/Verifications`,
      verification_checks: `${url}/VerificationCheck`,
    },
  };
}
