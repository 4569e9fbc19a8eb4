/** One SMS as a provider receives it. `id` doubles as the idempotency key for providers that honour one. */
export interface SmsMessage {
  id: string;
  tenantId: string;
  to: string;
  body: string;
  /** Given to providers that render their own text; never logged. */
  code: string;
  verificationId: string;
  createdAt: number;
}

export interface SmsReceipt {
  providerMessageId: string | null;
}

/** What every SMS provider implements. Throw `SmsDeliveryError` to say whether a retry can help. */
export interface SmsProvider {
  readonly name: string;
  /** Development providers (the inbox) keep codes readable and must not run in production unless allowed. */
  readonly development: boolean;
  send(message: SmsMessage): Promise<SmsReceipt>;
}

export class SmsDeliveryError extends Error {
  readonly retryable: boolean;

  constructor(message: string, retryable: boolean) {
    super(message);
    this.name = "SmsDeliveryError";
    this.retryable = retryable;
  }
}
