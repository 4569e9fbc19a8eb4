import { z } from "zod";

/** Clerk sends `null` for "not given" as readily as it leaves a key out. */
const flag = z.boolean().nullish();

export const CreatePhoneNumberBody = z.strictObject({
  user_id: z.string(),
  phone_number: z.string(),
  verified: flag,
  primary: flag,
  reserved_for_second_factor: flag,
});

export const UpdatePhoneNumberBody = z.strictObject({
  verified: flag,
  primary: flag,
  reserved_for_second_factor: flag,
  /** Not in Clerk's Backend API (its Frontend API has it): the one way to choose the default. */
  default_second_factor: flag,
});

export const CreateUserBody = z.strictObject({
  external_id: z.string().min(1).max(255).nullish(),
  phone_number: z.array(z.string()).max(10).nullish(),
  phone_number_identification_status: z
    .array(z.enum(["verified", "reserved"]))
    .max(10)
    .nullish(),
  // Handset users have no password and no legal acceptance: skipping those checks is always true.
  skip_password_checks: flag,
  skip_password_requirement: flag,
  skip_legal_checks: flag,
});
