import { type DescField, type DescMessage, getOption, hasOption, type Message } from "@bufbuild/protobuf";
import { Code } from "@connectrpc/connect";
import { type FieldRules, rules } from "@zitadel/proto/validate/validate_pb.js";
import { plainError } from "./errors.js";

/** protoc-gen-validate names a field by its Go name: `user_id` -> `UserId`. */
function goName(protoName: string): string {
  return protoName
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** The field's value, or undefined when it sits in a oneof whose other member is set. */
function fieldValue(message: Message, field: DescField): unknown {
  const record = message as unknown as Record<string, unknown>;
  if (field.oneof) {
    const chosen = record[field.oneof.localName] as { case?: string; value?: unknown } | undefined;
    return chosen?.case === field.localName ? chosen.value : undefined;
  }
  return record[field.localName];
}

function stringProblem(value: string, r: Extract<FieldRules["type"], { case: "string" }>["value"]) {
  const runes = [...value].length;
  const min = r.minLen === undefined ? undefined : Number(r.minLen);
  const max = r.maxLen === undefined ? undefined : Number(r.maxLen);
  if (min !== undefined && max !== undefined && (runes < min || runes > max)) {
    return min === max
      ? `value length must be ${min} runes`
      : `value length must be between ${min} and ${max} runes, inclusive`;
  }
  if (min !== undefined && max === undefined && runes < min)
    return `value length must be at least ${min} runes`;
  if (max !== undefined && min === undefined && runes > max)
    return `value length must be at most ${max} runes`;
  if (r.prefix !== undefined && !value.startsWith(r.prefix)) {
    return `value does not have prefix ${JSON.stringify(r.prefix)}`;
  }
  return undefined;
}

function fieldProblem(value: unknown, fieldRules: FieldRules): string | undefined {
  const type = fieldRules.type;
  if (type.case === "string" && typeof value === "string") return stringProblem(value, type.value);
  if (type.case === "bool" && typeof value === "boolean" && type.value.const !== undefined) {
    return value === type.value.const ? undefined : `value must equal ${type.value.const}`;
  }
  return undefined;
}

/**
 * Checks a request against the `validate.rules` its descriptor carries, as ZITADEL's validation
 * interceptor does: the first broken rule answers InvalidArgument with protoc-gen-validate's wording
 * and no detail, before anything else runs. Only the rule kinds the phone requests use are read.
 */
export function validateRequest(schema: DescMessage, message: Message): void {
  for (const field of schema.fields) {
    if (!hasOption(field, rules)) continue;
    const value = fieldValue(message, field);
    if (value === undefined) continue;
    const problem = fieldProblem(value, getOption(field, rules));
    if (problem) {
      throw plainError(Code.InvalidArgument, `invalid ${schema.name}.${goName(field.name)}: ${problem}`);
    }
  }
}
