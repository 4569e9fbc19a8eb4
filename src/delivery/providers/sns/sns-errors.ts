import { SmsDeliveryError } from "../../provider.js";
import { redact } from "../wire-failure.js";

/**
 * Error codes of SNS `Publish` (the Publish API reference and the `errors` of `com.amazonaws.sns#Publish`
 * in SNS's Smithy model, aws-sdk-js-v3 codegen/sdk-codegen/aws-models/sns.json) plus the errors common
 * to every AWS Query API, by the name the SDK gives them: the modelled exception class
 * (`InvalidParameterException`) or, unmodelled, the wire code (`Throttling`). Compared without a
 * trailing `Exception`.
 *
 * Retrying helps only with the service's own trouble: throttling (`Throttled` is SNS's 429, `Throttling`
 * the common 400), internal errors, unavailability, and credentials or clocks that time heals
 * (`ExpiredToken` from a credential chain that refreshes, `RequestExpired` from clock skew).
 */
const RETRYABLE = new Set([
  "Throttled",
  "Throttling",
  "TooManyRequests",
  "KMSThrottling",
  "InternalError",
  "InternalFailure",
  "ServiceUnavailable",
  "RequestTimeout",
  "ExpiredToken",
  "RequestExpired",
]);

/**
 * Refusals of the message itself (`InvalidParameter`: SNS's answer to a number it cannot send to;
 * `ParameterValueInvalid`, whose SDK class is `InvalidParameterValueException`; `OptedOut`;
 * `EndpointDisabled`) and of the account (`AuthorizationError`, `InvalidSecurity`, KMS, signature and
 * key errors): a retry sends the same request to the same answer. Named so their log line says so;
 * any other 4xx is permanent too.
 */
const ABOUT_THE_MESSAGE = new Set([
  "InvalidParameter",
  "InvalidParameterValue",
  "ParameterValueInvalid",
  "Validation",
  "ValidationError",
  "OptedOut",
  "EndpointDisabled",
  "NotFound",
  "PlatformApplicationDisabled",
]);

interface SdkError {
  name: string;
  message: string;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
  code?: string;
  cause?: unknown;
}

/** An SDK or network failure of one Publish as a `SmsDeliveryError`, its message free of numbers and codes. */
export function snsDeliveryError(error: unknown): SmsDeliveryError {
  if (!(error instanceof Error)) return new SmsDeliveryError(`sns failed: ${redact(String(error))}`, true);
  const failure = error as Error & SdkError;
  const status = failure.$metadata?.httpStatusCode;
  if (status === undefined) {
    // No HTTP answer: the connection, the timeout, or credentials the chain could not load. The last is
    // retried too: the chain's instance metadata or SSO lookups fail for a while and then work again,
    // and the dispatcher's attempts are bounded.
    if (failure.name === "CredentialsProviderError")
      return new SmsDeliveryError(`sns has no AWS credentials: ${redact(failure.message)}`, true);
    return new SmsDeliveryError(`sns unreachable: ${networkReason(failure)}`, true);
  }
  const code = failure.name.replace(/Exception$/, "");
  const said = `sns answered ${status} ${code}: ${redact(failure.message).slice(0, 200)}`;
  if (RETRYABLE.has(code) || status === 429 || status >= 500 || failure.$fault === "server") {
    const retryAfterMs = retryAfter(failure.$response?.headers?.["retry-after"]);
    return new SmsDeliveryError(said, true, retryAfterMs === undefined ? {} : { retryAfterMs });
  }
  const kind = ABOUT_THE_MESSAGE.has(code) ? "refused the message" : "refused the request";
  return new SmsDeliveryError(`${said} (${kind})`, false);
}

function networkReason(error: Error & SdkError): string {
  if (error.name === "TimeoutError" || error.name === "AbortError") return "no answer within the timeout";
  const code = error.code ?? (error.cause instanceof Error ? (error.cause as SdkError).code : undefined);
  return code ?? redact(error.message);
}

/** `Retry-After` in seconds (SNS documents none, but a proxy or a future SNS may send it). */
function retryAfter(header: string | undefined): number | undefined {
  if (header === undefined || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim()) * 1000;
}
