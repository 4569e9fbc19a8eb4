import { z } from "zod";
import { normalizeLocale } from "../../delivery/templates/locale.js";
import { e164, isoTime, prefixedId, wholeNumber } from "./wire-types.js";

export const MessageSchema = z
  .object({
    id: prefixedId("msg_01kbf2v7a8b9c0d1e2f3g4h5j6"),
    phone_number_id: prefixedId("pn_01kbf2tqa0w7y6x5v4t3s2r1q0")
      .nullable()
      .describe("Null for a code to a bare number (`POST /v1/verifications`) not attached to a user"),
    verification_id: prefixedId("vf_01kbf2v6x1q9m8z3c4d5e6f7g8"),
    to: e164(),
    status: z
      .enum(["queued", "sent", "delivered", "undelivered", "failed"])
      .describe(
        "queued until a provider accepts it; sent once one has; then its receipt's delivered or " +
          "undelivered, or failed (given up by Handset, or refused downstream)",
      ),
    provider: z.string().nullable().describe("The configured provider that took it"),
    provider_message_id: z.string().nullable(),
    locale: z.string().nullable().describe("The locale the request asked for; null for the default"),
    encoding: z.enum(["gsm7", "ucs2"]).nullable(),
    segments: wholeNumber(1).nullable(),
    delivery_attempts: wholeNumber(1),
    error: z.string().nullable().describe("The receipt's error, else the last delivery error"),
    created_at: isoTime(),
    sent_at: isoTime("2026-12-02T09:30:01.000Z").nullable(),
    receipt_at: isoTime("2026-12-02T09:30:04.000Z").nullable(),
    failed_at: isoTime().nullable(),
  })
  .meta({ id: "Message" });

export const MessageListSchema = z.object({ data: z.array(MessageSchema) }).meta({ id: "MessageList" });

export const MessageParams = z.strictObject({ message_id: z.string().min(1).max(64) });

export const MessageListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** The optional body of send-code: the locale to write the SMS in (else Accept-Language). */
export const SendCodeBody = z
  .strictObject({
    locale: z
      .string()
      .max(35)
      .refine((tag) => normalizeLocale(tag) !== null, "a BCP 47 language tag, like en or pt-BR")
      .optional(),
  })
  .nullish();
