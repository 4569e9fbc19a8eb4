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
import { handleKannelReceipt, kannelDlrUrl } from "./kannel-receipts.js";

export interface KannelProviderOptions {
  /** smsbox's sendsms interface, e.g. `http://127.0.0.1:13013/cgi-bin/sendsms`. */
  sendsmsUrl: string;
  /** A `sendsms-user` of smsbox. */
  username: string;
  password: string;
  /** The sender (`from`); unset, the `sendsms-user`'s `default-sender` or the global sender applies. */
  from: string | undefined;
  timeoutMs: number;
  /**
   * The `dlr-mask` asked for when Handset has a public URL (`DEFAULT_KANNEL_DLR_MASK`: delivered,
   * undelivered, SMSC reject); 0 asks for no receipts.
   */
  dlrMask: number;
}

/** Kannel's `coding`: 0 is the GSM 7-bit default alphabet, 2 is UCS-2. */
export type KannelCoding = 0 | 2;

/**
 * Sends through Kannel's smsbox `sendsms` HTTP interface, the gateway many carriers run. The text goes
 * as UTF-8 (`charset=UTF-8`) with `coding=2` (UCS-2) when it holds a character outside the GSM 7-bit
 * alphabet, so Kannel never replaces what it cannot encode with `?`.
 *
 * The parameters travel in a GET query, the form smsbox documents and every version takes (smsbox 1.4.5
 * answers a form-encoded POST body with 400 "Invalid content-type": its POST form wants the text as the
 * body and the rest in `X-Kannel-*` headers). Keep the sendsms port on a private network: its URLs hold
 * the password and the number. smsbox answers 202 with `0: Accepted for delivery` (handed
 * to an SMSC) or `3: Queued for later delivery` (kept in bearerbox's store until an SMSC is up): both are
 * accepted, and Kannel gives no message id at this step. 400 (bad parameters) and 403 (authorization
 * failed) fail the message; 5xx, 408, 429, timeouts and refused connections are retried.
 *
 * With a public URL, each message asks for delivery reports: `dlr-mask` and a `dlr-url` (the message's
 * callback URL with Kannel's escapes, see kannel-receipts.ts), which smsbox GETs when a report comes.
 *
 * Errors carry Kannel's answer with every run of six or more digits blanked, so neither the number nor
 * the code reaches a log or `outbox.last_error`; the password is never part of a message.
 */
export function createKannelProvider(
  options: KannelProviderOptions,
  context: Pick<ProviderContext, "name" | "callbackUrl" | "callbackMessageId" | "receipts" | "logger">,
): SmsProvider {
  return {
    name: context.name,
    development: false,
    async send(message: SmsMessage): Promise<SmsAccepted> {
      const params = new URLSearchParams({
        username: options.username,
        password: options.password,
        to: message.to,
        text: message.body,
        charset: "UTF-8",
        coding: message.encoding === "gsm7" ? "0" : "2",
      });
      if (options.from) params.set("from", options.from);
      const callbackUrl = options.dlrMask > 0 ? context.callbackUrl(message.id) : null;
      if (callbackUrl !== null) {
        params.set("dlr-mask", String(options.dlrMask));
        params.set("dlr-url", kannelDlrUrl(callbackUrl));
      }
      let response: Response;
      let text: string;
      try {
        const url = new URL(options.sendsmsUrl);
        for (const [key, value] of params) url.searchParams.set(key, value);
        response = await fetch(url, { method: "GET", signal: AbortSignal.timeout(options.timeoutMs) });
        text = await response.text();
      } catch (error) {
        throw new SmsDeliveryError(`kannel unreachable: ${describeFailure(error)}`, true);
      }
      const answer = redact(text.trim()).slice(0, 200);
      if (response.status >= 200 && response.status < 300) {
        if (/^[03]:/.test(answer)) return { providerMessageId: null };
        // A 2xx that is not one of smsbox's acceptances: not Kannel, or a proxy in the way. Retrying could
        // send the SMS twice, and a proxy page is a configuration fault, so the message fails.
        throw new SmsDeliveryError(`kannel answered ${response.status} without accepting: ${answer}`, false);
      }
      const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
      // 403: smsbox refused the sendsms user, not the message; another provider may take it.
      const about = response.status === 403 ? "provider" : "message";
      throw new SmsDeliveryError(`kannel answered ${response.status}: ${answer}`, retryable, { about });
    },
    handleCallback(request: CallbackRequest): Promise<CallbackAnswer> {
      return handleKannelReceipt(request, context);
    },
  };
}
