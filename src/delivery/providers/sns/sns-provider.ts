import { type MessageAttributeValue, PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import {
  type ProviderContext,
  type SmsAccepted,
  SmsDeliveryError,
  type SmsMessage,
  type SmsProvider,
} from "../../provider.js";
import { senderIdAllowed } from "./sender-id-countries.js";
import { snsDeliveryError } from "./sns-errors.js";

export interface SnsProviderOptions {
  region: string;
  /** An alphanumeric sender ID (1–11), sent where the destination country supports one. */
  senderId: string | undefined;
  /** An origination number of the account (E.164) for `AWS.MM.SMS.OriginationNumber`. */
  originationNumber: string | undefined;
  /** The most, in USD, one message may cost (`AWS.SNS.SMS.MaxPrice`); SNS refuses dearer sends. */
  maxPriceUsd: number | undefined;
  /** Another endpoint than SNS's regional one (a VPC endpoint, a test server). */
  endpoint: string | undefined;
  /** Static credentials; unset, the SDK's default chain (environment, shared config, SSO, IMDS…). */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
  timeoutMs: number;
}

/**
 * Sends with Amazon SNS `Publish` straight to a phone number, through the AWS SDK (SigV4 signing, the
 * credential chain, endpoint resolution). Every message is `Transactional`: SNS's route for
 * time-critical messages such as one-time codes.
 *
 * SNS takes no client reference or idempotency key for an SMS publish (`MessageDeduplicationId` is for
 * FIFO topics only), so the outbox id cannot travel; a publish that times out after SNS took it may be
 * sent twice when retried. That is why the SDK makes a single attempt (`maxAttempts: 1`): the
 * dispatcher already retries with backoff and the router fails over, and SDK retries inside one send
 * would multiply attempts, double-send on each timeout, and overrun `timeout_ms`, which the dispatch
 * lease is checked against.
 *
 * SNS reports no per-message receipt to a URL (delivery status goes to CloudWatch Logs, when enabled
 * for the account), so there is no `handleCallback` and `providerMessageId` is SNS's `MessageId`, the
 * key of those logs.
 */
export function createSnsProvider(
  options: SnsProviderOptions,
  context: Pick<ProviderContext, "name">,
): SmsProvider {
  const client = new SNSClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
    maxAttempts: 1,
    // The socket-level limits; the abort signal below bounds the whole send, credential lookup included.
    requestHandler: {
      connectionTimeout: options.timeoutMs,
      requestTimeout: options.timeoutMs,
      throwOnRequestTimeout: true,
    },
  });

  return {
    name: context.name,
    development: false,
    async send(message: SmsMessage): Promise<SmsAccepted> {
      const command = new PublishCommand({
        PhoneNumber: message.to,
        Message: message.body,
        MessageAttributes: attributesFor(message, options),
      });
      const deadline = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          deadline.abort();
          reject(new SmsDeliveryError("sns unreachable: no answer within the timeout", true));
        }, options.timeoutMs);
      });
      let answer: { MessageId?: string | undefined; $metadata: { httpStatusCode?: number | undefined } };
      try {
        answer = await Promise.race([client.send(command, { abortSignal: deadline.signal }), timedOut]);
      } catch (error) {
        if (error instanceof SmsDeliveryError) throw error;
        throw snsDeliveryError(error);
      } finally {
        clearTimeout(timer);
      }
      if (answer.MessageId) return { providerMessageId: answer.MessageId };
      // A 2xx without SNS's PublishResponse (a proxy's page): whether SNS took the message is unknown,
      // and a retry could send it twice.
      throw new SmsDeliveryError(
        `sns answered ${answer.$metadata.httpStatusCode ?? "2xx"} without a MessageId: not a PublishResponse`,
        false,
      );
    },
    async close() {
      client.destroy();
    },
  };
}

/** The per-message SMS attributes of a Publish (SNS Developer Guide, "Publishing to a mobile phone"). */
function attributesFor(
  message: SmsMessage,
  options: SnsProviderOptions,
): Record<string, MessageAttributeValue> {
  const text = (value: string): MessageAttributeValue => ({ DataType: "String", StringValue: value });
  const attributes: Record<string, MessageAttributeValue> = { "AWS.SNS.SMS.SMSType": text("Transactional") };
  if (options.senderId && senderIdAllowed(message.to))
    attributes["AWS.SNS.SMS.SenderID"] = text(options.senderId);
  if (options.originationNumber) attributes["AWS.MM.SMS.OriginationNumber"] = text(options.originationNumber);
  if (options.maxPriceUsd !== undefined)
    attributes["AWS.SNS.SMS.MaxPrice"] = { DataType: "Number", StringValue: String(options.maxPriceUsd) };
  return attributes;
}
