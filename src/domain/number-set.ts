import { HandsetError } from "./errors.js";

/**
 * The rules about one user's set of numbers, as pure functions over the set: each takes the numbers
 * as they are and a change, and returns the whole set as it must be afterwards, or throws the
 * catalogue error of the rule the change would break. The service runs them under the user's lock
 * and writes the difference; a surface only chooses which optional rules apply.
 *
 * Always true afterwards:
 * - at most one primary; a user's first number becomes primary;
 * - only a verified number is reserved for second factor (taking verification away takes the
 *   reservation with it);
 * - only a reserved number is the default second factor, and whenever any number is reserved exactly
 *   one is the default.
 */
export interface HeldNumber {
  id: string;
  e164: string;
  primary: boolean;
  verified: boolean;
  reservedForSecondFactor: boolean;
  defaultSecondFactor: boolean;
}

export interface NumberSetRules {
  /**
   * Clerk: a number reserved for second factor no longer signs the user in, so reserving (or removing)
   * must leave another number that does.
   */
  keepIdentification: boolean;
  /** Clerk: the default second factor moves only by naming another; switching it off alone is refused. */
  defaultMovesOnlyByNaming: boolean;
}

/** The native API's rules: the invariants above and nothing more. */
export const HANDSET_RULES: NumberSetRules = { keepIdentification: false, defaultMovesOnlyByNaming: false };
export const CLERK_RULES: NumberSetRules = { keepIdentification: true, defaultMovesOnlyByNaming: true };

export interface NewNumber {
  id: string;
  e164: string;
  verified: boolean;
  primary?: boolean;
  reservedForSecondFactor?: boolean;
}

export interface NumberChange {
  /** `true` moves the primary here; `false` leaves the user without one. */
  primary?: boolean;
  verified?: boolean;
  reservedForSecondFactor?: boolean;
  /**
   * `true` moves the default second factor here; `false` hands it to another reserved number, and is
   * refused when there is none (also when this change reserves the user's first number).
   */
  defaultSecondFactor?: boolean;
}

const notVerified = () =>
  new HandsetError(
    "PHONE_NUMBER_NOT_VERIFIED",
    "Only a verified number can be reserved for second factor: verify it first.",
  );

const lastIdentification = (doing: string) =>
  new HandsetError(
    "PHONE_NUMBER_LAST_IDENTIFICATION",
    `${doing} would leave the user no number to sign in with: a number reserved for second factor does not identify the user.`,
  );

const defaultRequired = (why: string) =>
  new HandsetError(
    "DEFAULT_SECOND_FACTOR_REQUIRED",
    `The default second factor cannot be switched off: ${why}`,
  );

/** Gives the default second factor to the first reserved number when none holds it. */
function settleDefault(numbers: HeldNumber[]): HeldNumber[] {
  const reserved = numbers.filter((n) => n.reservedForSecondFactor);
  if (reserved.length === 0 || reserved.some((n) => n.defaultSecondFactor)) return numbers;
  const heir = reserved[0]?.id;
  return numbers.map((n) => (n.id === heir ? { ...n, defaultSecondFactor: true } : n));
}

const identifies = (n: HeldNumber) => !n.reservedForSecondFactor;

export function findHeld(numbers: readonly HeldNumber[], id: string): HeldNumber {
  const found = numbers.find((n) => n.id === id);
  if (!found) throw new HandsetError("PHONE_NUMBER_NOT_FOUND", `No phone number ${id}.`);
  return found;
}

export function withAdded(
  numbers: readonly HeldNumber[],
  added: NewNumber,
  rules: NumberSetRules,
): HeldNumber[] {
  const reserved = added.reservedForSecondFactor === true;
  if (reserved && !added.verified) throw notVerified();
  if (reserved && rules.keepIdentification && !numbers.some(identifies)) {
    throw lastIdentification("Reserving this number for second factor");
  }
  const primary = numbers.length === 0 || added.primary === true;
  const held: HeldNumber = {
    id: added.id,
    e164: added.e164,
    primary,
    verified: added.verified,
    reservedForSecondFactor: reserved,
    defaultSecondFactor: reserved && !numbers.some((n) => n.defaultSecondFactor),
  };
  const others = primary ? numbers.map((n) => (n.primary ? { ...n, primary: false } : n)) : [...numbers];
  return settleDefault([...others, held]);
}

