import { Code } from "@connectrpc/connect";
import type { LightMyRequestResponse } from "fastify";
import { httpStatusOf } from "../../src/surfaces/zitadel/error-edge.js";
import type { Surface } from "./route-table.js";

/** Connect's error codes as its JSON names them (`Code.PermissionDenied` -> `permission_denied`). */
const connectName = (code: Code) => Code[code].replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();

const isString = (v: unknown): v is string => typeof v === "string" && v.length > 0;
const keysWithin = (o: object, allowed: readonly string[]) =>
  Object.keys(o).every((k) => allowed.includes(k));

function problemsOf(surface: Surface, res: LightMyRequestResponse): string | undefined {
  let body: Record<string, unknown>;
  try {
    body = res.json();
  } catch {
    return `not JSON: ${res.body.slice(0, 80)}`;
  }
  const requestId = res.headers["x-request-id"];
  switch (surface) {
    case "native": {
      const error = body.error as Record<string, unknown> | undefined;
      const ok = error && isString(error.code) && isString(error.message) && error.request_id === requestId;
      return ok ? undefined : "not {error:{code,message,request_id}}";
    }
    case "linode": {
      const errors = body.errors as Record<string, unknown>[] | undefined;
      const ok =
        keysWithin(body, ["errors"]) &&
        Array.isArray(errors) &&
        errors.length > 0 &&
        errors.every((e) => isString(e.reason) && keysWithin(e, ["reason", "field"]));
      return ok ? undefined : "not {errors:[{reason,field?}]}";
    }
    case "clerk": {
      const errors = body.errors as Record<string, unknown>[] | undefined;
      const ok =
        Array.isArray(errors) &&
        errors.length > 0 &&
        errors.every((e) => isString(e.code) && isString(e.message) && isString(e.long_message)) &&
        body.clerk_trace_id === requestId &&
        // `@clerk/backend` parses a body only when the type is exactly this.
        res.headers["content-type"] === "application/json";
      return ok ? undefined : "not {errors:[{code,message,long_message}],clerk_trace_id}";
    }
    case "twilio-verify": {
      const ok =
        keysWithin(body, ["code", "message", "more_info", "status"]) &&
        typeof body.code === "number" &&
        isString(body.message) &&
        body.more_info === `https://www.twilio.com/docs/errors/${body.code}` &&
        body.status === res.statusCode;
      return ok ? undefined : "not Twilio's {code,message,more_info,status}";
    }
    case "zitadel-rest": {
      const ok =
        typeof body.code === "number" &&
        isString(body.message) &&
        keysWithin(body, ["code", "message", "details"]) &&
        httpStatusOf(body.code) === res.statusCode;
      return ok ? undefined : "not the gateway's {code,message,details?} for its status";
    }
    case "zitadel-connect": {
      const code = Object.values(Code).find((c) => typeof c === "number" && connectName(c) === body.code);
      const ok =
        typeof code === "number" &&
        isString(body.message) &&
        keysWithin(body, ["code", "message", "details"]) &&
        httpStatusOf(code) === res.statusCode;
      return ok ? undefined : "not Connect's {code,message,details?} for its status";
    }
  }
}

/**
 * Checks an answer: one of the expected statuses, never a 5xx, and the surface's own error envelope.
 * Returns what is wrong, or undefined.
 */
export function checkAnswer(
  surface: Surface,
  res: LightMyRequestResponse,
  expected: readonly number[],
  options: { head?: boolean } = {},
): string | undefined {
  if (!expected.includes(res.statusCode)) {
    return `answered ${res.statusCode} (expected ${expected.join(" or ")}): ${res.body.slice(0, 160)}`;
  }
  if (options.head) return undefined;
  const problem = problemsOf(surface, res);
  return problem && `${res.statusCode} ${problem}: ${res.body.slice(0, 160)}`;
}

/** Unknown routes under a surface's prefix take the envelope of the mount they fall under. */
export const NOT_FOUND_ENVELOPE: Record<Surface, Surface> = {
  native: "native",
  linode: "linode",
  clerk: "clerk",
  "twilio-verify": "twilio-verify",
  "zitadel-rest": "zitadel-rest",
  // A Connect path that names no RPC is not an RPC: the mount's not-found answers, as the gateway.
  "zitadel-connect": "zitadel-rest",
};
