import { HandsetError, isHandsetError } from "../domain/errors.js";
import { parsePhone } from "../domain/phone.js";
import { listPhoneNumbersOfUser } from "../store/phone-numbers.js";
import type { VerificationRow } from "../store/schema.js";
import { findLatestVerifications } from "../store/verifications.js";
import { tenantPhonePolicy } from "./access.js";
import type { Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";
import type { PhoneNumberChange, PhoneNumberRemoval, PhoneNumberService } from "./phone-numbers.js";
import type { UserService } from "./users.js";
import type { CodeSent, CodeVerified, VerificationService } from "./verification.js";
import type { PhoneNumberView, UserView } from "./views.js";

/**
 * "The profile's phone number" of vendors that keep one number per user (Linode's profile, ZITADEL's
 * `users/me/phone`), built from the number-level use cases. The profile number is the user's primary
 * number once it is verified.
 */
export interface ProfilePhone {
  user: UserView;
  /** The primary number, when verified; null otherwise. */
  verifiedPhoneNumber: PhoneNumberView | null;
}

export interface SendProfileCodeInput {
  phoneNumber: string;
  /** ISO region of a national number; a leading `+CC` in the number wins. */
  region?: string;
}

function selfOf(caller: Caller): string {
  if (caller.userId === null) {
    throw new HandsetError("INSUFFICIENT_SCOPE", "The profile phone number belongs to a user token's user.");
  }
  return caller.userId;
}

export function verifiedPrimaryOf(user: UserView): PhoneNumberView | null {
  return user.phoneNumbers.find((p) => p.primary && p.verified) ?? null;
}

/** The number-level services this one composes: the same instances every surface uses. */
export interface ProfilePhoneParts {
  users: UserService;
  phoneNumbers: PhoneNumberService;
  verification: VerificationService;
}

export function createProfilePhoneService(deps: ServiceDeps, parts: ProfilePhoneParts) {
  const { db } = deps.store;
  const { users, phoneNumbers, verification } = parts;

  async function profile(caller: Caller): Promise<ProfilePhone> {
    const user = await users.get(caller, selfOf(caller));
    return { user, verifiedPhoneNumber: verifiedPrimaryOf(user) };
  }

  /**
   * The number a submitted code is checked against: the one a code was last sent to among the user's
   * open verifications; failing that, the number of the latest verification, so that the verification
   * service can say why it no longer takes codes (expired, used up, already verified).
   */
  async function codeTarget(caller: Caller, userId: string): Promise<string> {
    const rows = await listPhoneNumbersOfUser(db, caller.tenantId, userId);
    const latest = [
      ...(
        await findLatestVerifications(
          db,
          caller.tenantId,
          rows.map((r) => r.id),
        )
      ).values(),
    ];
    const now = deps.clock.now();
    const byLastSend = (a: VerificationRow, b: VerificationRow) => b.last_sent_at - a.last_sent_at;
    const open = latest.filter((v) => v.status === "pending" && v.expires_at > now).sort(byLastSend);
    const target = open[0] ?? [...latest].sort((a, b) => b.updated_at - a.updated_at)[0];
    if (!target) {
      throw new HandsetError(
        "VERIFICATION_NOT_FOUND",
        "No verification code has been sent for this profile: request one first.",
      );
    }
    return target.phone_number_id;
  }

  /**
   * Takes back a number this request added when its send failed, so a refused request changes nothing;
   * but not when a concurrent request of the same user has sent it a code meanwhile (its send is why
   * ours met the cooldown): removing the number would cancel that code.
   */
  async function removeUnlessCodeSent(caller: Caller, phoneNumberId: string): Promise<void> {
    const current = await phoneNumbers.get(caller, phoneNumberId);
    if (current.verification?.status !== "pending") await phoneNumbers.remove(caller, phoneNumberId);
  }

  return {
    get: profile,

    /**
     * Sends a code to the number for the profile. A number the user already holds unverified is sent
     * to; a new one is added (unverified) first, and taken away again if no code could be sent, so a
     * refused request changes nothing. While the profile has a verified number, another is refused:
     * the vendors' rule is to delete it first.
     */
    async sendCode(caller: Caller, input: SendProfileCodeInput): Promise<CodeSent> {
      const userId = selfOf(caller);
      const policy = await tenantPhonePolicy(db, deps, caller.tenantId);
      const parsed = parsePhone(input.phoneNumber, input.region, policy);
      const { user, verifiedPhoneNumber } = await profile(caller);
      if (verifiedPhoneNumber) {
        throw new HandsetError(
          "PHONE_NUMBER_ALREADY_VERIFIED",
          verifiedPhoneNumber.e164 === parsed.e164
            ? "This phone number is already verified for this profile."
            : "This profile already has a verified phone number: delete it before verifying another.",
          { field: "phone_number" },
        );
      }
      const held = user.phoneNumbers.find((p) => p.e164 === parsed.e164);
      if (held?.verified) {
        throw new HandsetError(
          "PHONE_NUMBER_ALREADY_VERIFIED",
          "This phone number is already verified for this user but is not the primary number: make it primary with the native API.",
          { field: "phone_number" },
        );
      }
      if (held) return verification.send(caller, held.id);
      let added: PhoneNumberChange;
      try {
        added = await phoneNumbers.add(caller, { userId, phoneNumber: parsed.e164 });
      } catch (error) {
        // A concurrent request of the same user added it first: send to it as if it had been held.
        const raced = isHandsetError(error) && error.code === "PHONE_NUMBER_TAKEN";
        const mine = raced && (await profile(caller)).user.phoneNumbers.find((p) => p.e164 === parsed.e164);
        if (mine && !mine.verified) return verification.send(caller, mine.id);
        throw error;
      }
      try {
        return await verification.send(caller, added.phoneNumber.id);
      } catch (error) {
        await removeUnlessCodeSent(caller, added.phoneNumber.id);
        throw error;
      }
    },

    /** Checks a code; a verified number becomes the user's primary, i.e. the profile's number. */
    async verifyCode(caller: Caller, code: string): Promise<CodeVerified> {
      const userId = selfOf(caller);
      const verified = await verification.verify(caller, await codeTarget(caller, userId), code);
      if (verified.phoneNumber.primary) return verified;
      const promoted = await phoneNumbers.update(caller, verified.phoneNumber.id, { primary: true });
      return { ...verified, phoneNumber: promoted.phoneNumber, change: promoted.change };
    },

    /** Removes the profile's verified number (the opt-out); nothing else of the user's is touched. */
    async removeVerified(caller: Caller): Promise<PhoneNumberRemoval> {
      const { verifiedPhoneNumber } = await profile(caller);
      if (!verifiedPhoneNumber) {
        throw new HandsetError("PHONE_NUMBER_NOT_FOUND", "This profile has no verified phone number.");
      }
      return phoneNumbers.remove(caller, verifiedPhoneNumber.id);
    },
  };
}

export type ProfilePhoneService = ReturnType<typeof createProfilePhoneService>;
