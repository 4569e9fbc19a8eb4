import { z } from "zod";
import { type FieldIssue, HandsetError } from "../../domain/errors.js";
import { MAX_CODE_INPUT_LENGTH } from "../../services/verification.js";

const NOT_AN_OBJECT = "The request body must be a JSON object.";

/** A required string field, with the texts `@linode/validation` shows for the same mistakes. */
function requiredString(field: string, required: string) {
  return z.string({
    error: (issue) => (issue.input === undefined ? required : `${field} must be a string.`),
  });
}

/** `POST /profile/phone-number`: the spec's schema, `additionalProperties: false`. */
export const SendCodeBody = z.strictObject(
  {
    iso_code: requiredString("iso_code", "iso_code is a required field").regex(
      /^[A-Za-z]{2}$/,
      "iso_code must be a two-letter ISO 3166 country code.",
    ),
    phone_number: requiredString("phone_number", "phone_number is a required field").min(
      1,
      "Not a valid phone number",
    ),
  },
  { error: NOT_AN_OBJECT },
);

/** `POST /profile/phone-number/verify`. The client lets a number through unchanged, so take one. */
export const VerifyCodeBody = z.strictObject(
  {
    otp_code: z
      .union([z.string(), z.number()], {
        error: (issue) =>
          issue.input === undefined ? "Verification Code is required." : "otp_code must be a string.",
      })
      .transform(String)
      .pipe(
        z
          .string()
          .min(1, "Verification Code is required.")
          .max(MAX_CODE_INPUT_LENGTH, `The verification code has at most ${MAX_CODE_INPUT_LENGTH} digits.`)
          .regex(/^\d+$/, "The verification code must only contain digits."),
      ),
  },
  { error: NOT_AN_OBJECT },
);

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: key, message: `${key} is not a recognized field.` }))
      : [{ path: issue.path.map(String).join("."), message: issue.message }],
  );
}

/**
 * Checks a body and reports every problem at once, each on its field, as Linode's docs promise ("as
 * many of the problems … as possible"). A bodiless request is an empty object.
 */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body === undefined ? {} : body);
  if (result.success) return result.data;
  const fields = issuesOf(result.error);
  throw new HandsetError("INVALID_REQUEST", fields[0]?.message ?? NOT_AN_OBJECT, { fields });
}
