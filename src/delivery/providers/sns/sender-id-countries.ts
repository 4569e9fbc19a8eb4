import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * Countries where Amazon SNS does not support an alphanumeric sender ID: those with an empty
 * "Supports sender IDs" cell in AWS's published table of SMS countries ("Supported Regions and
 * countries", Amazon SNS Developer Guide, awsdocs/amazon-sns-developer-guide,
 * doc_source/sns-supported-regions-countries.md). AWS names the United States, Canada and China among
 * them. There a sender ID is at best ignored, so `AWS.SNS.SMS.SenderID` is left out rather than risk
 * a carrier filtering the message. The table changes over time: AWS End User Messaging SMS's
 * "Supported countries and regions" page is the current word.
 */
export const COUNTRIES_WITHOUT_SENDER_ID: ReadonlySet<string> = new Set([
  "AF",
  "AR",
  "AZ",
  "BD",
  "BE",
  "BR",
  "CA",
  "CD",
  "CG",
  "CI",
  "CL",
  "CN",
  "CO",
  "CR",
  "CZ",
  "DO",
  "DZ",
  "EC",
  "ET",
  "GF",
  "GH",
  "GT",
  "GU",
  "HN",
  "HR",
  "HU",
  "ID",
  "IQ",
  "JP",
  "KE",
  "KG",
  "KI",
  "KN",
  "KR",
  "KY",
  "KZ",
  "LA",
  "LC",
  "LK",
  "MA",
  "MC",
  "ML",
  "MM",
  "MX",
  "MY",
  "MZ",
  "NA",
  "NI",
  "NP",
  "NZ",
  "PA",
  "PE",
  "PK",
  "PR",
  "PS",
  "PW",
  "RO",
  "SV",
  "TL",
  "TR",
  "TW",
  "TZ",
  "US",
  "UY",
  "VC",
  "VE",
  "ZA",
]);

/**
 * Whether a sender ID may go with an SMS to this E.164 number. A number whose country cannot be told
 * (an unassigned +1 area code, say) gets none: an omitted sender ID costs only the brand name, a
 * refused one could cost the message.
 */
export function senderIdAllowed(e164: string): boolean {
  const country = parsePhoneNumberFromString(e164)?.country;
  return country !== undefined && !COUNTRIES_WITHOUT_SENDER_ID.has(country);
}