export function withChanged(
  numbers: readonly HeldNumber[],
  id: string,
  change: NumberChange,
  rules: NumberSetRules,
): HeldNumber[] {
  const current = findHeld(numbers, id);
  const verified = change.verified ?? current.verified;
  let reserved = change.reservedForSecondFactor ?? current.reservedForSecondFactor;
  if (reserved && !verified) {
    if (change.reservedForSecondFactor === true) throw notVerified();
    reserved = false;
  }
  if (change.defaultSecondFactor === true) {
    if (!verified) throw notVerified();
    if (!reserved) {
      throw new HandsetError(
        "PHONE_NUMBER_NOT_RESERVED",
        "Only a number reserved for second factor can be the default second factor.",
      );
    }
  }
  if (reserved && !current.reservedForSecondFactor && rules.keepIdentification) {
    if (!numbers.some((n) => n.id !== id && identifies(n))) {
      throw lastIdentification("Reserving this number for second factor");
    }
  }
  let isDefault = reserved && (change.defaultSecondFactor ?? current.defaultSecondFactor);
  // `false` on a number that stays reserved: another reserved number must take the default. That
  // includes a number reserved by this very change as the user's only one, which would take it.
  if (change.defaultSecondFactor === false && reserved) {
    const heirs = numbers.filter((n) => n.id !== id && n.reservedForSecondFactor);
    if (current.defaultSecondFactor && rules.defaultMovesOnlyByNaming)
      throw defaultRequired("make another reserved number the default instead.");
    if (heirs.length === 0) throw defaultRequired("it is the user's only number reserved for second factor.");
    isDefault = false;
  }
  const primary = change.primary ?? current.primary;
  const updated: HeldNumber = {
    ...current,
    verified,
    primary,
    reservedForSecondFactor: reserved,
    defaultSecondFactor: isDefault,
  };
  const next = numbers.map((n) => {
    if (n.id === id) return updated;
    let other = n;
    if (change.primary === true && other.primary) other = { ...other, primary: false };
    if (change.defaultSecondFactor === true && other.defaultSecondFactor) {
      other = { ...other, defaultSecondFactor: false };
    }
    return other;
  });
  // A number that stopped being the default hands it on; settling must not hand it straight back.
  const heirFirst =
    current.defaultSecondFactor && !isDefault ? [...next.filter((n) => n.id !== id), updated] : next;
  const settled = new Map(settleDefault(heirFirst).map((n) => [n.id, n]));
  return next.map((n) => settled.get(n.id) ?? n);
}

export function withRemoved(numbers: readonly HeldNumber[], id: string, rules: NumberSetRules): HeldNumber[] {
  findHeld(numbers, id);
  const remaining = numbers.filter((n) => n.id !== id);
  // Clerk's rule: a user keeps an identification, so neither the very last number nor the last one
  // not reserved for second factor may go (Handset's own rules let a user hold no number).
  if (rules.keepIdentification && !remaining.some(identifies)) {
    throw lastIdentification("Removing this number");
  }
  return settleDefault(remaining);
}

/** Linode's and ZITADEL's single profile phone: the user's primary number, once verified. */
export function profilePhone(numbers: readonly HeldNumber[]): HeldNumber | undefined {
  return numbers.find((n) => n.primary && n.verified);
}

/**
 * A code for the profile may go to a number the user does not hold yet, or holds unverified, but not
 * while the profile already has a verified number (the vendors' rule: delete it first).
 */
export function assertMaySendProfileCode(numbers: readonly HeldNumber[], e164: string): void {
  const profile = profilePhone(numbers);
  if (profile?.e164 === e164) {
    throw new HandsetError(
      "PHONE_NUMBER_ALREADY_VERIFIED",
      "This phone number is already verified for this profile.",
      {
        field: "phone_number",
      },
    );
  }
  if (profile) {
    throw new HandsetError(
      "PROFILE_PHONE_ALREADY_VERIFIED",
      "This profile already has a verified phone number: delete it before verifying another.",
      { field: "phone_number" },
    );
  }
  if (numbers.some((n) => n.e164 === e164 && n.verified)) {
    throw new HandsetError(
      "PHONE_NUMBER_ALREADY_VERIFIED",
      "This phone number is already verified for this user but is not the primary number: make it primary with the native API.",
      { field: "phone_number" },
    );
  }
}

/** ZITADEL's Set replaces the profile phone; setting the number it already is changes nothing and says so. */
export function assertProfilePhoneChanges(numbers: readonly HeldNumber[], e164: string): void {
  if (numbers.some((n) => n.primary && n.e164 === e164)) {
    throw new HandsetError("PROFILE_PHONE_UNCHANGED", "The profile phone is already this number.");
  }
}
