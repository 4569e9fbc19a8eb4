import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";

/** A fixture of schemas extracted from a vendor's OpenAPI 3.0 document (origin noted in the file). */
export interface OpenApiFixture {
  components: { schemas: Record<string, unknown> };
}

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

/**
 * Loads a vendor's schema fixture and answers an ajv validator per component schema name (compiled on
 * first use, `$ref`s between the fixture's schemas resolved).
 */
export function openApiFixture<Name extends string>(url: URL) {
  const fixture = JSON.parse(readFileSync(url, "utf8")) as OpenApiFixture;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: "fixture", components: { schemas: toJsonSchema(fixture.components.schemas) } });
  const validators = new Map<Name, ValidateFunction>();
  return {
    fixture,
    validator(name: Name): ValidateFunction {
      let validate = validators.get(name);
      if (!validate) {
        validate = ajv.compile({ $ref: `fixture#/components/schemas/${name}` });
        validators.set(name, validate);
      }
      return validate;
    },
  };
}
