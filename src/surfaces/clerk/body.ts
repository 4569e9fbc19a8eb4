import type { z } from "zod";
import { ClerkApiError, type ClerkErrorEntry, clerkErrors } from "./errors.js";

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * Reads a JSON body the way Clerk does: no body is `{}`; every problem is reported as its own entry
 * in `errors[]` (missing, unknown and mistyped parameters), with the parameter in `meta.param_name`.
 */
export function parseClerkBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const input = body === undefined || body === null ? {} : body;
  if (typeof input !== "object" || Array.isArray(input)) {
    throw clerkErrors.requestBodyInvalid("The request body must be a JSON object.");
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = input as Record<string, unknown>;
  const entries: ClerkErrorEntry[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) entries.push(clerkErrors.paramUnknown(key));
      continue;
    }
    const top = issue.path[0];
    const name = issue.path.map(String).join(".");
    if (typeof top !== "string") continue;
    if (fields[top] === undefined) {
      entries.push(clerkErrors.paramMissing(top));
    } else if (issue.code === "invalid_type") {
      entries.push(
        clerkErrors.paramValueInvalid(
          name,
          `${name} is invalid. Received ${typeName(valueAt(input, issue.path))}, must be of type ${issue.expected}.`,
        ),
      );
    } else {
      entries.push(clerkErrors.paramValueInvalid(name, `${name} is invalid: ${issue.message}.`));
    }
  }
  if (entries.length === 0) throw clerkErrors.requestBodyInvalid();
  throw new ClerkApiError(422, entries);
}
