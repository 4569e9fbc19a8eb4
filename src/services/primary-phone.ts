import { HandsetError } from "../domain/errors.js";
import { assertProfilePhoneChanges } from "../domain/number-set.js";
import type { Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";
import { lockNumbersAndParse, lockNumbersOf } from "./number-set.js";
import type { ComposedUseCases } from "./profile-phone.js";
import type { Change, PhoneNumberView, UserView } from "./views.js";

export interface SetPrimaryInput {
  userId: string;
  phone: string;
  /** Default region for a number without `+CC` (ZITADEL's v2 parses with `CH`). */
  region?: string;
  /** `is_verified: true`: no code, the number is marked verified (admin keys only). */
  verified: boolean;
  sendCode: boolean;
  /** ZITADEL's `return_code` with the scope `codes:return`: the code is answered, no SMS is sent. */
  returnCode?: boolean;
}

export interface PrimaryChange {
  change: Change;
  /** The verification a code was sent for, when one was. */
  verificationId: string | null;
  /** The code in clear when the caller asked for it back (`returnCode`); else null. */
  returnedCode: string | null;
}

export interface CurrentPrimary {
  user: UserView;
  primary: PhoneNumberView | null;
}

/**
 * ZITADEL's one phone per user is the user's primary number. Each command is one use case in one
 * transaction under the user's lock: Set adds (or reuses) the number, sends its code, makes it primary
 * and removes the former primary, all or nothing, so two racing Sets leave the user exactly one number,
 * the one whose request committed last.
 */
export function createPrimaryPhoneService(deps: ServiceDeps, parts: ComposedUseCases) {
  const { uow } = deps.store;
  const { users, phoneNumbers, verification } = parts;

  async function primaryOf(caller: Caller, userId: string) {
    return uow.transaction(async (trx) => {
      const { rows } = await lockNumbersOf(trx, caller, userId);
      return rows.find((r) => r.is_primary === 1) ?? null;
    });
  }

  return {
    async current(caller: Caller, userId: string): Promise<CurrentPrimary> {
      const user = await users.get(caller, userId);
      return { user, primary: user.phoneNumbers.find((p) => p.primary) ?? null };
    },

    async set(caller: Caller, input: SetPrimaryInput): Promise<PrimaryChange> {
      return uow.transaction(async (trx) => {
        const {
          held,
          parsed: { e164 },
        } = await lockNumbersAndParse(trx, deps, caller, input.userId, {
          input: input.phone,
          region: input.region,
        });
        assertProfilePhoneChanges(held, e164);
        const former = held.find((n) => n.primary);
        let target = held.find((n) => n.e164 === e164);
        let change: Change | undefined;
        if (!target) {
          const added = await phoneNumbers.add(caller, {
            userId: input.userId,
            phoneNumber: e164,
            verified: input.verified,
            primary: true,
          });
          target = { ...added.phoneNumber };
          change = added.change;
        } else if (input.verified && !target.verified) {
          const updated = await phoneNumbers.update(caller, target.id, { verified: true });
          target = { ...target, verified: true };
          change = updated.change;
        }
        let verificationId: string | null = null;
        let returnedCode: string | null = null;
        if (input.sendCode && !target.verified) {
          const sent = await verification.send(caller, target.id, { returnCode: input.returnCode });
          verificationId = sent.verification.id;
          returnedCode = sent.returnedCode;
          change = sent.change;
        }
        if (!target.primary)
          change = (await phoneNumbers.update(caller, target.id, { primary: true })).change;
        if (former) change = (await phoneNumbers.remove(caller, former.id)).change;
        if (!change) throw new Error("setting the primary phone recorded no change");
        return { change, verificationId, returnedCode };
      });
    },

    /** Checks a code for the primary number; a refused code is reported once its guess is counted. */
    async verify(caller: Caller, userId: string, code: string): Promise<Change> {
      const outcome = await uow.transaction(async () => {
        const primary = await primaryOf(caller, userId);
        if (!primary) throw new HandsetError("VERIFICATION_NOT_FOUND", "The user has no phone to verify.");
        return verification.check(caller, primary.id, code);
      });
      if (!outcome.ok) throw outcome.error;
      return outcome.change;
    },

    /** A code again: within its validity window Handset sends the same code (ZITADEL makes a new one). */
    async resend(
      caller: Caller,
      userId: string,
      options: { returnCode?: boolean } = {},
    ): Promise<PrimaryChange> {
      return uow.transaction(async () => {
        const primary = await primaryOf(caller, userId);
        if (!primary) throw new HandsetError("PHONE_NUMBER_NOT_FOUND", "The user has no phone.");
        const sent = await verification.send(caller, primary.id, { returnCode: options.returnCode });
        return {
          change: sent.change,
          verificationId: sent.verification.id,
          returnedCode: sent.returnedCode,
        };
      });
    },

    async remove(caller: Caller, userId: string): Promise<Change> {
      return uow.transaction(async () => {
        const primary = await primaryOf(caller, userId);
        if (!primary) throw new HandsetError("PHONE_NUMBER_NOT_FOUND", "The user has no phone.");
        return (await phoneNumbers.remove(caller, primary.id)).change;
      });
    },
  };
}

export type PrimaryPhoneService = ReturnType<typeof createPrimaryPhoneService>;
