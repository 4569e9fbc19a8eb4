/**
 * The range a number belongs to: its E.164 form without the last 3 digits, a block of 1,000
 * consecutive numbers. SMS pumping walks sequential numbers in one range, so budgets and the
 * conversion guard count per range as well as per country.
 */
export function numberRangeOf(e164: string): string {
  return `${e164.slice(0, -3)}xxx`;
}
