import { normalizePhoneInput } from "../domain/phone.js";
import { listMessagesToNumber } from "../store/message-log.js";
import { findHoldersOfNumber, listVerificationsOfNumber } from "../store/number-lookup.js";
import { readSnapshot } from "../store/read-snapshot.js";
import type { VerificationRow } from "../store/schema.js";
import { phoneNumberViews } from "./access.js";
import type { Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";
import { type MessageView, toMessageView } from "./message-view.js";
import { assertOperator } from "./operator-access.js";
import { type PhoneNumberView, toVerificationView, type VerificationView } from "./views.js";

/** How many verifications and messages a lookup shows: the recent story of a number, not its archive. */
export const LOOKUP_HISTORY = 20;

/** A verification as the operator sees it: who it was issued to, its counters and times; never a code. */
export interface VerificationRecord extends VerificationView {
  tenantId: string;
  /** Null for a bare number's verification (docs/verifications.md) not attached to a user. */
  userId: string | null;
  e164: string;
  lastSentAt: number;
  updatedAt: number;
}

/** A message found by a lookup, with its tenant (a lookup across tenants mixes them). */
export type LookupMessage = MessageView & { tenantId: string; userId: string | null };

export interface PhoneNumberLookup {
  e164: string;
  holders: Array<{ tenantId: string; userId: string; phoneNumber: PhoneNumberView }>;
  /** Newest first, at most `LOOKUP_HISTORY`. */
  verifications: VerificationRecord[];
  /** Newest first, at most `LOOKUP_HISTORY`. */
  messages: LookupMessage[];
}

/** A number's holder in the tenant, in a few fields: the sign-in-with-phone lookup. */
export interface HeldNumberState {
  userId: string;
  phoneNumberId: string;
  e164: string;
  verified: boolean;
  primary: boolean;
  reservedForSecondFactor: boolean;
}

export interface LookupOptions {
  /** Search every tenant: needs `tenants:manage`. */
  allTenants?: boolean;
  /** ISO region for a national number. */
  region?: string;
}

/** Who holds a number, and what was sent to it: the operator's first question about a complaint. */
export function createLookupService(deps: ServiceDeps) {
  const { uow } = deps.store;

  function toRecord(row: VerificationRow, now: number): VerificationRecord {
    return {
      ...toVerificationView(row, now, deps.otp),
      tenantId: row.tenant_id,
      userId: row.user_id,
      e164: row.e164,
      lastSentAt: Number(row.last_sent_at),
      updatedAt: Number(row.updated_at),
    };
  }

  return {
    async phoneNumber(
      caller: Caller,
      input: string,
      options: LookupOptions = {},
    ): Promise<PhoneNumberLookup> {
      assertOperator(caller, "phone:read", "Looking up a number");
      if (options.allTenants) assertOperator(caller, "tenants:manage", "Looking up a number in every tenant");
      const e164 = normalizePhoneInput(input, options.region);
      const tenantId = options.allTenants ? null : caller.tenantId;
      return uow.read((reader) =>
        readSnapshot(reader, async (db) => {
          const held = await findHoldersOfNumber(db, tenantId, e164);
          const holders: PhoneNumberLookup["holders"] = [];
          for (const row of held) {
            const [phoneNumber] = await phoneNumberViews(db, deps, row.tenant_id, [row]);
            if (phoneNumber) holders.push({ tenantId: row.tenant_id, userId: row.user_id, phoneNumber });
          }
          const now = deps.clock.now();
          const verifications = (await listVerificationsOfNumber(db, tenantId, e164, LOOKUP_HISTORY)).map(
            (row) => toRecord(row, now),
          );
          const messages = (await listMessagesToNumber(db, tenantId, e164, LOOKUP_HISTORY)).map((row) => ({
            ...toMessageView(row, row.phone_number_id),
            tenantId: row.tenant_id,
            userId: row.user_id,
          }));
          return { e164, holders, verifications, messages };
        }),
      );
    },

    /** Who in the caller's tenant holds the number, and its state; null when nobody does. */
    async holderOf(caller: Caller, input: string, region?: string): Promise<HeldNumberState | null> {
      assertOperator(caller, "phone:read", "Finding a number's holder");
      const e164 = normalizePhoneInput(input, region);
      return uow.read(async (db) => {
        const [row] = await findHoldersOfNumber(db, caller.tenantId, e164);
        if (!row) return null;
        return {
          userId: row.user_id,
          phoneNumberId: row.id,
          e164: row.e164,
          verified: row.verified_at !== null,
          primary: row.is_primary === 1,
          reservedForSecondFactor: row.reserved_for_second_factor === 1,
        };
      });
    },
  };
}

export type LookupService = ReturnType<typeof createLookupService>;
