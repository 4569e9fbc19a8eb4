import { z } from "zod";
import { FRIENDLY_NAME_MAX, SERVICE_CODE_LENGTH } from "../../domain/verify-service.js";

/** Wire shapes of the verify service routes (docs/twilio-verify.md, "Services"). */
const isoTime = z.iso.datetime().describe("RFC 3339 time, UTC");

export const VerifyServiceSchema = z
  .object({
    id: z.string().meta({ example: "vsv_01kbf2v8q7r6s5t4v3w2x1y0z9" }),
    tenant_id: z.string(),
    friendly_name: z.string().describe("The app name its SMS say (the `{app}` of the text)"),
    code_length: z
      .number()
      .int()
      .nullable()
      .describe("Digits of its codes; null: the tenant's configured length"),
    custom_code_enabled: z
      .boolean()
      .describe("Whether `POST /v1/verifications` may give the code (`custom_code`) for its verifications"),
    twilio: z
      .object({
        lookup_enabled: z.boolean(),
        psd2_enabled: z.boolean(),
        dtmf_input_required: z.boolean(),
        do_not_share_warning_enabled: z.boolean(),
        verify_event_subscription_enabled: z.boolean(),
        tts_name: z.string().nullable(),
        default_template_sid: z.string().nullable(),
      })
      .describe("Twilio's settings, kept as its surface set them; they change nothing in Handset"),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .meta({ id: "VerifyService" });

export const VerifyServicePageSchema = z
  .object({ data: z.array(VerifyServiceSchema), next_cursor: z.string().nullable() })
  .meta({ id: "VerifyServicePage" });

const friendlyName = z.string().max(200).meta({ example: "Acme Shop" });
const codeLength = z.number().int().min(SERVICE_CODE_LENGTH.min).max(SERVICE_CODE_LENGTH.max);

export const CreateVerifyServiceBody = z
  .strictObject({
    friendly_name: friendlyName.describe(`1 to ${FRIENDLY_NAME_MAX} printable characters on one line`),
    code_length: codeLength.nullable().optional().describe("6 to 10; absent or null: the tenant's length"),
    custom_code_enabled: z
      .boolean()
      .optional()
      .describe("Let the application choose its verifications' codes (sealed at rest); default false"),
  })
  .meta({ example: { friendly_name: "Acme Shop", code_length: 8 } });

export const UpdateVerifyServiceBody = z
  .strictObject({
    friendly_name: friendlyName.optional(),
    code_length: codeLength.nullable().optional().describe("null: back to the tenant's length"),
    custom_code_enabled: z.boolean().optional(),
  })
  .meta({ example: { code_length: 6 } });

export const VerifyServiceParams = z.strictObject({ service_id: z.string().min(1).max(64) });

export const ListVerifyServicesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: z.string().min(1).max(64).optional().describe("`next_cursor` of the previous page"),
});

export const VerifyServiceDeletedSchema = z
  .object({
    id: z.string(),
    deleted: z.literal(true),
    canceled_verifications: z.number().int().describe("Its open verifications, canceled with it"),
  })
  .meta({ id: "VerifyServiceDeleted" });
