import { isLocalHostName, isPrivateAddress } from "../delivery/app-webhooks/address-guard.js";
import { HandsetError } from "../domain/errors.js";
import { ALL_EVENTS, isPublicEventType } from "../domain/webhook-events.js";

/** The checks of what a caller asks of a webhook endpoint: each refusal names its field. */
function invalid(path: string, message: string, text: string): HandsetError {
  return new HandsetError("INVALID_REQUEST", text, { field: path, fields: [{ path, message }] });
}

export const ENDPOINT_ID = /^whep_[0-9a-z]{26}$/;
export const DELIVERY_ID = /^whd_[0-9a-z]{26}$/;
const MAX_URL = 2048;
const MAX_DESCRIPTION = 500;
const MAX_TYPES = 50;

/**
 * An http(s) URL without credentials, on a public address unless private networks are allowed. A host
 * name is checked again, resolved, at every attempt (src/delivery/app-webhooks/sender.ts): a name that
 * resolves to a private address is refused then.
 */
export function checkWebhookUrl(value: string, allowPrivateNetworks: boolean): string {
  if (value.length === 0 || value.length > MAX_URL) {
    throw invalid("url", `1 to ${MAX_URL} characters`, `url has 1 to ${MAX_URL} characters.`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid("url", "an absolute http(s) URL", "url is not an absolute URL.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalid("url", "an http(s) URL", "A webhook URL is http or https.");
  }
  if (url.username !== "" || url.password !== "") {
    throw invalid(
      "url",
      "no user or password",
      "A webhook URL carries no user or password; the signature proves the sender.",
    );
  }
  if (url.hash !== "") throw invalid("url", "no fragment", "A webhook URL has no #fragment.");
  if (!allowPrivateNetworks && (isLocalHostName(url.hostname) || isPrivateAddress(url.hostname))) {
    throw invalid(
      "url",
      "a public address",
      "That URL is a loopback or private address; set HANDSET_APP_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true to allow such receivers.",
    );
  }
  return url.toString();
}

/** Public event types, or `*` alone; duplicates dropped. */
export function checkEventTypes(value: readonly string[]): string[] {
  if (value.length === 0 || value.length > MAX_TYPES) {
    throw invalid(
      "event_types",
      `1 to ${MAX_TYPES} types`,
      `event_types lists 1 to ${MAX_TYPES} event types, or "*".`,
    );
  }
  const types = [...new Set(value)];
  for (const [index, type] of types.entries()) {
    if (type === ALL_EVENTS) continue;
    if (!isPublicEventType(type)) {
      throw invalid(
        `event_types.${index}`,
        "a public event type or *",
        `${JSON.stringify(type.slice(0, 80))} is not an event type webhooks send (see docs/webhooks.md).`,
      );
    }
  }
  if (types.includes(ALL_EVENTS) && types.length > 1) {
    throw invalid("event_types", '"*" alone', '"*" means every event type: list it alone.');
  }
  return types.sort();
}

export function checkDescription(value: string): string {
  if (value.length > MAX_DESCRIPTION) {
    throw invalid(
      "description",
      `up to ${MAX_DESCRIPTION} characters`,
      `description has up to ${MAX_DESCRIPTION} characters.`,
    );
  }
  return value;
}

export function checkPageSize(limit: number, max: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw invalid("limit", `1 to ${max}`, `limit is a whole number from 1 to ${max}.`);
  }
}

export function endpointNotFound(id: string): HandsetError {
  return new HandsetError("WEBHOOK_ENDPOINT_NOT_FOUND", `No webhook endpoint ${id.slice(0, 80)}.`);
}

export function deliveryNotFound(id: string): HandsetError {
  return new HandsetError("WEBHOOK_DELIVERY_NOT_FOUND", `No webhook delivery ${id.slice(0, 80)}.`);
}

export function invalidCursor(field = "after"): HandsetError {
  return invalid(field, "a cursor from a previous page", "That is not a cursor from a previous page.");
}
