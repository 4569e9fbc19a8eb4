import { expect } from "vitest";
import { openApiFixture } from "../support/openapi-fixture.js";

export type TwilioSchemaName =
  | "verify.v2.service.verification"
  | "verify.v2.service.verification_check"
  | "verify.v2.service";

/**
 * Twilio's own response schemas (test/fixtures/twilio/, extracted from twilio/twilio-oai with the
 * origin noted in the file): what the surface answers must be valid under them.
 */
const twilio = openApiFixture<TwilioSchemaName>(
  new URL("../fixtures/twilio/verify-v2.schemas.json", import.meta.url),
);

/**
 * Asserts that a body is valid under Twilio's schema of that name, and that it has every field the
 * schema lists and none it does not (Twilio's schemas mark nothing required, so this is checked here).
 */
export function expectTwilioSchema(name: TwilioSchemaName, body: unknown): void {
  const validate = twilio.validator(name);
  const valid = validate(body);
  expect(validate.errors ?? [], JSON.stringify(body)).toEqual([]);
  expect(valid).toBe(true);
  const schema = twilio.fixture.components.schemas[name] as { properties: Record<string, unknown> };
  expect(Object.keys(body as object).sort()).toEqual(Object.keys(schema.properties).sort());
}
