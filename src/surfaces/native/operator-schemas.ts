import { z } from "zod";
import { MESSAGE_STATUS_FILTERS } from "../../domain/message-status.js";
import { MessageSchema } from "./message-schemas.js";
import { PhoneNumberSchema, VerificationSchema } from "./schemas.js";

/** Wire shapes of the operator's reads: the number lookup, the message list and the event log. */
const isoTime = z.string().meta({ format: "date-time" });

/** A time in a query string: RFC 3339 with its offset (`2026-12-01T00:00:00Z`). */
const queryTime = z.iso
  .datetime({ offset: true })
  .transform((value) => Date.parse(value))
  .meta({ format: "date-time" });

const queryFlag = z.enum(["true", "false"]).transform((value) => value === "true");

const cursor = z.string().min(1).max(200).describe("`next_cursor` of the previous page");

export const LookupQuery = z.strictObject({
  // Required, but checked after the credential (by the service), so that a request without a
  // credential hears 401 rather than which parameters this route takes.
  phone_number: z
    .string()
    .max(200)
    .optional()
    .describe("Required: E.164 (+33612345678), or national with `region`"),
  region: z.string().min(2).max(2).optional().describe("ISO region for a national number"),
  all_tenants: queryFlag.optional().describe("Search every tenant: needs the tenants:manage scope"),
});

const LookupVerificationSchema = VerificationSchema.extend({
  tenant_id: z.string(),
  user_id: z
    .string()
    .nullable()
    .describe(
      "The user it was issued to (the number may have changed hands since); null for a bare number's verification not attached to a user",
    ),
  phone_number: z.string().describe("E.164"),
  last_sent_at: isoTime,
  updated_at: isoTime,
}).meta({ id: "LookupVerification" });

const LookupMessageSchema = MessageSchema.extend({
  tenant_id: z.string(),
  user_id: z.string().nullable().describe("Null for a code to a bare number not attached to a user"),
}).meta({ id: "LookupMessage" });

export const PhoneNumberLookupSchema = z
  .object({
    e164: z.string().describe("The number looked up, in E.164"),
    holders: z
      .array(z.object({ tenant_id: z.string(), user_id: z.string(), phone_number: PhoneNumberSchema }))
      .describe("Who holds it: at most one user per tenant; empty when nobody does"),
    verifications: z.array(LookupVerificationSchema).describe("Newest first, at most 20; never a code"),
    messages: z.array(LookupMessageSchema).describe("Newest first, at most 20, with their delivery status"),
  })
  .meta({ id: "PhoneNumberLookup" });

export const MessageLogQuery = z.strictObject({
  status: z
    .string()
    .max(100)
    .optional()
    .describe(
      `One or more of ${MESSAGE_STATUS_FILTERS.join(", ")}, comma-separated: failed,undelivered lists the delivery failures`,
    ),
  since: queryTime.optional().describe("Created at or after this time"),
  until: queryTime.optional().describe("Created before this time"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: cursor.optional(),
});

export const MessagePageSchema = z
  .object({ data: z.array(MessageSchema), next_cursor: z.string().nullable() })
  .meta({ id: "MessagePage" });

export const EventLogQuery = z.strictObject({
  user_id: z.string().min(1).max(64).optional().describe("Only this user's events"),
  type: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe("An event type (phone_number.verified), or a prefix ending in '.' (phone_number.)"),
  since: queryTime.optional().describe("Recorded at or after this time"),
  until: queryTime.optional().describe("Recorded before this time"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: cursor.optional(),
});

export const EventSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    aggregate_type: z.enum(["tenant", "user", "message", "credential", "webhook_endpoint"]),
    aggregate_id: z.string(),
    sequence: z.number().int().describe("The aggregate's own sequence"),
    type: z.string(),
    actor: z.string().describe("admin_key:<id>, user_token:<id> or system:<part>"),
    payload: z.unknown().describe("What changed: ids, flags and counts; never a code or a secret"),
    created_at: isoTime,
  })
  .meta({ id: "Event" });

export const EventPageSchema = z
  .object({ data: z.array(EventSchema), next_cursor: z.string().nullable() })
  .meta({ id: "EventPage" });
