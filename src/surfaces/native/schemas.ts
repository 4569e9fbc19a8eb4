import { z } from "zod";
import { ERROR_CODES } from "../../domain/errors.js";
import { MessageSchema } from "./message-schemas.js";
import { errorCodeTable } from "./openapi-document.js";
import { e164, isoTime, prefixedId, wholeNumber } from "./wire-types.js";

/** Wire shapes of the native API; the OpenAPI document is generated from these. */
const VERIFICATION_ID = "vf_01kbf2v6x1q9m8z3c4d5e6f7g8";
const PHONE_NUMBER_ID = "pn_01kbf2tqa0w7y6x5v4t3s2r1q0";
const USER_ID = "usr_01kbf2t1n2m3k4j5h6g7f8e9d0";

export const VerificationSchema = z
  .object({
    id: prefixedId(VERIFICATION_ID),
    phone_number_id: prefixedId(PHONE_NUMBER_ID)
      .nullable()
      .describe("Null for a verification of a bare number (`POST /v1/verifications`) not attached yet"),
    status: z.enum(["pending", "verified", "expired", "failed", "canceled"]),
    strategy: z.enum(["sms_code", "test_number"]),
    attempts_used: wholeNumber(1),
    attempts_left: wholeNumber(4),
    max_attempts: wholeNumber(5),
    sends_used: wholeNumber(1),
    sends_left: wholeNumber(2),
    expires_at: isoTime("2026-12-02T09:40:00.000Z"),
    resend_available_at: isoTime("2026-12-02T09:31:00.000Z")
      .nullable()
      .describe("When asking again sends a code; null once ended"),
    created_at: isoTime(),
  })
  .meta({ id: "Verification" });

export const PhoneNumberSchema = z
  .object({
    id: prefixedId(PHONE_NUMBER_ID),
    user_id: prefixedId(USER_ID),
    phone_number: e164(),
    region: z.string().nullable().describe("ISO 3166-1 alpha-2, when known"),
    number_type: z.string(),
    primary: z.boolean(),
    verified: z.boolean(),
    verified_at: isoTime("2026-12-02T09:31:12.000Z").nullable(),
    verification_strategy: z.enum(["sms_code", "admin", "test_number"]).nullable(),
    reserved_for_second_factor: z.boolean(),
    default_second_factor: z.boolean(),
    verification: VerificationSchema.nullable().describe("The latest code verification, if any"),
    created_at: isoTime("2026-12-01T17:04:00.000Z"),
    updated_at: isoTime(),
  })
  .meta({ id: "PhoneNumber" });

export const UserSchema = z
  .object({
    id: prefixedId(USER_ID),
    external_id: z.string().nullable().meta({ example: "customer-4711" }),
    primary_phone_number_id: prefixedId(PHONE_NUMBER_ID).nullable(),
    phone_numbers: z.array(PhoneNumberSchema),
    created_at: isoTime("2026-12-01T17:04:00.000Z"),
    updated_at: isoTime(),
  })
  .meta({ id: "User" });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).meta({
        description: `Stable machine-readable code; each always answers the same status:\n\n${errorCodeTable()}`,
        example: "PHONE_NUMBER_NOT_FOUND",
      }),
      message: z.string().meta({ example: "No phone number pn_01kbf2tqa0w7y6x5v4t3s2r1q0." }),
      request_id: z.string().meta({ example: "req_01kbf2w0b1c2d3e4f5g6h7j8k9" }),
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
    // `returned` is only ever ZITADEL's `return_code`; the native API always sends an SMS.
    delivery: z.enum(["sms", "test_number", "returned"]),
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
  phone_number: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("E.164, or national with `region`; may be left out with `verification_id`"),
  user_id: z.string().min(1).max(64),
  verified: z.boolean().optional().describe("Mark verified without a code (strategy `admin`)"),
  reserved_for_second_factor: z.boolean().optional(),
  verification_id: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe(
      "An approved verification of a bare number (`POST /v1/verifications`) to attach: the number arrives verified with its strategy; once, within `attachable_until`",
    ),
})
  .strict()
  .refine((body) => body.phone_number !== undefined || body.verification_id !== undefined, {
    message: "give `phone_number`, or `verification_id`",
    path: ["phone_number"],
  });

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
