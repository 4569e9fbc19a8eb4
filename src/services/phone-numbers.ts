import { HandsetError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import {
  findHeld,
  HANDSET_RULES,
  type NumberSetRules,
  withAdded,
  withChanged,
  withRemoved,
} from "../domain/number-set.js";
import { attachBareVerification } from "../store/bare-verifications.js";
import { userEventWith } from "../store/events.js";
import type { Executor } from "../store/executor.js";
import { toFlag } from "../store/executor.js";
import { rememberNumberOwner } from "../store/locks.js";
import { deletePhoneNumber, INSERT_PHONE_NUMBER, insertPhoneNumberValues } from "../store/phone-numbers.js";
import type { PhoneNumberRow, PhoneNumberUpdate } from "../store/schema.js";
import { cancelPendingVerifications } from "../store/verifications.js";
import { loadPhoneNumber, loadUser, phoneNumberViews, userPhoneNumberViews } from "./access.js";
import { attachableVerification, proofNumber } from "./bare-verification-admin.js";
import type { Caller } from "./caller.js";
import { recordUserChange, recordUserChangeWith } from "./changes.js";
import type { ServiceDeps } from "./deps.js";
import { NO_GUARDS } from "./guards/send-guard.js";
import { lockNumberOf, lockNumbersAndParse, writeNumberSet } from "./number-set.js";
import { hiddenFromUserToken } from "./number-unavailable.js";
import { type Change, type PhoneNumberView, toPhoneNumberView } from "./views.js";

export interface AddPhoneNumberInput {
  userId: string;
  phoneNumber: string;
  /** ISO region for a national number (`US` + `555-555-5555`). */
  region?: string;
  /** Only an admin key may add a number already verified. */
  verified?: boolean;
  primary?: boolean;
  reservedForSecondFactor?: boolean;
  /**
   * An approved verification of a bare number (docs/verifications.md) to attach: the number arrives
   * verified with the verification's strategy. `phoneNumber` may be left empty; given, it must be the
   * verification's number. Admin keys only.
   */
  verificationId?: string;
}

export interface UpdatePhoneNumberInput {
  primary?: boolean;
  /** Only an admin key may set or clear verification by hand. */
  verified?: boolean;
  reservedForSecondFactor?: boolean;
  defaultSecondFactor?: boolean;
}

export interface PhoneNumberChange {
  phoneNumber: PhoneNumberView;
  change: Change;
}

export interface PhoneNumberRemoval {
  phoneNumber: PhoneNumberView;
  change: Change;
  /** True when the removed number was the primary: the user now has no primary, none was promoted. */
  primaryCleared: boolean;
  primaryPhoneNumberId: string | null;
}

/** A number's insert with its `phone_number.added` event. */
const NUMBER_ADDED = userEventWith([INSERT_PHONE_NUMBER], { changesNumbers: true });

function numberTaken(e164: string, own: boolean): HandsetError {
  return new HandsetError(
    "PHONE_NUMBER_TAKEN",
    own ? `${e164} is already one of this user's numbers.` : `${e164} is held by another user.`,
    { field: "phone_number" },
  );
}

function assertMayVerifyByHand(caller: Caller): void {
  if (caller.kind === "user_token") {
    throw new HandsetError(
      "INSUFFICIENT_SCOPE",
      "Only an admin key can mark a number verified without a code.",
    );
  }
}

/**
 * The number-level use cases. Each runs in one transaction under the user's lock, joins the caller's
 * transaction when one is open (a vendor use case composing several), and decides with the domain's
 * rules about a user's set of numbers; `rules` adds a surface's own (Clerk's).
 */
export function createPhoneNumberService(deps: ServiceDeps) {
  const { uow } = deps.store;
  const guards = deps.guards ?? NO_GUARDS;

  async function viewOf(trx: Executor, caller: Caller, row: PhoneNumberRow): Promise<PhoneNumberView> {
    const [view] = await phoneNumberViews(trx, deps, caller.tenantId, [row]);
    if (!view) throw new Error("phone number view vanished");
    return view;
  }

  return {
    async add(
      caller: Caller,
      input: AddPhoneNumberInput,
      rules: NumberSetRules = HANDSET_RULES,
    ): Promise<PhoneNumberChange> {
      if (input.verified) assertMayVerifyByHand(caller);
      return uow.transaction(async (trx) => {
        const now = deps.clock.now();
        const id = newId("pn", now);
        // Attaching a bare number's verification: the number is the one it proved, already verified.
        const proof =
          input.verificationId === undefined
            ? undefined
            : await attachableVerification(trx, deps, caller, input.verificationId, now);
        if (proof) input = { ...input, phoneNumber: proofNumber(proof.e164, input), region: undefined };
        const verified = input.verified === true || proof !== undefined;
        const refused = (error: unknown, e164: string, region: string | null) =>
          hiddenFromUserToken(
            error,
            caller,
            { caller, userId: input.userId, e164, region, verified, now },
            guards,
            deps.guardMetrics,
          );
        const { parsed, ...before } = await lockNumbersAndParse(trx, deps, caller, input.userId, {
          input: input.phoneNumber,
          region: input.region,
        }).catch((error: unknown) => {
          throw refused(error, input.phoneNumber, null);
        });
        const after = withAdded(
          before.held,
          {
            id,
            e164: parsed.e164,
            verified,
            primary: input.primary,
            reservedForSecondFactor: input.reservedForSecondFactor,
          },
          rules,
        );
        // The user's own numbers are read under its lock: holding this one already is known now.
        if (before.rows.some((r) => r.e164 === parsed.e164)) throw numberTaken(parsed.e164, true);
        await guards.beforeAdd(trx, {
          caller,
          userId: input.userId,
          e164: parsed.e164,
          region: parsed.region,
          verified,
          now,
        });
        await writeNumberSet(trx, before.rows, after, now);
        const added = findHeld(after, id);
        const row: PhoneNumberRow = {
          tenant_id: caller.tenantId,
          id,
          user_id: input.userId,
          e164: parsed.e164,
          region: parsed.region,
          number_type: parsed.type,
          is_primary: toFlag(added.primary),
          verified_at: verified ? now : null,
          verification_strategy: proof ? proof.strategy : input.verified ? "admin" : null,
          reserved_for_second_factor: toFlag(added.reservedForSecondFactor),
          default_second_factor: toFlag(added.defaultSecondFactor),
          created_at: now,
          updated_at: now,
        };
        // Another user's number is found by the unique index. The insert goes with the event (one
        // statement on PostgreSQL) and its outcome is looked at after: a refusal undoes both.
        const {
          change,
          changes: [inserted],
        } = await recordUserChangeWith(
          trx,
          caller,
          input.userId,
          { composed: NUMBER_ADDED, values: [insertPhoneNumberValues(row)] },
          "phone_number.added",
          {
            phoneNumberId: id,
            e164: parsed.e164,
            primary: added.primary,
            verified,
            reserved: added.reservedForSecondFactor,
            ...(proof ? { verificationId: proof.id } : {}),
          },
          now,
        );
        if (inserted !== 1) throw refused(numberTaken(parsed.e164, false), parsed.e164, parsed.region);
        if (proof) {
          const attached = {
            tenantId: caller.tenantId,
            id: proof.id,
            userId: input.userId,
            phoneNumberId: id,
          };
          // Another add attached it since the read above: this one adds nothing.
          if (!(await attachBareVerification(trx, attached, now, proof.freshSince))) {
            throw new HandsetError(
              "CODE_ALREADY_USED",
              `Verification ${proof.id} is attached to a number already.`,
              {
                field: "verification_id",
              },
            );
          }
        }
        rememberNumberOwner(trx, caller.tenantId, id, input.userId);
        // A new number has no verification yet: its view is the row this request wrote.
        return { phoneNumber: toPhoneNumberView(row, null), change };
      });
    },

    async get(caller: Caller, phoneNumberId: string): Promise<PhoneNumberView> {
      return uow.read(async (db) => viewOf(db, caller, await loadPhoneNumber(db, caller, phoneNumberId)));
    },

    async listOfUser(caller: Caller, userId: string): Promise<PhoneNumberView[]> {
      return uow.read(async (db) => {
        await loadUser(db, caller, userId);
        return userPhoneNumberViews(db, deps, caller.tenantId, userId);
      });
    },

    async update(
      caller: Caller,
      phoneNumberId: string,
      input: UpdatePhoneNumberInput,
      rules: NumberSetRules = HANDSET_RULES,
    ): Promise<PhoneNumberChange> {
      if (input.verified !== undefined) assertMayVerifyByHand(caller);
      return uow.transaction(async (trx) => {
        const now = deps.clock.now();
        const { row, ...before } = await lockNumberOf(trx, caller, phoneNumberId);
        const current = findHeld(before.held, row.id);
        const after = withChanged(before.held, row.id, input, rules);
        const next = findHeld(after, row.id);
        const set: PhoneNumberUpdate = {};
        const changed: Record<string, unknown> = {};
        if (next.verified !== current.verified) {
          set.verified_at = next.verified ? now : null;
          set.verification_strategy = next.verified ? "admin" : null;
          changed.verified = next.verified;
          await cancelPendingVerifications(trx, caller.tenantId, row.id, now);
        }
        if (next.reservedForSecondFactor !== current.reservedForSecondFactor) {
          changed.reservedForSecondFactor = next.reservedForSecondFactor;
        }
        if (next.defaultSecondFactor !== current.defaultSecondFactor) {
          changed.defaultSecondFactor = next.defaultSecondFactor;
        }
        if (next.primary !== current.primary) changed.primary = next.primary;
        const rows = await writeNumberSet(trx, before.rows, after, now, { id: row.id, set });
        const written = rows.find((r) => r.id === row.id) ?? row;
        const change = await recordUserChange(
          trx,
          caller,
          row.user_id,
          "phone_number.updated",
          { phoneNumberId: row.id, ...changed },
          now,
        );
        return { phoneNumber: await viewOf(trx, caller, written), change };
      });
    },

    async remove(
      caller: Caller,
      phoneNumberId: string,
      rules: NumberSetRules = HANDSET_RULES,
    ): Promise<PhoneNumberRemoval> {
      return uow.transaction(async (trx) => {
        const now = deps.clock.now();
        const { row, ...before } = await lockNumberOf(trx, caller, phoneNumberId);
        const after = withRemoved(before.held, row.id, rules);
        const removed = await viewOf(trx, caller, row);
        await cancelPendingVerifications(trx, caller.tenantId, row.id, now);
        await deletePhoneNumber(trx, caller.tenantId, row.id);
        await writeNumberSet(trx, before.rows, after, now);
        const change = await recordUserChange(
          trx,
          caller,
          row.user_id,
          "phone_number.removed",
          { phoneNumberId: row.id, e164: row.e164, wasPrimary: row.is_primary === 1 },
          now,
        );
        return {
          phoneNumber: removed,
          change,
          primaryCleared: row.is_primary === 1,
          primaryPhoneNumberId: after.find((n) => n.primary)?.id ?? null,
        };
      });
    },
  };
}

export type PhoneNumberService = ReturnType<typeof createPhoneNumberService>;
