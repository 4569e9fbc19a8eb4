import { expect } from "vitest";
import { openApiFixture } from "../support/openapi-fixture.js";

export type ClerkSchemaName =
  | "User"
  | "UserList"
  | "PhoneNumber"
  | "DeletedObject"
  | "TotalCount"
  | "ClerkErrors"
  | "VerificationResponse";

/**
 * Clerk's own response schemas (test/fixtures/clerk/, extracted from clerk/openapi-specs with the
 * origin noted in the file), for checking that what the surface answers is what strict generated
 * SDKs (C#, Go, Python) expect: every required field there, no field the schema does not know.
 */
const clerk = openApiFixture<ClerkSchemaName>(
  new URL("../fixtures/clerk/bapi-2026-05-12.schemas.json", import.meta.url),
);

/** Asserts that a response body is valid under Clerk's schema of that name. */
export function expectClerkSchema(name: ClerkSchemaName, body: unknown): void {
  const validate = clerk.validator(name);
  const valid = validate(body);
  expect(valid ? [] : validate.errors, `${name} per Clerk's schema`).toEqual([]);
}
