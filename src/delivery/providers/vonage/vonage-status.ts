import { SmsDeliveryError } from "../../provider.js";

/**
 * Vonage's per-message `status` codes and whether a retry can help, from the `x-errors` of its published
 * SMS API description (github.com/Nexmo/api-specification, definitions/sms.yml; developer.vonage.com
 * /en/api-errors/sms). Refusals about the message, the number or the account's configuration are final;
 * Vonage's own trouble and limits that lift with time ("Back-off and retry", "Top-up and retry") are not.
 */
const STATUS: Readonly<Record<string, { meaning: string; retryable: boolean; retryAfterMs?: number }>> = {
  // The documented limit is per second (30 messages/s by default), so a second's pause is enough.
  "1": { meaning: "throttled", retryable: true, retryAfterMs: 1_000 },
  "2": { meaning: "missing parameters", retryable: false },
  "3": { meaning: "invalid parameters", retryable: false },
  "4": { meaning: "invalid credentials", retryable: false },
  "5": { meaning: "internal error", retryable: true },
  "6": { meaning: "invalid message (e.g. unrecognised number prefix)", retryable: false },
  "7": { meaning: "number barred", retryable: false },
  "8": { meaning: "partner account barred", retryable: false },
  "9": { meaning: "partner quota exceeded (no credit)", retryable: true },
  "10": { meaning: "too many existing binds", retryable: true, retryAfterMs: 1_000 },
  "11": { meaning: "account not enabled for HTTP", retryable: false },
  "12": { meaning: "message too long", retryable: false },
  "14": { meaning: "invalid signature", retryable: false },
  "15": { meaning: "invalid sender address", retryable: false },
  "22": { meaning: "invalid network code", retryable: false },
  "23": { meaning: "invalid callback url", retryable: false },
  "29": { meaning: "non-whitelisted destination (demo account)", retryable: false },
  "32": { meaning: "signature and api secret disallowed", retryable: false },
  "33": { meaning: "number de-activated", retryable: false },
};

/** One entry of the answer's `messages`: one per SMS part. */
export interface VonagePart {
  status: string;
  messageId: string | null;
  errorText: string | null;
}

/**
 * The error for a part Vonage refused, its `error-text` passed through `clean`. An undocumented code is final: Vonage refused the message and
 * nothing says that a retry would fare better.
 */
export function refusalError(
  part: VonagePart,
  clean: (text: string, length: number) => string,
): SmsDeliveryError {
  const known = STATUS[part.status];
  const text = part.errorText ? `: ${clean(part.errorText, 160)}` : "";
  const meaning = known ? ` (${known.meaning})` : "";
  return new SmsDeliveryError(
    `vonage refused the message, status ${part.status}${meaning}${text}`,
    known?.retryable ?? false,
    known?.retryAfterMs === undefined ? {} : { retryAfterMs: known.retryAfterMs },
  );
}

/**
 * The parts of a 200 answer, or null when it is not the documented `{"message-count", "messages": [...]}`
 * with a `status` in every entry.
 */
export function readParts(body: string): VonagePart[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== "object") return null;
  const messages = (parsed as Record<string, unknown>).messages;
  if (!Array.isArray(messages) || messages.length === 0) return null;
  const parts: VonagePart[] = [];
  for (const entry of messages) {
    if (entry === null || typeof entry !== "object") return null;
    const record = entry as Record<string, unknown>;
    const status = record.status;
    if (typeof status !== "string" && typeof status !== "number") return null;
    const messageId = record["message-id"];
    const errorText = record["error-text"];
    parts.push({
      status: String(status),
      messageId: typeof messageId === "string" && messageId.length > 0 ? messageId : null,
      errorText: typeof errorText === "string" ? errorText : null,
    });
  }
  return parts;
}
