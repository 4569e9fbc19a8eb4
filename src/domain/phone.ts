import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  type NumberType,
  ParseError,
  parsePhoneNumberFromString,
  parsePhoneNumberWithError,
} from "libphonenumber-js/max";
import { HandsetError } from "./errors.js";
import { isHighRiskRegion } from "./high-risk-regions.js";

/** ZITADEL's limit on the raw input, which we take for every surface. */
export const MAX_PHONE_INPUT_LENGTH = 50;

/** `valid` checks the number against the numbering plan; `possible` only checks its length. */
export type PhoneValidation = "valid" | "possible";

export type PhoneNumberType = NonNullable<NumberType> | "UNKNOWN";

export interface PhonePolicy {
  validation: PhoneValidation;
  allowVoip: boolean;
  /** Upper-case ISO regions; empty means every region is allowed. */
  allowedRegions: readonly string[];
  deniedRegions: readonly string[];
  /** Types refused by default that this tenant takes (its `number_types.allow` setting). */
  allowedTypes?: readonly OptInNumberType[];
  /** High-risk regions (see high-risk-regions.ts) this tenant sends to (`regions.allow_high_risk`). */
  allowHighRisk?: readonly string[];
}

/**
 * Types refused by default that a tenant may take: both receive SMS, but VoIP proves no device (NIST
 * SP 800-63B) and a personal number (UK 070) is a forwarding service priced like a premium line.
 */
export const OPT_IN_NUMBER_TYPES = ["VOIP", "PERSONAL_NUMBER"] as const;
export type OptInNumberType = (typeof OPT_IN_NUMBER_TYPES)[number];

export interface ParsedPhone {
  e164: string;
  /** ISO 3166-1 alpha-2, or null when the number is only possible and its region cannot be told. */
  region: string | null;
  type: PhoneNumberType;
}

/**
 * Types that cannot receive an SMS, or that are classic toll-fraud targets (the sender pays to reach
 * them). VOIP is decided by policy: NIST says it proves no device, but many real users have it.
 */
export const ALWAYS_REFUSED_TYPES = [
  "FIXED_LINE",
  "PREMIUM_RATE",
  "SHARED_COST",
  "TOLL_FREE",
  "UAN",
  "PAGER",
  "VOICEMAIL",
] as const satisfies readonly PhoneNumberType[];
const REFUSED_TYPES: ReadonlySet<PhoneNumberType> = new Set(ALWAYS_REFUSED_TYPES);

/**
 * Calling codes that belong to a country. The others (+800, +808, +870, +881, +882, +883, +888, +979)
 * are satellite phones and international networks, priced like premium numbers: toll-fraud targets.
 */
const GEOGRAPHIC_CALLING_CODES: ReadonlySet<string> = new Set(
  getCountries().map((c) => getCountryCallingCode(c)),
);

const TYPE_NAMES: Record<PhoneNumberType, string> = {
  FIXED_LINE: "a fixed line",
  MOBILE: "a mobile number",
  FIXED_LINE_OR_MOBILE: "a fixed line or mobile number",
  PREMIUM_RATE: "a premium-rate number",
  TOLL_FREE: "a toll-free number",
  SHARED_COST: "a shared-cost number",
  VOIP: "a VoIP number",
  PERSONAL_NUMBER: "a personal number",
  PAGER: "a pager",
  UAN: "a universal access number",
  VOICEMAIL: "a voicemail access number",
  UNKNOWN: "a number of unknown type",
};

/**
 * Parses what a person or a vendor SDK sends: E.164 with any spacing or punctuation, or a national
 * number with its ISO region (Linode sends `US` + `555-555-5555`). Refuses, each with its own code,
 * what is not a phone number we may send a code to.
 */
export function parsePhone(input: string, region: string | undefined, policy: PhonePolicy): ParsedPhone {
  const raw = input.trim();
  if (raw.length > MAX_PHONE_INPUT_LENGTH) {
    throw new HandsetError(
      "PHONE_NUMBER_TOO_LONG",
      `A phone number has at most ${MAX_PHONE_INPUT_LENGTH} characters.`,
      { field: "phone_number" },
    );
  }
  const defaultRegion = parseRegion(region, raw);
  let parsed: ReturnType<typeof parsePhoneNumberWithError>;
  try {
    // `extract: false`: the whole input must be the number, so text around it is refused, not dropped.
    parsed = parsePhoneNumberWithError(raw, {
      ...(defaultRegion ? { defaultCountry: defaultRegion } : {}),
      extract: false,
    });
  } catch (error) {
    throw parseErrorToHandset(error, raw);
  }
  if (parsed.ext !== undefined) {
    throw new HandsetError(
      "PHONE_NUMBER_NOT_A_NUMBER",
      `${raw} has an extension, which an SMS cannot reach: give the number without it.`,
      { field: "phone_number" },
    );
  }
  if (!parsed.isPossible()) {
    throw new HandsetError(
      "PHONE_NUMBER_NOT_POSSIBLE",
      `${parsed.number} cannot be a phone number: it has the wrong number of digits for its country.`,
      { field: "phone_number" },
    );
  }
  const valid = parsed.isValid();
  if (!valid && policy.validation === "valid") {
    throw new HandsetError(
      "PHONE_NUMBER_NOT_VALID",
      `${parsed.number} is not an assigned number in its country's numbering plan.`,
      { field: "phone_number" },
    );
  }
  const type: PhoneNumberType = parsed.getType() ?? "UNKNOWN";
  if (REFUSED_TYPES.has(type)) {
    throw new HandsetError(
      "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      `${parsed.number} is ${TYPE_NAMES[type]}, which cannot receive verification codes by SMS.`,
      { field: "phone_number", numberType: type },
    );
  }
  if (isOptInType(type) && !optedIn(type, policy)) {
    throw new HandsetError(
      "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      `${parsed.number} is ${TYPE_NAMES[type]}, which this service sends codes to only when the tenant's setting number_types.allow names its type.`,
      { field: "phone_number", numberType: type },
    );
  }
  if (!GEOGRAPHIC_CALLING_CODES.has(parsed.countryCallingCode)) {
    throw new HandsetError(
      "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      `${parsed.number} is a satellite or international-network number: these are classic SMS toll-fraud targets.`,
      { field: "phone_number", numberType: "NON_GEOGRAPHIC" },
    );
  }
  const numberRegion = parsed.country ?? null;
  checkRegionAllowed(numberRegion, parsed.number, policy);
  return { e164: parsed.number, region: numberRegion, type };
}

