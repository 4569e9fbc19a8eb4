import type { PhoneNumberView } from "../../services/views.js";
import { ClerkApiError, clerkErrors } from "./errors.js";

/**
 * Clerk refuses to make a user's last identification a second factor: a number reserved for second
 * factor no longer signs the user in, so another number that does must remain. Handset's users have
 * phone numbers as their only identifications, so "another" means another number not reserved.
 */
export function assertKeepsAnIdentification(
  reservingId: string | null,
  numbersOfUser: readonly PhoneNumberView[],
): void {
  const others = numbersOfUser.filter((n) => n.id !== reservingId && !n.reservedForSecondFactor);
  if (others.length === 0) throw clerkErrors.lastIdentificationAsSecondFactor();
}

export interface SecondFactorChange {
  verified?: boolean | null;
  reserved_for_second_factor?: boolean | null;
  default_second_factor?: boolean | null;
}

/**
 * Checks a PATCH's second-factor fields against the number as it is, before anything is written.
 * `default_second_factor` (Clerk's Frontend API field, which Handset also takes here) can only be
 * moved onto another reserved number, never simply switched off.
 */
export function checkSecondFactorChange(current: PhoneNumberView, change: SecondFactorChange): void {
  const verifiedAfter = change.verified ?? current.verified;
  // Taking verification away takes the reservation with it (the service does so).
  const reservedAfter =
    verifiedAfter && (change.reserved_for_second_factor ?? current.reservedForSecondFactor);
  if (change.default_second_factor === true) {
    if (!verifiedAfter) throw clerkErrors.updateSecondFactorUnverified();
    if (!reservedAfter) {
      throw new ClerkApiError(422, [
        clerkErrors.paramValueInvalid(
          "default_second_factor",
          "Only a phone number reserved for second factor can be the default second factor.",
        ),
      ]);
    }
  }
  if (change.default_second_factor === false && current.defaultSecondFactor && reservedAfter) {
    throw clerkErrors.disableDefaultSecondFactorNotAllowed();
  }
}
