import packageJson from "../../../package.json" with { type: "json" };
import { ERROR_CODES, type ErrorCode } from "../../domain/errors.js";
import type { SharedParameter } from "../../http/openapi.js";
import { nativeStatus } from "./errors.js";

/**
 * What the OpenAPI document says around the routes: its `info`, and the default description of each
 * response status. The error statuses list their codes from the native mapping itself (`nativeStatus`),
 * so the document cannot drift from what the API answers.
 */

/** The catalogue's codes grouped by the native status they answer with, statuses in order. */
export function errorCodesByStatus(): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of ERROR_CODES) {
    const status = nativeStatus(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  400: "Bad request",
  401: "No credential, or not a valid one",
  403: "The credential lacks the scope",
  404: "Not found",
  409: "Conflicts with the current state",
  413: "Body too large",
  415: "Body not JSON",
  422: "Refused input",
  429: "Too many: a limit or budget refused it",
  500: "Internal error",
  503: "Unavailable for now; retry",
};

/** Each status's default response description: its meaning, and for errors the codes it carries. */
export function defaultResponseDescriptions(): Record<number, string> {
  const descriptions: Record<number, string> = { ...STATUS_TEXT };
  for (const [status, codes] of errorCodesByStatus()) {
    const text = STATUS_TEXT[status] ?? `HTTP ${status}`;
    descriptions[status] = `${text}: ${codes.map((code) => `\`${code}\``).join(", ")}`;
  }
  return descriptions;
}

/** Markdown: every error code under its status, for the error schema's `code`. */
export function errorCodeTable(): string {
  const rows = [...errorCodesByStatus()].map(
    ([status, codes]) => `| ${status} | ${codes.map((code) => `\`${code}\``).join(", ")} |`,
  );
  return ["| status | codes |", "|---|---|", ...rows].join("\n");
}

/**
 * Handset's own notes on each surface live in the repository (there is no public address to link to),
 * so the document names their paths; the vendors' references are linked.
 */
export const nativeOpenApiInfo = {
  title: "Handset",
  version: packageJson.version,
  description: [
    "Phone numbers and SMS one-time codes. Admin routes take an admin API key, `/v1/me` routes a user " +
      "token (or, where configured, the app's own JWT: `docs/app-tokens.md`), both as " +
      "`Authorization: Bearer <secret>`. Every error answers the `Error` envelope; its " +
      "`code` is one of the catalogue below, always with the same HTTP status; a refused app JWT says " +
      "why in `details.reason`.",
    "",
    errorCodeTable(),
    "",
    "Handset also speaks four vendors' phone-number APIs, in each vendor's own wire format, so that " +
      "their SDKs and CLIs work against it unchanged. Those surfaces are not in this document:",
    "",
    `- **Linode** profile phone number, under \`/linode/v4\` (Handset: \`docs/linode.md\`; ` +
      "[Linode API](https://techdocs.akamai.com/linode-api/reference/post-profile-phone-number))",
    `- **Clerk** Backend API \`phone_numbers\`, under \`/clerk/v1\` (Handset: \`docs/clerk.md\`; ` +
      "[Clerk Backend API](https://clerk.com/docs/reference/backend-api))",
    "- **ZITADEL** `users/me/phone` over REST (`/zitadel/auth/v1`, `/zitadel/v2`), gRPC, gRPC-Web and " +
      `Connect (Handset: \`docs/zitadel.md\`; ` +
      "[ZITADEL APIs](https://zitadel.com/docs/apis/introduction))",
    "- **Twilio Verify** v2 Services, Verifications and VerificationCheck, under `/twilio/v2` (Handset: " +
      "`docs/twilio-verify.md`; [Twilio Verify API](https://www.twilio.com/docs/verify/api))",
  ].join("\n"),
};

/** The `Idempotency-Key` header every POST takes (docs/idempotency.md): one shared parameter. */
export const nativePostParameters: Record<string, SharedParameter> = {
  IdempotencyKey: {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description:
      "Makes the POST safe to retry: the same key with the same request within 24 hours answers the " +
      "first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key " +
      "with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 " +
      "`IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: " +
      "their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for " +
      "user tokens).",
    schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x20-\\x7E]+$" },
    example: "5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10",
  },
};