function parseRegion(region: string | undefined, raw: string): CountryCode | undefined {
  if (region === undefined || region === "") {
    if (!raw.startsWith("+")) {
      throw new HandsetError(
        "PHONE_NUMBER_NOT_A_NUMBER",
        "A phone number needs its country: give it in international form (+41 78 123 45 67) or with its ISO region.",
        { field: "phone_number" },
      );
    }
    return undefined;
  }
  const upper = region.trim().toUpperCase();
  if (!isSupportedCountry(upper)) {
    throw new HandsetError("PHONE_NUMBER_REGION_INVALID", `${region} is not an ISO 3166-1 region code.`, {
      field: "region",
    });
  }
  return upper;
}

function parseErrorToHandset(error: unknown, raw: string): HandsetError {
  const reason = error instanceof ParseError ? error.message : "NOT_A_NUMBER";
  switch (reason) {
    case "TOO_SHORT":
    case "TOO_LONG":
    case "INVALID_LENGTH":
      return new HandsetError(
        "PHONE_NUMBER_NOT_POSSIBLE",
        `${raw} cannot be a phone number: it has the wrong number of digits.`,
        { field: "phone_number" },
      );
    case "INVALID_COUNTRY":
      return new HandsetError(
        "PHONE_NUMBER_NOT_A_NUMBER",
        `${raw} has no country code we know: give it in international form (+41 78 123 45 67) or with its ISO region.`,
        { field: "phone_number" },
      );
    default:
      return new HandsetError("PHONE_NUMBER_NOT_A_NUMBER", `${raw} is not a phone number.`, {
        field: "phone_number",
      });
  }
}

function isOptInType(type: PhoneNumberType): type is OptInNumberType {
  return (OPT_IN_NUMBER_TYPES as readonly string[]).includes(type);
}

function optedIn(type: OptInNumberType, policy: PhonePolicy): boolean {
  return (type === "VOIP" && policy.allowVoip) || (policy.allowedTypes ?? []).includes(type);
}

function checkRegionAllowed(region: string | null, e164: string, policy: PhonePolicy): void {
  const allowed =
    policy.allowedRegions.length === 0 || (region !== null && policy.allowedRegions.includes(region));
  const denied = region !== null && policy.deniedRegions.includes(region);
  if (!allowed || denied) {
    throw new HandsetError(
      "PHONE_NUMBER_COUNTRY_NOT_ALLOWED",
      `${e164} is in ${region ?? "an unknown region"}, where this service does not send codes.`,
      region === null ? { field: "phone_number" } : { field: "phone_number", region },
    );
  }
  // A high-risk destination goes out only where an operator named it: in the tenant's
  // `regions.allow_high_risk`, or in an explicit list of allowed regions.
  if (
    region !== null &&
    isHighRiskRegion(region) &&
    !policy.allowedRegions.includes(region) &&
    !(policy.allowHighRisk ?? []).includes(region)
  ) {
    throw new HandsetError(
      "PHONE_NUMBER_COUNTRY_NOT_ALLOWED",
      `${e164} is in ${region}, a destination with a high risk of SMS pumping fraud: this service sends codes there only when the tenant's setting regions.allow_high_risk names ${region}.`,
      { field: "phone_number", region },
    );
  }
}

/**
 * The E.164 form of a number to look up: only its shape is checked, not the policy that decides what
 * may be added, so that a number held before a tenant narrowed its regions can still be found. A
 * national number needs its ISO region, as on the add path.
 */
export function normalizePhoneInput(input: string, region?: string): string {
  const invalid = (why: string) =>
    new HandsetError("INVALID_REQUEST", `${why}`, {
      field: "phone_number",
      fields: [{ path: "phone_number", message: why }],
    });
  const raw = input.trim();
  if (raw === "") throw invalid("Give a phone number to look up.");
  if (raw.length > MAX_PHONE_INPUT_LENGTH) {
    throw invalid(`A phone number has at most ${MAX_PHONE_INPUT_LENGTH} characters.`);
  }
  let defaultRegion: CountryCode | undefined;
  try {
    defaultRegion = parseRegion(region, raw);
  } catch (error) {
    if (error instanceof HandsetError) throw invalid(error.message);
    throw error;
  }
  try {
    const parsed = parsePhoneNumberWithError(raw, {
      ...(defaultRegion ? { defaultCountry: defaultRegion } : {}),
      extract: false,
    });
    if (!parsed.isPossible())
      throw invalid(`${raw} cannot be a phone number: it has the wrong number of digits.`);
    return parsed.number;
  } catch (error) {
    if (error instanceof HandsetError) throw error;
    throw invalid(parseErrorToHandset(error, raw).message);
  }
}

/**
 * The ISO region of a stored E.164 number (`+41781234567` → `CH`), or `unknown`: what the metrics
 * label a message with, so a dashboard shows destinations without ever holding a number.
 */
export function regionOfE164(e164: string): string {
  return parsePhoneNumberFromString(e164)?.country ?? "unknown";
}
