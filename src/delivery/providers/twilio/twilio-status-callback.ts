import twilio from "twilio";
import type { CallbackAnswer, CallbackRequest, ProviderContext, ReceiptStatus } from "../../provider.js";

/** Twilio's `MessageStatus` values that are final, and how a receipt says them. Others are steps on the way. */
const FINAL_STATUSES: Readonly<Record<string, ReceiptStatus>> = {
  delivered: "delivered",
  undelivered: "undelivered",
  failed: "failed",
};

const MESSAGE_SID = /^(SM|MM)[0-9a-fA-F]{32}$/;

export interface StatusCallbackOptions {
  /** The account's auth token: Twilio signs callbacks with it even when the send used an API key. */
  signingToken: string | null;
  context: Pick<ProviderContext, "name" | "logger" | "receipts" | "callbackMessageId">;
}

/**
 * A Twilio status callback (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status):
 * a form POST to the `StatusCallback` URL, signed in `X-Twilio-Signature` (HMAC-SHA1 with the auth token
 * over the full URL and the sorted form parameters, https://www.twilio.com/docs/usage/security). It is
 * taken only when both the signature and our own token in the URL (`callbackMessageId`) are right: the
 * signature proves Twilio sent it, the URL that it is about the message we asked about. Final statuses are
 * reported before the answer; intermediate ones (queued, sent, …) are acknowledged and dropped.
 */
export async function handleTwilioStatusCallback(
  request: CallbackRequest,
  { signingToken, context }: StatusCallbackOptions,
): Promise<CallbackAnswer> {
  const messageId = context.callbackMessageId(request.url);
  if (messageId === null) return refuse(context, "a callback URL not made by this Handset");
  if (request.method !== "POST") return { status: 405 };
  if (signingToken === null) return refuse(context, "no auth_token configured to check the signature");
  const signature = request.headers["x-twilio-signature"];
  if (!signature) return refuse(context, "no X-Twilio-Signature");
  const params = Object.fromEntries(new URLSearchParams(request.body));
  if (!twilio.validateRequest(signingToken, signature, request.url, params)) {
    return refuse(context, "a wrong X-Twilio-Signature");
  }
  const status = params.MessageStatus ?? "";
  const final = FINAL_STATUSES[status];
  if (final === undefined) return { status: 204 };
  const sid = params.MessageSid ?? "";
  const errorCode = params.ErrorCode && /^\d{1,10}$/.test(params.ErrorCode) ? params.ErrorCode : null;
  const matched = await context.receipts.report({
    messageId,
    providerMessageId: MESSAGE_SID.test(sid) ? sid : null,
    status: final,
    error: final === "delivered" ? null : errorCode,
    at: null,
  });
  if (!matched)
    context.logger.warn({ provider: context.name, messageId, status }, "twilio receipt matched no message");
  return { status: 204 };
}

function refuse(context: StatusCallbackOptions["context"], why: string): CallbackAnswer {
  context.logger.warn({ provider: context.name }, `twilio status callback refused: ${why}`);
  return { status: 403 };
}
