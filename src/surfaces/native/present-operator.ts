import type { EventView } from "../../services/event-log.js";
import type { LookupMessage, PhoneNumberLookup, VerificationRecord } from "../../services/lookup.js";
import { presentMessage, presentPhoneNumber, presentVerification } from "./present.js";

const iso = (ms: number): string => new Date(ms).toISOString();

export function presentVerificationRecord(v: VerificationRecord) {
  return {
    ...presentVerification(v),
    tenant_id: v.tenantId,
    user_id: v.userId,
    phone_number: v.e164,
    last_sent_at: iso(v.lastSentAt),
    updated_at: iso(v.updatedAt),
  };
}

export function presentLookupMessage(m: LookupMessage) {
  return { ...presentMessage(m), tenant_id: m.tenantId, user_id: m.userId };
}

/** The lookup's answer in the API's snake_case: what `handset lookup --json` prints too. */
export function presentLookup(found: PhoneNumberLookup) {
  return {
    e164: found.e164,
    holders: found.holders.map((h) => ({
      tenant_id: h.tenantId,
      user_id: h.userId,
      phone_number: presentPhoneNumber(h.phoneNumber),
    })),
    verifications: found.verifications.map(presentVerificationRecord),
    messages: found.messages.map(presentLookupMessage),
  };
}

export function presentEvent(e: EventView) {
  return {
    id: e.id,
    tenant_id: e.tenantId,
    aggregate_type: e.aggregateType,
    aggregate_id: e.aggregateId,
    sequence: e.sequence,
    type: e.type,
    actor: e.actor,
    payload: e.payload,
    created_at: iso(e.createdAt),
  };
}
