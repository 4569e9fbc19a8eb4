import type { BareVerificationView } from "../../services/bare-verification.js";
import { accountSidOf, toServiceSid, toVerificationSid } from "./sids.js";

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

/** Twilio's Verification resource (verify.v2.service.verification). */
export function presentVerification(view: BareVerificationView, baseUrl: string) {
  const sid = sidOf(view);
  const serviceSid = toServiceSid(view.tenantId, view.serviceId);
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
    date_updated: twilioTime(view.updatedAt),
    sna: null,
    url: `${baseUrl}/v2/Services/${serviceSid}/Verifications/${sid}`,
  };
}

/** Twilio's VerificationCheck resource (verify.v2.service.verification_check). */
export function presentVerificationCheck(view: BareVerificationView) {
  return {
    sid: sidOf(view),
    service_sid: toServiceSid(view.tenantId, view.serviceId),
    account_sid: accountSidOf(view.tenantId),
    to: view.e164,
    channel: "sms",
    status: twilioStatus(view.status),
    valid: view.status === "verified",
    amount: null,
    payee: null,
    date_created: twilioTime(view.createdAt),
    date_updated: twilioTime(view.updatedAt),
    sna_attempts_error_codes: [],
  };
}
