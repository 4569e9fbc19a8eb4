import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

/**
 * The response schemas of Linode's published OpenAPI (test/fixtures/linode, origin noted there),
 * compiled with ajv. OpenAPI 3.0's `nullable` is ajv's own keyword; the formats Linode names are
 * checked: `email` and `url` as ajv-formats does, `phone` as E.164, `ssh-key` as `<type> <key>`.
 */
const schemas = JSON.parse(
  readFileSync(new URL("../fixtures/linode/profile-phone.schemas.json", import.meta.url), "utf8"),
) as Record<"Profile" | "EmptyObject" | "ErrorResponse", object>;

// ajv-formats is CommonJS with a default export: typed as the module object under NodeNext, it may
// arrive as either, depending on the loader's interop.
type AddFormats = typeof addFormatsModule.default;
const addFormats: AddFormats =
  typeof addFormatsModule === "function" ? (addFormatsModule as AddFormats) : addFormatsModule.default;

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv, ["email", "url"]);
ajv.addFormat("phone", /^\+[1-9]\d{1,14}$/);
ajv.addFormat("ssh-key", /^\S+ \S+/);

function compiled(name: keyof typeof schemas): ValidateFunction {
  return ajv.compile(schemas[name]);
}

const validators = {
  profile: compiled("Profile"),
  empty: compiled("EmptyObject"),
  error: compiled("ErrorResponse"),
};

/** The schema's complaints about `body` (empty when it conforms), readable in a failed `expect`. */
export function schemaErrors(kind: keyof typeof validators, body: unknown): string[] {
  const validate = validators[kind];
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`);
}
