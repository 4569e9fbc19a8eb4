import type { VerifyServiceInput } from "../../domain/verify-service.js";
import { twilioErrors } from "./errors.js";
import { optionalParam } from "./params.js";

/** A Twilio boolean parameter (the SDK sends `true` or `false`); absent: undefined. */
export function booleanParam(body: unknown, name: string): boolean | undefined {
  const value = optionalParam(body, name);
  if (value === undefined) return undefined;
  const lower = value.trim().toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  throw twilioErrors.invalidParameter(name, "true or false");
}

function integerParam(body: unknown, name: string): number | undefined {
  const value = optionalParam(body, name);
  if (value === undefined) return undefined;
  if (!/^\s*-?\d{1,9}\s*$/.test(value)) throw twilioErrors.invalidParameter(name, "a whole number");
  return Number(value);
}

/** A text parameter where an empty value clears the setting (Twilio's way of unsetting). */
function clearableParam(body: unknown, name: string): string | null | undefined {
  const value = optionalParam(body, name);
  if (value === undefined) return undefined;
  return value.trim() === "" ? null : value;
}

/**
 * A Service's create or update parameters (verify.v2 CreateService/UpdateService) as Handset's input.
 * The Push, Totp, Whatsapp and Passkeys groups configure channels Handset does not serve and are not
 * read. `SkipSmsToLandlines` is checked but changes nothing: Handset never texts a fixed line.
 */
export function serviceInputOf(body: unknown): VerifyServiceInput {
  booleanParam(body, "SkipSmsToLandlines");
  const input: VerifyServiceInput = {
    friendlyName: optionalParam(body, "FriendlyName"),
    codeLength: integerParam(body, "CodeLength"),
    customCodeEnabled: booleanParam(body, "CustomCodeEnabled"),
    lookupEnabled: booleanParam(body, "LookupEnabled"),
    dtmfInputRequired: booleanParam(body, "DtmfInputRequired"),
    psd2Enabled: booleanParam(body, "Psd2Enabled"),
    doNotShareWarningEnabled: booleanParam(body, "DoNotShareWarningEnabled"),
    verifyEventSubscriptionEnabled: booleanParam(body, "VerifyEventSubscriptionEnabled"),
    ttsName: clearableParam(body, "TtsName"),
    defaultTemplateSid: clearableParam(body, "DefaultTemplateSid"),
  };
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as VerifyServiceInput;
}
