import { HandsetError } from "../../domain/errors.js";
import { type PhonePolicy, parsePhone } from "../../domain/phone.js";
import type { Caller } from "../../services/caller.js";
import type { Handset } from "../../services/handset.js";
import type { Change, PhoneNumberView, UserView } from "../../services/views.js";
import { phoneAlreadyVerified, phoneNotChanged, phoneNotFound, type ZitadelApi } from "./errors.js";

export interface SetPrimaryInput {
  userId: string;
  phone: string;
  /** Default region for a number without `+CC`: v2 parses like ZITADEL, with `CH`. */
  region?: string;
  /** `is_verified: true`: no code, the number is marked verified (admin keys only). */
  verified: boolean;
  sendCode: boolean;
}

export interface PrimaryChange {
  change: Change;
  /** The verification a code was sent for, when one was. */
  verificationId: string | null;
}

export interface CurrentPrimary {
  user: UserView;
  primary: PhoneNumberView | null;
}

/**
 * ZITADEL's one profile phone is the user's primary number. These are ZITADEL's phone commands
 * composed from the number-level use cases: set replaces the primary, verify/resend/remove act on it.
 */
export function createPrimaryPhone(handset: Handset, operatorPolicy: PhonePolicy) {
  async function current(caller: Caller, userId: string): Promise<CurrentPrimary> {
    const user = await handset.users.get(caller, userId);
    return { user, primary: user.phoneNumbers.find((p) => p.primary) ?? null };
  }

  /** Sends a code to a number; a number this request added is taken away again if none can be sent. */
  async function sendTo(caller: Caller, target: PhoneNumberView, addedNow: boolean) {
    try {
      return await handset.verification.send(caller, target.id);
    } catch (error) {
      // Not when a concurrent request sent this number a code meanwhile: removing it would cancel that code.
      const raced =
        addedNow && (await handset.phoneNumbers.get(caller, target.id)).verification?.status === "pending";
      if (addedNow && !raced) await handset.phoneNumbers.remove(caller, target.id);
      throw error;
    }
  }

  return {
    current,

    /**
     * Replaces the primary number, as ZITADEL replaces the phone: the new number is added (or, when the
     * user already holds it, reused), a code is sent, it becomes primary, and the former primary is
     * removed. Every refusal comes before the number becomes primary, so a refused request leaves the
     * profile phone as it was.
     */
    async set(caller: Caller, input: SetPrimaryInput, api: ZitadelApi): Promise<PrimaryChange> {
      // The tenant's narrower policy is applied again when the number is added.
      const parsed = parsePhone(input.phone, input.region, operatorPolicy);
      const { user, primary } = await current(caller, input.userId);
      if (primary?.e164 === parsed.e164) throw phoneNotChanged(api);

      let target = user.phoneNumbers.find((p) => p.e164 === parsed.e164);
      let change: Change | undefined;
      const addedNow = target === undefined;
      if (!target) {
        const added = await handset.phoneNumbers.add(caller, {
          userId: input.userId,
          phoneNumber: parsed.e164,
          verified: input.verified,
        });
        target = added.phoneNumber;
        change = added.change;
      } else if (input.verified && !target.verified) {
        const updated = await handset.phoneNumbers.update(caller, target.id, { verified: true });
        target = updated.phoneNumber;
        change = updated.change;
      }

      let verificationId: string | null = null;
      if (input.sendCode && !target.verified) {
        const sent = await sendTo(caller, target, addedNow);
        verificationId = sent.verification.id;
        change = sent.change;
      }
      if (!target.primary) {
        change = (await handset.phoneNumbers.update(caller, target.id, { primary: true })).change;
      }
      if (primary) change = (await handset.phoneNumbers.remove(caller, primary.id)).change;
      if (!change) throw new Error("setting the primary phone recorded no change");
      return { change, verificationId };
    },

    async verify(caller: Caller, userId: string, code: string): Promise<Change> {
      const { primary } = await current(caller, userId);
      if (!primary) throw new HandsetError("VERIFICATION_NOT_FOUND", "The user has no phone to verify.");
      return (await handset.verification.verify(caller, primary.id, code)).change;
    },

    /** A code again: within its validity window Handset sends the same code (ZITADEL makes a new one). */
    async resend(caller: Caller, userId: string, api: ZitadelApi): Promise<PrimaryChange> {
      const { primary } = await current(caller, userId);
      if (!primary) throw phoneNotFound(api, "resend");
      if (primary.verified) throw phoneAlreadyVerified(api);
      const sent = await handset.verification.send(caller, primary.id);
      return { change: sent.change, verificationId: sent.verification.id };
    },

    async remove(caller: Caller, userId: string, api: ZitadelApi): Promise<Change> {
      const { primary } = await current(caller, userId);
      if (!primary) throw phoneNotFound(api, "remove");
      return (await handset.phoneNumbers.remove(caller, primary.id)).change;
    },
  };
}

export type PrimaryPhone = ReturnType<typeof createPrimaryPhone>;
