import {
  type CallbackAnswer,
  type CallbackRequest,
  type ProviderContext,
  type SmsAccepted,
  SmsDeliveryError,
  type SmsMessage,
  type SmsProvider,
} from "../../provider.js";
import { describeFailure, redact } from "../wire-failure.js";
import { isSignedByVonage, receiptFields, receiptReport } from "./vonage-receipt.js";
import { type VonageSignatureMethod, vonageSignature } from "./vonage-signature.js";
import { readParts, refusalError } from "./vonage-status.js";

export interface VonageProviderOptions {
  /** https://rest.nexmo.com, or a test server. */
  baseUrl: string;
  apiKey: string;
  /** Unset, requests are signed with `signatureSecret` instead (Vonage refuses both at once: status 32). */
  apiSecret: string | undefined;
  /** Verifies signed delivery receipts, and signs requests when there is no `apiSecret`. */
  signatureSecret: string | undefined;
  signatureMethod: VonageSignatureMethod;
  /** A number (E.164, `+` optional) or an alphanumeric sender id. */
  from: string;
  timeoutMs: number;
}

/**
 * Sends through Vonage's SMS API (`POST /sms/json`, form-encoded as its published description has it),
 * with the outbox id as `client-ref` and, when Handset has a public URL, a per-message `callback` for the
 * delivery receipts. Plain fetch rather than `@vonage/sms`: that SDK (1.21) posts JSON with Basic auth
 * and cannot sign sends, reads a 2xx it cannot parse as a success with no messages, and its errors carry
 * the request with its Authorization header.
 *
 * A long text travels as several parts, each with its own message id; the first one is recorded. Every
 * part's receipt comes to the same callback URL and is reported against the outbox id.
 */
export function createVonageProvider(
  options: VonageProviderOptions,
  context: Pick<
    ProviderContext,
    "name" | "now" | "logger" | "receipts" | "callbackUrl" | "callbackMessageId"
  >,
): SmsProvider {
  const sendUrl = `${options.baseUrl.replace(/\/+$/, "")}/sms/json`;
  const secrets = [options.apiSecret, options.signatureSecret].filter((s): s is string => s !== undefined);
  /** An answer's text fit for a log: no number, no code, and no secret even if a proxy echoed one. */
  const clean = (text: string, length: number): string =>
    secrets.reduce((t, secret) => t.split(secret).join("[secret]"), redact(text.trim())).slice(0, length);
  return {
    name: context.name,
    development: false,

    async send(message: SmsMessage): Promise<SmsAccepted> {
      const params: Record<string, string> = {
        api_key: options.apiKey,
        from: options.from.replace(/^\+/, ""),
        to: message.to.replace(/^\+/, ""),
        text: message.body,
        "client-ref": message.id,
      };
      if (message.encoding === "ucs2") params.type = "unicode";
      const callback = context.callbackUrl(message.id);
      // Without a callback Vonage would send receipts to the account's default webhook, if any: not ours.
      params["status-report-req"] = callback === null ? "0" : "1";
      if (callback !== null) params.callback = callback;
      if (options.apiSecret !== undefined) params.api_secret = options.apiSecret;
      else if (options.signatureSecret !== undefined) {
        params.timestamp = String(Math.floor(context.now() / 1000));
        params.sig = vonageSignature(params, options.signatureSecret, options.signatureMethod);
      }

      let response: Response;
      let body: string;
      try {
        response = await fetch(sendUrl, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
          body: new URLSearchParams(params).toString(),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        body = await response.text();
      } catch (error) {
        throw new SmsDeliveryError(`vonage unreachable: ${describeFailure(error)}`, true);
      }

      if (response.status < 200 || response.status >= 300) {
        const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
        const retryAfterMs = retryAfter(response.headers.get("retry-after"), context.now());
        throw new SmsDeliveryError(
          `vonage answered ${response.status}: ${clean(body, 160)}`,
          retryable,
          retryAfterMs === undefined ? {} : { retryAfterMs },
        );
      }
      const parts = readParts(body);
      // A 2xx that is not the documented answer: Vonage may have sent the SMS, so a retry could send it twice.
      if (parts === null) {
        throw new SmsDeliveryError(
          `vonage answered ${response.status} without a readable result: ${clean(body, 120)}`,
          false,
        );
      }
      const refused = parts.find((part) => part.status !== "0");
      if (refused === undefined) return { providerMessageId: parts[0]?.messageId ?? null };
      if (parts.some((part) => part.status === "0")) {
        // Some parts went out: retrying would send them again, and the recipient has part of the text.
        const error = refusalError(refused, clean);
        throw new SmsDeliveryError(`vonage sent only part of the message; ${error.message}`, false);
      }
      throw refusalError(refused, clean);
    },

    async handleCallback(request: CallbackRequest): Promise<CallbackAnswer> {
      const messageId = context.callbackMessageId(request.url);
      if (messageId === null) return { status: 403, body: "forbidden" };
      const fields = receiptFields(request);
      if (
        options.signatureSecret !== undefined &&
        !isSignedByVonage(fields, options.signatureSecret, options.signatureMethod)
      ) {
        context.logger.warn(
          { provider: context.name },
          "vonage receipt with a missing or wrong signature refused",
        );
        return { status: 403, body: "forbidden" };
      }
      const report = receiptReport(messageId, fields);
      if (report !== null) {
        const matched = await context.receipts.report(report);
        if (!matched) context.logger.info({ provider: context.name }, "vonage receipt matched no message");
      }
      return { status: 200, contentType: "text/plain", body: "ok" };
    },
  };
}

/** HTTP `Retry-After`, in seconds or as a date, in milliseconds from now. */
function retryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
