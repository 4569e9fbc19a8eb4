import {
  type ProviderContext,
  type SmsAccepted,
  SmsDeliveryError,
  type SmsMessage,
  type SmsProvider,
} from "../../provider.js";
import { describeFailure, redact } from "../wire-failure.js";
import { parseRetryAfter, twilioRefusal } from "./twilio-errors.js";
import { handleTwilioStatusCallback } from "./twilio-status-callback.js";

export interface TwilioProviderOptions {
  /** `AC…`: the account the message is created in (the URL path). */
  accountSid: string;
  /** Basic auth user and password: the account SID and auth token, or an API key SID (`SK…`) and secret. */
  username: string;
  password: string;
  /** The account's auth token, which signs status callbacks; null asks for none (API key without it). */
  signingToken: string | null;
  sender: { from: string } | { messagingServiceSid: string };
  /** https://api.twilio.com, or a test server. */
  baseUrl: string;
  timeoutMs: number;
}

/** A Message SID as the 2010-04-01 OpenAPI description gives it (`api.v2010.account.message.sid`). */
const MESSAGE_SID = /^(SM|MM)[0-9a-fA-F]{32}$/;

/**
 * Sends through Twilio Programmable Messaging: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`,
 * form-encoded, HTTP Basic auth; 201 with the Message resource, whose `sid` receipts carry.
 *
 * Twilio's Messages API takes no idempotency key (its OpenAPI description declares none, and the
 * `I-Twilio-Idempotency-Token` header is one Twilio sends on its own webhooks, not one its REST API
 * reads): a send whose answer is lost (a timeout, a crash after Twilio accepted it) is tried again and
 * can reach the phone twice. The status callback URL carries the outbox id, so receipts still match.
 */
export function createTwilioProvider(
  options: TwilioProviderOptions,
  context: Pick<
    ProviderContext,
    "name" | "now" | "logger" | "receipts" | "callbackUrl" | "callbackMessageId"
  >,
): SmsProvider {
  const endpoint = `${options.baseUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString("base64")}`;
  return {
    name: context.name,
    development: false,
    async send(message: SmsMessage): Promise<SmsAccepted> {
      const form = new URLSearchParams({ To: message.to, Body: message.body });
      if ("from" in options.sender) form.set("From", options.sender.from);
      else form.set("MessagingServiceSid", options.sender.messagingServiceSid);
      const callbackUrl = options.signingToken === null ? null : context.callbackUrl(message.id);
      if (callbackUrl !== null) form.set("StatusCallback", callbackUrl);
      let response: Response;
      let text: string;
      try {
        response = await fetch(endpoint, {
          method: "POST",
          headers: {
            authorization,
            "content-type": "application/x-www-form-urlencoded",
            accept: "application/json",
          },
          body: form.toString(),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        text = await response.text();
      } catch (error) {
        throw new SmsDeliveryError(`twilio unreachable: ${describeFailure(error)}`, true);
      }
      if (response.status >= 200 && response.status < 300) {
        const sid = readSid(text);
        if (sid !== null) return { providerMessageId: sid };
        // Twilio may have created the message: retrying could send it twice, so it fails instead.
        throw new SmsDeliveryError(
          `twilio answered ${response.status} without a message sid: ${redact(text.trim()).slice(0, 200)}`,
          false,
        );
      }
      throw twilioRefusal(
        response.status,
        text,
        parseRetryAfter(response.headers.get("retry-after"), context.now()),
      );
    },
    handleCallback: (request) =>
      handleTwilioStatusCallback(request, { signingToken: options.signingToken, context }),
  };
}

function readSid(text: string): string | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === "object") {
      const sid = (parsed as Record<string, unknown>).sid;
      if (typeof sid === "string" && MESSAGE_SID.test(sid)) return sid;
    }
  } catch {
    // Not JSON: not Twilio's answer.
  }
  return null;
}
