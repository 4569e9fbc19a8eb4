import { HandsetError } from "../domain/errors.js";
import { assertMaySendProfileCode } from "../domain/number-set.js";
import { findLatestEvent } from "../store/events.js";
import type { Executor } from "../store/executor.js";
import type { EventRow, PhoneNumberRow, VerificationRow } from "../store/schema.js";
import { findLatestVerifications } from "../store/verifications.js";
import type { Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";
import { lockNumbersAndParse, lockNumbersOf } from "./number-set.js";
import type { PhoneNumberRemoval, PhoneNumberService } from "./phone-numbers.js";
import type { UserService } from "./users.js";
import type { CodeSent, CodeVerified, VerificationService } from "./verification.js";
import type { PhoneNumberView, UserView } from "./views.js";

/**
 * Linode's profile phone number: the user's primary number once it is verified. Each command is one
 * use case in one transaction under the user's lock, composed from the number-level use cases, which
 * join it: a refused request changes nothing, with no undo step to get wrong.
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

/** The number a `phone_number.code_sent` event names. */
function sentTo(event: EventRow): string | undefined {
  const payload: unknown = JSON.parse(event.payload);
  if (typeof payload !== "object" || payload === null || !("phoneNumberId" in payload)) return undefined;
  return typeof payload.phoneNumberId === "string" ? payload.phoneNumberId : undefined;
}

export function verifiedPrimaryOf(user: UserView): PhoneNumberView | null {
  return user.phoneNumbers.find((p) => p.primary && p.verified) ?? null;
}

/** The number-level services the vendors' use cases compose: the same instances every surface uses. */
export interface ComposedUseCases {
  users: UserService;
  phoneNumbers: PhoneNumberService;
  verification: VerificationService;
}

export function createProfilePhoneService(deps: ServiceDeps, parts: ComposedUseCases) {
  const { uow } = deps.store;
  const { users, phoneNumbers, verification } = parts;

  async function profile(caller: Caller): Promise<ProfilePhone> {
    const user = await users.get(caller, selfOf(caller));
    return { user, verifiedPhoneNumber: verifiedPrimaryOf(user) };
  }

  /**
   * The number a submitted code is checked against: the one a code was last sent to, whatever its
   * verification's state now. The user's latest `code_sent` event names it: the user's sequence orders
   * sends exactly, across processes and within one millisecond. So a code superseded by a send to
   * another number is refused, and a code used again (a double submit, a racing request) is told the
   * number is already verified: neither is counted as a guess against some other number, nor verifies
   * a number the profile moved away from. When that number is gone, the open verification a code was
   * last sent to; failing that, the latest verification, so that the verification service can say why
   * it no longer takes codes (expired, used up, already verified).
   */
  async function codeTarget(
    trx: Executor,
    caller: Caller,
    userId: string,
    rows: readonly PhoneNumberRow[],
  ): Promise<string> {
    const lastSend = await findLatestEvent(trx, caller.tenantId, "user", userId, "phone_number.code_sent");
    const lastSentTo = lastSend && sentTo(lastSend);
    if (lastSentTo !== undefined && rows.some((r) => r.id === lastSentTo)) return lastSentTo;
    const latest = [
      ...(
        await findLatestVerifications(
          trx,
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
    // Read by the profile's numbers: every one of them names its number.
    if (target.phone_number_id === null) throw new Error(`verification ${target.id} names no number`);
    return target.phone_number_id;
  }

  return {
    get: profile,

    /**
     * Sends a code to the number for the profile: a number the user holds unverified is sent to, a new
     * one is added (unverified) in the same transaction. While the profile has a verified number,
     * another is refused: the vendor's rule is to delete it first.
     */
    async sendCode(caller: Caller, input: SendProfileCodeInput): Promise<CodeSent> {
      const userId = selfOf(caller);
      return uow.transaction(async (trx) => {
        const { rows, held, parsed } = await lockNumbersAndParse(trx, deps, caller, userId, {
          input: input.phoneNumber,
          region: input.region,
        });
        assertMaySendProfileCode(held, parsed.e164);
        const target =
          rows.find((r) => r.e164 === parsed.e164)?.id ??
          (await phoneNumbers.add(caller, { userId, phoneNumber: parsed.e164 })).phoneNumber.id;
        return verification.send(caller, target);
      });
    },

    /**
     * Checks a code; a verified number becomes the user's primary, i.e. the profile's number, in the
     * same transaction. A refused code is reported once the guess it counted is on disk.
     */
    async verifyCode(caller: Caller, code: string): Promise<CodeVerified> {
      const userId = selfOf(caller);
      const outcome = await uow.transaction(async (trx) => {
        const { rows } = await lockNumbersOf(trx, caller, userId);
        const checked = await verification.check(caller, await codeTarget(trx, caller, userId, rows), code);
        if (!checked.ok || checked.phoneNumber.primary) return checked;
        const promoted = await phoneNumbers.update(caller, checked.phoneNumber.id, { primary: true });
        return { ...checked, phoneNumber: promoted.phoneNumber, change: promoted.change };
      });
      if (!outcome.ok) throw outcome.error;
      return { phoneNumber: outcome.phoneNumber, verification: outcome.verification, change: outcome.change };
    },

    /** Removes the profile's verified number (the opt-out); nothing else of the user's is touched. */
    async removeVerified(caller: Caller): Promise<PhoneNumberRemoval> {
      const userId = selfOf(caller);
      return uow.transaction(async (trx) => {
        const { rows } = await lockNumbersOf(trx, caller, userId);
        const profileNumber = rows.find((r) => r.is_primary === 1 && r.verified_at !== null);
        if (!profileNumber) {
          throw new HandsetError("PHONE_NUMBER_NOT_FOUND", "This profile has no verified phone number.");
        }
        return phoneNumbers.remove(caller, profileNumber.id);
      });
    },
  };
}

export type ProfilePhoneService = ReturnType<typeof createProfilePhoneService>;
