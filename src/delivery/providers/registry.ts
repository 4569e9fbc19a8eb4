import { kannelKind } from "./kannel/kannel-kind.js";
import type { RegisteredKind } from "./kind.js";
import { smppKind } from "./smpp/smpp-kind.js";
import { snsKind } from "./sns/sns-kind.js";
import { twilioKind } from "./twilio/twilio-kind.js";
import { vonageKind } from "./vonage/vonage-kind.js";
import { webhookKind } from "./webhook/webhook-kind.js";

/**
 * Every provider type an operator can configure, besides the development `inbox`. One line per type:
 * adding a provider is a folder under providers/ and its kind here.
 */
export const PROVIDER_KINDS: readonly RegisteredKind[] = [
  webhookKind,
  kannelKind,
  twilioKind,
  vonageKind,
  snsKind,
  smppKind,
];
