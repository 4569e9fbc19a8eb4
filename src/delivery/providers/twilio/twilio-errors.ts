import { SmsDeliveryError } from "../../provider.js";
import { redact } from "../wire-failure.js";

/**
 * Twilio error codes with a known meaning for a send, from Twilio's error dictionary
 * (https://www.twilio.com/docs/api/errors/<code>) and the REST API's error page
 * (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions). `retryable` overrides
 * the HTTP status's default only where the dictionary says the condition passes on its own.
 */
const KNOWN_CODES: Readonly<
  Record<number, { meaning: string; retryable: boolean; about?: "message" | "provider" }>
> = {
  20003: {
    about: "provider",
    meaning: "authentication failed: check the account SID and auth token or API key",
    retryable: false,
  },
  20404: { about: "provider", meaning: "not found: check the account SID", retryable: false },
  20429: { meaning: "too many requests", retryable: true },
  20500: { meaning: "Twilio internal error", retryable: true },
  20503: { meaning: "Twilio service unavailable", retryable: true },
  21211: { meaning: "invalid To number", retryable: false },
  21408: { about: "provider", meaning: "no geo permission to send to this region", retryable: false },
  21606: { about: "provider", meaning: "the From number cannot send to this destination", retryable: false },
  21608: { meaning: "trial account: the To number is not verified", retryable: false },
  21610: { meaning: "recipient unsubscribed (replied STOP) or blocked", retryable: false },
  // "This 'From' number has exceeded the maximum number of queued messages": it drains on its own.
  21611: { meaning: "the sender's queue is full", retryable: true },
  21612: { meaning: "Twilio cannot route to this number", retryable: false },
  21614: { meaning: "To is not a mobile number", retryable: false },
  21617: { meaning: "body too long", retryable: false },
};

/** What Twilio's JSON error body holds (the REST API's documented exception format). */
export interface TwilioErrorBody {
  code: number | null;
  message: string | null;
  moreInfo: string | null;
}

export function readTwilioError(text: string): TwilioErrorBody {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === "object") {
      const record = parsed as Record<string, unknown>;
      return {
        code: typeof record.code === "number" ? record.code : null,
        message: typeof record.message === "string" ? record.message : null,
        moreInfo: typeof record.more_info === "string" ? record.more_info : null,
      };
    }
  } catch {
    // A proxy's page or an empty body: the HTTP status alone decides.
  }
  return { code: null, message: null, moreInfo: null };
}

/**
 * The error for a non-2xx answer. Without a known code, 5xx, 408 and 429 are Twilio's trouble (retried)
 * and any other 4xx a refusal of this request (not retried: the same request would be refused again).
 */
export function twilioRefusal(
  status: number,
  text: string,
  retryAfterMs: number | undefined,
): SmsDeliveryError {
  const error = readTwilioError(text);
  const known = error.code === null ? undefined : KNOWN_CODES[error.code];
  const retryable = known?.retryable ?? (status >= 500 || status === 408 || status === 429);
  // 401 and 403 without a known code: Twilio refused the credentials, not the message.
  const about = known?.about ?? (status === 401 || status === 403 ? "provider" : "message");
  const parts = [`twilio answered ${status}`];
  if (error.code !== null) parts.push(`code ${error.code}${known ? ` (${known.meaning})` : ""}`);
  let description = parts.join(", ");
  // Twilio's messages quote the number ("The 'To' number +41… is not a valid phone number"): blanked.
  if (error.message) description += `: ${redact(error.message).slice(0, 200)}`;
  if (error.moreInfo) description += ` (${redact(error.moreInfo).slice(0, 100)})`;
  return new SmsDeliveryError(description, retryable, retryable ? { retryAfterMs } : { about });
}

/** `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
