import { z } from "zod";

/** Clerk sends `null` for "not given" as readily as it leaves a key out. */
const flag = z.boolean().nullish();
/** Clerk's metadata: any JSON object (arrays and scalars are not metadata). */
const metadata = z.record(z.string(), z.unknown());
const name = z.string().max(256).nullish();
const externalId = z.string().min(1).max(200).nullish();

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
  external_id: externalId,
  first_name: name,
  last_name: name,
  phone_number: z.array(z.string()).max(10).nullish(),
  phone_number_identification_status: z
    .array(z.enum(["verified", "reserved"]))
    .max(10)
    .nullish(),
  public_metadata: metadata.nullish(),
  private_metadata: metadata.nullish(),
  unsafe_metadata: metadata.nullish(),
  // Handset users have no password and no legal acceptance: skipping those checks is always true.
  skip_password_checks: flag,
  skip_password_requirement: flag,
  skip_legal_checks: flag,
});

const userAttributes = {
  external_id: externalId,
  first_name: name,
  last_name: name,
  primary_phone_number_id: z.string().min(1).nullish(),
};

/** `PATCH /users/{id}` as of API version 2026-05-12: metadata has its own route. */
export const UpdateUserBody = z.strictObject(userAttributes);

/** `PATCH /users/{id}` before 2026-05-12, which still took the three metadata objects (replacing them). */
export const LegacyUpdateUserBody = z.strictObject({
  ...userAttributes,
  public_metadata: metadata.nullish(),
  private_metadata: metadata.nullish(),
  unsafe_metadata: metadata.nullish(),
});

/** `PATCH` (merge) and `PUT` (replace) `/users/{id}/metadata`. */
export const UserMetadataBody = z.strictObject({
  public_metadata: metadata.nullish(),
  private_metadata: metadata.nullish(),
  unsafe_metadata: metadata.nullish(),
});

export const AttemptVerificationBody = z.strictObject({
  verification_id: z.string(),
  code: z.string(),
});
