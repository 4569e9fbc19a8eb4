import type { FastifyError } from "fastify";
import { type FieldIssue, HandsetError } from "../domain/errors.js";
import { isDatabaseUnavailableError } from "../store/errors.js";

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as FastifyError).code === "string";
}

function fieldPath(issue: ValidationIssue): string {
  const base = (issue.instancePath ?? "").replace(/^\//, "").replaceAll("/", ".");
  const extra = issue.params?.additionalProperty ?? (issue.params?.keys as string[] | undefined)?.join(",");
  if (typeof extra === "string" && extra.length > 0) return base ? `${base}.${extra}` : extra;
  return base;
}

/**
 * Turns what Fastify raises about a request (bad JSON, a schema mismatch, a body too large, an
 * unknown media type) into the catalogue's errors, so each surface maps one kind of error only.
 * Anything else becomes INTERNAL: a bug, logged by the caller.
 */
export function toHandsetError(error: unknown): HandsetError {
  if (error instanceof HandsetError) return error;
  if (isDatabaseUnavailable(error)) {
    return new HandsetError("SERVICE_UNAVAILABLE", "The database is unavailable; try again shortly.");
  }
  if (!isFastifyError(error)) return new HandsetError("INTERNAL", "Something went wrong on our side.");
  if (error.validation) {
    const context = error.validationContext ?? "body";
    const fields: FieldIssue[] = (error.validation as ValidationIssue[]).map((issue) => ({
      path: fieldPath(issue) || context,
      message: issue.message ?? "is invalid",
    }));
    const first = fields[0];
    const summary = first ? `${first.path}: ${first.message}` : "the request does not match its schema";
    return new HandsetError("INVALID_REQUEST", `Invalid ${context}: ${summary}.`, { fields });
  }
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new HandsetError("MALFORMED_JSON", "The body is not valid JSON.");
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new HandsetError("PAYLOAD_TOO_LARGE", "The body is larger than this service accepts.");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new HandsetError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new HandsetError("INVALID_REQUEST", "The Content-Length header does not match the body.");
    default:
      if (error instanceof SyntaxError)
        return new HandsetError("MALFORMED_JSON", "The body is not valid JSON.");
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        return new HandsetError("INVALID_REQUEST", error.message);
      }
      return new HandsetError("INTERNAL", "Something went wrong on our side.");
  }
}

/**
 * Errors that mean the database cannot answer now (down, restarting, out of connections, too slow,
 * or this process's pool waited past its connect timeout): the request fails fast with 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return isDatabaseUnavailableError(error);
}
