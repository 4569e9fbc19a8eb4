import { randomInt } from "node:crypto";
import type { Pdu, PduFields } from "smpp";
import {
  type ProviderContext,
  type SmsAccepted,
  SmsDeliveryError,
  type SmsMessage,
  type SmsProvider,
} from "../../provider.js";
import { SubmittedMessageIds } from "./message-ids.js";
import { isDeliveryReceipt, parseReceipt } from "./receipt.js";
import { ESM_CLASS_UDHI, shortMessageParts } from "./short-messages.js";
import { SmppBind, type SmppBindOptions } from "./smpp-bind.js";
import { smppSendTimeoutMs } from "./smpp-timeouts.js";
import { submitRefusal } from "./submit-status.js";

export interface SmppProviderOptions extends SmppBindOptions {
  /** The sender: letters make it alphanumeric (TON 5), digits an international number (TON 1, NPI 1). */
  sourceAddr: string | undefined;
}

/** The SMPP provider, with what tests and a health check may look at. */
export interface SmppProvider extends SmsProvider {
  readonly bound: boolean;
  whenBound(timeoutMs: number): Promise<void>;
}

const TON_INTERNATIONAL = 1;
const TON_ALPHANUMERIC = 5;
const NPI_ISDN = 1;

/**
 * Sends over an SMPP 3.4 transceiver bind (`SmppBind` keeps it up) and takes delivery receipts on the
 * same bind. Each part of a long text is its own `submit_sm`, behind a concatenation UDH; the message's
 * `providerMessageId` is the first part's `message_id`.
 *
 * SMPP has no idempotency key: a submit whose answer is lost (timeout, dropped connection) is retried
 * as a new message, so the SMS may arrive twice. The outbox id is not sent (`submit_sm` has no field the
 * SMSC would honour for it); receipts are matched through the ids of `submit_sm_resp`, remembered here.
 */
export function createSmppProvider(options: SmppProviderOptions, context: ProviderContext): SmppProvider {
  const submitted = new SubmittedMessageIds(() => context.now());
  const inFlight = new Set<Promise<unknown>>();
  let reference = randomInt(256);
  let closing = false;

  const source = sourceAddress(options.sourceAddr);

  async function handleDeliver(pdu: Pdu): Promise<number> {
    if (!isDeliveryReceipt(pdu)) {
      context.logger.info({ provider: context.name }, "smpp mobile-originated message ignored");
      return 0;
    }
    const receipt = parseReceipt(pdu);
    if (!receipt) {
      context.logger.warn({ provider: context.name }, "smpp delivery receipt without a message id ignored");
      return 0;
    }
    if (receipt.status === null) return 0;
    // A receipt can overtake the submit_sm_resp of its own message (the SMSC answers and reports on
    // different threads): let the submits under way finish, so their ids are known, before giving up.
    let part = submitted.lookup(receipt.providerMessageId);
    if (!part && inFlight.size > 0) {
      await Promise.allSettled([...inFlight]);
      part = submitted.lookup(receipt.providerMessageId);
    }
    await context.receipts.report({
      messageId: part?.messageId ?? null,
      providerMessageId: part?.providerMessageId ?? receipt.providerMessageId,
      status: receipt.status,
      error: receipt.error,
      at: null,
    });
    return 0;
  }

  const bind = new SmppBind(options, context.logger, handleDeliver);

  async function submitAll(message: SmsMessage): Promise<SmsAccepted> {
    const deadline = Date.now() + smppSendTimeoutMs(options.responseTimeoutMs);
    reference = (reference + 1) % 256;
    const parts = shortMessageParts(message.body, message.encoding, reference);
    let firstId: string | null = null;
    for (const [index, part] of parts.entries()) {
      const fields: PduFields = {
        ...source,
        dest_addr_ton: TON_INTERNATIONAL,
        dest_addr_npi: NPI_ISDN,
        destination_addr: message.to.replace(/^\+/, ""),
        esm_class: part.udh ? ESM_CLASS_UDHI : 0,
        registered_delivery: 1,
        data_coding: message.encoding === "gsm7" ? 0 : 8,
        short_message: part.bytes,
      };
      const label = parts.length > 1 ? ` (part ${index + 1} of ${parts.length})` : "";
      const pdu = await bind.submit(fields, deadline).catch((error: unknown) => {
        throw partial(error, index);
      });
      if (pdu.command_status !== 0) throw partial(submitRefusal(pdu.command_status, label), index);
      const smscId = pdu.message_id?.trim();
      if (!smscId) {
        // Accepted with no id: the SMS is on its way, so never retry; its receipt cannot be matched.
        context.logger.warn(
          { provider: context.name, messageId: message.id },
          "smpp submit_sm_resp had no message_id",
        );
        continue;
      }
      firstId ??= smscId;
      submitted.remember(smscId, { messageId: message.id, providerMessageId: firstId });
    }
    return { providerMessageId: firstId };
  }

  return {
    name: context.name,
    development: false,
    get bound() {
      return bind.bound;
    },
    whenBound: (timeoutMs) => bind.whenBound(timeoutMs),
    start: () => bind.start(),
    async close() {
      closing = true;
      await Promise.allSettled([...inFlight]);
      await bind.close();
    },
    async send(message) {
      if (closing) throw new SmsDeliveryError("smpp provider is closing", true);
      const sending = submitAll(message);
      inFlight.add(sending);
      try {
        return await sending;
      } finally {
        inFlight.delete(sending);
      }
    },
  };
}

/** The source address fields: alphanumeric senders are TON 5 / NPI 0, numbers TON 1 / NPI 1. */
function sourceAddress(sourceAddr: string | undefined): PduFields {
  if (!sourceAddr) return { source_addr_ton: 0, source_addr_npi: 0, source_addr: "" };
  if (/^\+?\d+$/.test(sourceAddr))
    return {
      source_addr_ton: TON_INTERNATIONAL,
      source_addr_npi: NPI_ISDN,
      source_addr: sourceAddr.replace(/^\+/, ""),
    };
  return { source_addr_ton: TON_ALPHANUMERIC, source_addr_npi: 0, source_addr: sourceAddr };
}

/** Says in a failure of a later part that earlier parts went out: a retry sends them again. */
function partial(error: unknown, index: number): unknown {
  if (!(error instanceof SmsDeliveryError) || index === 0) return error;
  return new SmsDeliveryError(`${error.message}; ${index} earlier part(s) were accepted`, error.retryable, {
    retryAfterMs: error.retryAfterMs,
  });
}
