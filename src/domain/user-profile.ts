import { HandsetError } from "./errors.js";

export type Metadata = Record<string, unknown>;

/** Clerk's limit on a user's metadata: 8 KiB of JSON per object. */
export const MAX_METADATA_BYTES = 8192;
/** The users table's columns: names up to 256 characters, external ids up to 200. */
export const MAX_NAME_LENGTH = 256;
export const MAX_EXTERNAL_ID_LENGTH = 200;

const isObject = (value: unknown): value is Metadata =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Clerk's metadata merge: nested objects merge key by key, `null` removes a key at any level, any
 * other value replaces what was there.
 */
export function mergeMetadata(base: Metadata, patch: Metadata): Metadata {
  const merged: Metadata = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete merged[key];
    } else {
      const current = merged[key];
      merged[key] = isObject(value) && isObject(current) ? mergeMetadata(current, value) : value;
    }
  }
  return merged;
}

/** The JSON text a metadata object is stored as, refused when it is larger than Clerk allows. */
export function metadataText(field: string, metadata: Metadata): string {
  const text = JSON.stringify(metadata);
  if (Buffer.byteLength(text, "utf8") > MAX_METADATA_BYTES) {
    throw new HandsetError(
      "INVALID_REQUEST",
      `${field} must be at most ${MAX_METADATA_BYTES} bytes of JSON.`,
      {
        field,
        fields: [{ path: field, message: `at most ${MAX_METADATA_BYTES} bytes of JSON` }],
      },
    );
  }
  return text;
}

/** A name or external id within its column; an empty string clears a name, as Clerk reads it. */
export function checkedText(field: string, value: string, max: number): string {
  if (value.length > max) {
    throw new HandsetError("INVALID_REQUEST", `${field} must be at most ${max} characters.`, {
      field,
      fields: [{ path: field, message: `at most ${max} characters` }],
    });
  }
  return value;
}
