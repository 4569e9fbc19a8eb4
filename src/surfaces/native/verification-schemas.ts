import { z } from "zod";
import { normalizeLocale } from "../../delivery/templates/locale.js";
import { MessageSchema } from "./message-schemas.js";
import { VerificationSchema } from "./schemas.js";
import { e164, isoTime, prefixedId } from "./wire-types.js";

/** Wire shapes of the verifications of bare numbers (`/v1/verifications`, docs/verifications.md). */

const USER_ID = "usr_01kbf2t1n2m3k4j5h6g7f8e9d0";
const PHONE_NUMBER_ID = "pn_01kbf2tqa0w7y6x5v4t3s2r1q0";

const phoneInput = () =>
  z
    .string()
    .min(1)
    .max(200)
    .meta({ description: "E.164, or national with `region`", example: "+447400123456" });

const region = () =>
  z
    .string()
    .min(2)
    .max(2)
    .optional()
    .meta({ description: "ISO region for a national number", example: "GB" });

export const NumberHolderSchema = z
  .object({
    user_id: prefixedId(USER_ID),
    phone_number_id: prefixedId(PHONE_NUMBER_ID),
    verified: z.boolean().describe("Whether the holder's number is verified"),
  })
  .meta({ id: "NumberHolder" });

export const BareVerificationSchema = VerificationSchema.extend({
  to: e164(),
  user_id: prefixedId(USER_ID).nullable().describe("The user it was attached to; null until then"),
  verified_at: isoTime("2026-12-02T09:31:12.000Z").nullable().describe("When it was approved"),
  verification_strategy: z
    .enum(["sms_code", "test_number", "admin"])
    .nullable()
    .describe("How it was approved: a code, a test number's code, or an admin without a code"),
  attachable_until: isoTime("2026-12-02T09:41:12.000Z")
    .nullable()
    .describe("Until when `POST /v1/phone-numbers` takes it as `verification_id`; null when it cannot"),
  holder: NumberHolderSchema.nullable().describe(
    "The user of this tenant who holds the number already, or null: shown to admin keys only",
  ),
  service_id: z
    .string()
    .nullable()
    .describe("The verify service it was started under (`/v1/verify-services`); null: the tenant's default"),
}).meta({ id: "BareVerification" });

export const BareCodeSentSchema = z
  .object({
    verification: BareVerificationSchema,
    delivery: z.enum(["sms", "test_number"]),
    message: MessageSchema.nullable().describe("The SMS queued; null for a test number"),
    new_verification: z.boolean().describe("True when this call started a new code, false for a resend"),
  })
  .meta({ id: "BareCodeSent" });

export const StartVerificationBody = z
  .strictObject({
    to: phoneInput(),
    region: region(),
    locale: z
      .string()
      .max(35)
      .refine((tag) => normalizeLocale(tag) !== null, "a BCP 47 language tag, like en or pt-BR")
      .optional()
      .meta({
        description: "The SMS's language (BCP 47); else Accept-Language, else the default",
        example: "fr",
      }),
    client_ip: z.string().max(64).optional().meta({
      description: "The end user's IP address, for the per-IP budget (as `Handset-Client-IP`)",
      example: "203.0.113.7",
    }),
    service_id: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe("A verify service (`/v1/verify-services`); absent: the tenant's default service"),
    app_name: z
      .string()
      .max(200)
      .optional()
      .describe(
        "The app name this SMS says (its `{app}`), over the service's and the tenant's; 1 to 30 characters",
      ),
    app_hash: z
      .string()
      .max(200)
      .optional()
      .describe(
        "Android SMS Retriever app hash (11 base64 characters) to end this SMS with, over the tenant's",
      ),
    custom_code: z
      .string()
      .max(200)
      .optional()
      .describe(
        "The code to send (6 to 10 digits), for a service with `custom_code_enabled`; kept sealed, never in clear",
      ),
  })
  .meta({ example: { to: "+447400123456", locale: "en", client_ip: "203.0.113.7" } });

export const CheckVerificationBody = z
  .strictObject({
    to: phoneInput().optional().describe("The number: its open verification is checked"),
    region: region(),
    verification_id: prefixedId("vf_01kbf2v6x1q9m8z3c4d5e6f7g8")
      .min(1)
      .max(64)
      .optional()
      .describe("Or the verification's id"),
    code: z.string().min(1).max(200).meta({ example: "123456" }),
    service_id: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe(
        "The verify service to check in: with `to`, its open verification; with `verification_id`, only one of it",
      ),
  })
  .refine((body) => (body.to === undefined) !== (body.verification_id === undefined), {
    message: "give `to` or `verification_id`, one of them",
    path: ["to"],
  })
  .meta({ example: { to: "+447400123456", code: "123456" } });

export const VerificationParams = z.strictObject({ verification_id: z.string().min(1).max(64) });

/** `GET /v1/phone-numbers?phone_number=…`: who holds a number, in a few fields. */
export const FindPhoneNumberQuery = z.strictObject({
  phone_number: z
    .string()
    .min(1)
    .max(200)
    // Optional to the schema so that the credential is checked first; the service asks for it.
    .optional()
    .meta({
      description: "Required: E.164 (`%2B` for `+` in a URL), or national with `region`",
      example: "+447400123456",
    }),
  region: region(),
});

export const PhoneNumberHolderSchema = z
  .object({
    id: prefixedId(PHONE_NUMBER_ID),
    user_id: prefixedId(USER_ID),
    phone_number: e164(),
    verified: z.boolean(),
    primary: z.boolean(),
    reserved_for_second_factor: z.boolean(),
  })
  .meta({ id: "PhoneNumberHolder" });

export const PhoneNumberHolderListSchema = z
  .object({ data: z.array(PhoneNumberHolderSchema).describe("The holder, or empty: at most one per tenant") })
  .meta({ id: "PhoneNumberHolderList" });
