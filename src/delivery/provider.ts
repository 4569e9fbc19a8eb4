import type { ReceiptStatus } from "../domain/message-status.js";
import type { SmsEncoding } from "../domain/sms-text.js";

export type { ReceiptStatus };

/** One SMS as a provider receives it. `id` (the outbox id) doubles as the idempotency key. */
export interface SmsMessage {
  id: string;
  tenantId: string;
  to: string;
  body: string;
  /** Given to providers that render their own text; never logged. */
  code: string;
  verificationId: string;
  createdAt: number;
  /** How `body` travels: GSM 03.38 7-bit or UCS-2, chosen from its characters (`smsText`). */
  encoding: SmsEncoding;
  /** Parts the body takes in that encoding (concatenated SMS). */
  segments: number;
}

/** A provider's acceptance of a message. */
export interface SmsAccepted {
  /** The provider's own id of the message, which its receipts carry; null when it gives none. */
  providerMessageId: string | null;
  /** Set by a router: the configured name of the provider that took the message. */
  provider?: string;
}

/** What every SMS provider implements. Throw `SmsDeliveryError` to say whether a retry can help. */
export interface SmsProvider {
  /** The configured name (`twilio`, or an operator's own like `twilio-eu`); receipts are routed by it. */
  readonly name: string;
  /** Development providers (the inbox) keep codes readable and must not run in production unless allowed. */
  readonly development: boolean;
  send(message: SmsMessage): Promise<SmsAccepted>;
  /**
   * A request the provider made to Handset's callback route (`/sms/callbacks/<name>`): a delivery
   * receipt, a status callback. The provider checks that it is genuine (its signature, or the token of
   * `ProviderContext.callbackUrl`), answers 403 when it is not, and reports what it says to
   * `ProviderContext.receipts` before answering, so the answer follows a durable write.
   */
  handleCallback?(request: CallbackRequest): Promise<CallbackAnswer>;
  /** Opens long-lived connections (an SMPP bind); sends before it resolves may fail as retryable. */
  start?(): Promise<void>;
  /** Closes them; sends under way end (accepted or failed) first. */
  close?(): Promise<void>;
}

/** The longest a provider may ask to be left alone: ten minutes, the outbox's longest backoff. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

export interface SmsDeliveryErrorOptions {
  /** The provider asked to be left alone this long (HTTP 429 Retry-After, SMPP throttling). */
  retryAfterMs?: number;
  /**
   * What a refusal is about: the message (an invalid or blocked number: no provider will take it) or
   * the provider itself (bad credentials, a suspended account, a sender it will not use): another
   * provider of the route may take the message. `message` unless said.
   */
  about?: "message" | "provider";
}

/**
 * A failed send. `retryable` says whether trying again (later, or through another provider of the
 * route) can help: false for a refusal about the message itself (invalid number, blocked destination,
 * bad credentials that no retry will fix), true for the provider's own trouble (down, timeout, 5xx,
 * throttled). Its message is logged and stored: never the code, the full number or a secret.
 */
export class SmsDeliveryError extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly about: "message" | "provider";

  constructor(message: string, retryable: boolean, options: SmsDeliveryErrorOptions = {}) {
    super(message);
    this.name = "SmsDeliveryError";
    this.retryable = retryable;
    // A provider's (or a proxy's) stray huge value must not park a provider or a message for long.
    this.retryAfterMs =
      options.retryAfterMs === undefined ? undefined : Math.min(options.retryAfterMs, MAX_RETRY_AFTER_MS);
    this.about = options.about ?? "message";
  }
}

/** What a provider's receipt says about one message. */
export interface DeliveryReport {
  /**
   * The outbox id, when the receipt carries it (the callback URL's `m`, a client reference) or the
   * provider remembers it (an SMPP bind's map of submitted ids): it matches even before the send's
   * outcome is recorded. Otherwise null, and `providerMessageId` is matched.
   */
  messageId: string | null;
  providerMessageId: string | null;
  status: ReceiptStatus;
  /** The provider's error code or reason, never a number or a code. */
  error: string | null;
  /** When the provider says the final state was reached; null for the time of receipt. */
  at: number | null;
}

export interface ReceiptSink {
  /**
   * Records a receipt of this provider's; resolves once it is durable. False when no message of this
   * provider matched (logged and dropped).
   */
  report(report: DeliveryReport): Promise<boolean>;
}

/** A request to `/sms/callbacks/<name>`, as the HTTP edge received it. */
export interface CallbackRequest {
  method: string;
  /**
   * The absolute URL the provider called, rebuilt from the configured public URL, the path and the
   * query exactly as sent: what Twilio and others sign.
   */
  url: string;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The raw body, undecoded (form, JSON, or empty for a GET). */
  body: string;
}

export interface CallbackAnswer {
  status: number;
  contentType?: string;
  body?: string;
}

export interface DeliveryLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What Handset gives every provider it creates. */
export interface ProviderContext {
  /** The provider's configured name: its callback route is `/sms/callbacks/<name>`. */
  name: string;
  now(): number;
  logger: DeliveryLogger;
  receipts: ReceiptSink;
  /**
   * The URL to ask the provider to call back for one message (status callback, dlr-url, …), with the
   * outbox id (`m`) and a token (`t`) only Handset can make, so a forged receipt is refused even from
   * a provider that signs nothing. Null when no public URL is configured: ask for no receipt then.
   */
  callbackUrl(messageId: string): string | null;
  /** The outbox id of a callback URL made by `callbackUrl`, or null when its token is missing or wrong. */
  callbackMessageId(url: string): string | null;
}
