import { z } from "zod";
import { normalizeLocale } from "../../delivery/templates/locale.js";

const isoTime = z.string().meta({ format: "date-time" });

export const MessageSchema = z
  .object({
    id: z.string(),
    phone_number_id: z.string(),
    verification_id: z.string(),
    to: z.string().describe("E.164"),
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
    segments: z.number().int().nullable(),
    delivery_attempts: z.number().int(),
    error: z.string().nullable().describe("The receipt's error, else the last delivery error"),
    created_at: isoTime,
    sent_at: isoTime.nullable(),
    receipt_at: isoTime.nullable(),
    failed_at: isoTime.nullable(),
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
