import { z } from "zod";
import { MessageSchema } from "./message-schemas.js";

/** Wire shapes of the native API; the OpenAPI document is generated from these. */
const isoTime = z.iso.datetime().describe("RFC 3339 time, UTC");

export const VerificationSchema = z
  .object({
    id: z.string(),
    phone_number_id: z.string(),
    status: z.enum(["pending", "verified", "expired", "failed", "canceled"]),
    strategy: z.enum(["sms_code", "test_number"]),
    attempts_used: z.number().int(),
    attempts_left: z.number().int(),
    max_attempts: z.number().int(),
    sends_used: z.number().int(),
    sends_left: z.number().int(),
    expires_at: isoTime,
    resend_available_at: isoTime.nullable().describe("When asking again sends a code; null once ended"),
    created_at: isoTime,
  })
  .meta({ id: "Verification" });

export const PhoneNumberSchema = z
  .object({
    id: z.string(),
    user_id: z.string(),
    phone_number: z.string().describe("E.164"),
    region: z.string().nullable().describe("ISO 3166-1 alpha-2, when known"),
    number_type: z.string(),
    primary: z.boolean(),
    verified: z.boolean(),
    verified_at: isoTime.nullable(),
    verification_strategy: z.enum(["sms_code", "admin", "test_number"]).nullable(),
    reserved_for_second_factor: z.boolean(),
    default_second_factor: z.boolean(),
    verification: VerificationSchema.nullable().describe("The latest code verification, if any"),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .meta({ id: "PhoneNumber" });

export const UserSchema = z
  .object({
    id: z.string(),
    external_id: z.string().nullable(),
    primary_phone_number_id: z.string().nullable(),
    phone_numbers: z.array(PhoneNumberSchema),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .meta({ id: "User" });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe("Stable machine-readable code"),
      message: z.string(),
      request_id: z.string(),
      details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: "Error" });

export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  413: ErrorSchema,
  415: ErrorSchema,
  422: ErrorSchema,
  429: ErrorSchema,
  503: ErrorSchema,
};

export const CodeSentSchema = z
  .object({
    phone_number: PhoneNumberSchema,
    verification: VerificationSchema,
    delivery: z.enum(["sms", "test_number"]),
    message: MessageSchema.nullable().describe("The SMS queued; null for a test number"),
  })
  .meta({ id: "CodeSent" });

export const CodeVerifiedSchema = z
  .object({ phone_number: PhoneNumberSchema, verification: VerificationSchema })
  .meta({ id: "CodeVerified" });

export const PhoneNumberDeletedSchema = z
  .object({
    id: z.string(),
    deleted: z.literal(true),
    was_primary: z.boolean(),
    primary_phone_number_id: z
      .string()
      .nullable()
      .describe("The user's primary after removal; never promoted silently"),
  })
  .meta({ id: "PhoneNumberDeleted" });

export const AddPhoneNumberBody = z.strictObject({
  phone_number: z.string().min(1).max(200).describe("E.164, or national with `region`"),
  region: z.string().min(2).max(2).optional().describe("ISO region for a national number"),
  primary: z.boolean().optional(),
});

export const AdminAddPhoneNumberBody = AddPhoneNumberBody.extend({
  user_id: z.string().min(1).max(64),
  verified: z.boolean().optional().describe("Mark verified without a code (strategy `admin`)"),
  reserved_for_second_factor: z.boolean().optional(),
}).strict();

export const UpdatePhoneNumberBody = z.strictObject({
  primary: z.boolean().optional(),
  reserved_for_second_factor: z.boolean().optional(),
  default_second_factor: z.boolean().optional(),
});

export const AdminUpdatePhoneNumberBody = UpdatePhoneNumberBody.extend({
  verified: z.boolean().optional(),
}).strict();

export const VerifyBody = z.strictObject({ code: z.string().min(1).max(200) });

export const PhoneNumberParams = z.strictObject({ phone_number_id: z.string().min(1).max(64) });
export const UserParams = z.strictObject({ user_id: z.string().min(1).max(64) });
