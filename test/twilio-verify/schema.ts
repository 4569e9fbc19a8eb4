import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { expect } from "vitest";

/**
 * Twilio's own response schemas (test/fixtures/twilio/, extracted from twilio/twilio-oai with the
 * origin noted in the file): what the surface answers must be valid under them.
 */
const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/twilio/verify-v2.schemas.json", import.meta.url), "utf8"),
) as { components: { schemas: Record<string, unknown> } };

/** OpenAPI 3.0's `nullable: true` as JSON Schema (null or the schema). */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== "object" || node === null) return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
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
ajv.addSchema({ $id: "twilio", components: { schemas: toJsonSchema(fixture.components.schemas) } });

export type TwilioSchemaName =
  | "verify.v2.service.verification"
  | "verify.v2.service.verification_check"
  | "verify.v2.service";

const validators = new Map<TwilioSchemaName, ValidateFunction>();

/**
 * Asserts that a body is valid under Twilio's schema of that name, and that it has every field the
 * schema lists and none it does not (Twilio's schemas mark nothing required, so this is checked here).
 */
export function expectTwilioSchema(name: TwilioSchemaName, body: unknown): void {
  let validate = validators.get(name);
  if (!validate) {
    validate = ajv.compile({ $ref: `twilio#/components/schemas/${name}` });
    validators.set(name, validate);
  }
  const valid = validate(body);
  expect(validate.errors ?? [], JSON.stringify(body)).toEqual([]);
  expect(valid).toBe(true);
  const schema = fixture.components.schemas[name] as { properties: Record<string, unknown> };
  expect(Object.keys(body as object).sort()).toEqual(Object.keys(schema.properties).sort());
}
