import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { expect } from "vitest";

/**
 * Clerk's own response schemas (test/fixtures/clerk/, extracted from clerk/openapi-specs with the
 * origin noted in the file), for checking that what the surface answers is what strict generated
 * SDKs (C#, Go, Python) expect: every required field there, no field the schema does not know.
 */
const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/clerk/bapi-2026-05-12.schemas.json", import.meta.url), "utf8"),
) as { components: { schemas: Record<string, unknown> } };

/** OpenAPI 3.0's `nullable: true` as JSON Schema (null or the schema), and its discriminators dropped. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== "object" || node === null) return node;
  const { nullable, discriminator: _discriminator, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      key === "properties"
        ? Object.fromEntries(Object.entries(value as object).map(([name, s]) => [name, toJsonSchema(s)]))
        : toJsonSchema(value),
    ]),
  );
  return nullable === true ? { anyOf: [{ type: "null" }, converted] } : converted;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ $id: "clerk", components: { schemas: toJsonSchema(fixture.components.schemas) } });

export type ClerkSchemaName =
  | "User"
  | "UserList"
  | "PhoneNumber"
  | "DeletedObject"
  | "TotalCount"
  | "ClerkErrors"
  | "VerificationResponse";

const validators = new Map<ClerkSchemaName, ValidateFunction>();

/** Asserts that a response body is valid under Clerk's schema of that name. */
export function expectClerkSchema(name: ClerkSchemaName, body: unknown): void {
  let validate = validators.get(name);
  if (!validate) {
    validate = ajv.compile({ $ref: `clerk#/components/schemas/${name}` });
    validators.set(name, validate);
  }
  const valid = validate(body);
  expect(valid ? [] : validate.errors, `${name} per Clerk's schema`).toEqual([]);
}
