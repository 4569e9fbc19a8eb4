/**
 * Destinations blocked by default because they are among those most reported for SMS pumping
 * (artificially inflated traffic, a form of International Revenue Share Fraud): small mobile markets
 * with high termination rates, where a rogue operator shares what each SMS earns. A tenant sends to
 * them only once an operator names them (`regions.allow_high_risk`, or an explicit `regions.allowed`
 * list): docs/fraud-guard.md, "Geo permissions and number types".
 *
 * Where it comes from. The large SMS vendors keep such a list and do not publish it whole; what they
 * publish is that the list exists and how to use it:
 * - Twilio, "Programmable SMS Geo Permissions - Risky Country User Acknowledgement" (changelog,
 *   22 Feb 2023, https://www.twilio.com/en-us/changelog/programmable-sms-geo-permissions-risky-country-user-acknowledgement):
 *   sending to countries where Twilio "has identified a rise of SMS Traffic Pumping Fraud" needs an
 *   acknowledgement; its SMS Geo Permissions guide
 *   (https://www.twilio.com/docs/messaging/guides/sms-geo-permissions) recommends disabling every
 *   destination a business does not use.
 * - Braze, "Geographic permissions"
 *   (https://www.braze.com/docs/user_guide/channels/sms_mms_and_rcs/message_setup/subscription_groups/geographic_permissions/):
 *   countries "with a higher risk of SMS ... traffic pumping" carry a "High Fraud Risk" tag (its
 *   example is Azerbaijan).
 * - Prelude, "2025 SMS Pumping Fraud Report" (https://prelude.so/blog/2025-sms-fraud-report): over
 *   205 million verification requests, "a small number of countries and carriers account for a
 *   disproportionate share of abuse".
 * Of the members below only Azerbaijan is named in those public sources; the others are Handset's
 * own choice of markets with the same profile (small, high termination rates, little OTP traffic from
 * real users of a typical app): the Caucasus and Central Asian markets and small African and Caribbean
 * ones. Compare it with your SMS provider's own list. It is kept short on purpose (no large market
 * whose real users a default would lock out): an operator narrows sending further with
 * `regions.allowed`, and the budgets and conversion guard still watch every other country.
 */
export const HIGH_RISK_REGIONS: readonly string[] = [
  "AZ", // Azerbaijan
  "BY", // Belarus
  "CU", // Cuba
  "GM", // Gambia
  "GN", // Guinea
  "KG", // Kyrgyzstan
  "LR", // Liberia
  "MR", // Mauritania
  "SL", // Sierra Leone
  "SO", // Somalia
  "TD", // Chad
  "TJ", // Tajikistan
  "TM", // Turkmenistan
  "UZ", // Uzbekistan
];

const HIGH_RISK: ReadonlySet<string> = new Set(HIGH_RISK_REGIONS);

export function isHighRiskRegion(region: string): boolean {
  return HIGH_RISK.has(region);
}
