import { HandsetError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import { normalizePhoneInput } from "../domain/phone.js";
import { approveBareVerification, cancelBareVerification } from "../store/bare-verifications.js";
import { appendTenantEvent } from "../store/events.js";
import type { Executor } from "../store/executor.js";
import type { VerificationRow, VerificationStrategy } from "../store/schema.js";
import { findVerification } from "../store/verifications.js";
import {
  assertBackend,
  attachWindowMs,
  type BareVerificationAnswer,
  explainNotOpen,
  holderFor,
  inService,
  toBareVerificationView,
  verificationIdNotFound,
} from "./bare-verification-views.js";
import { actorOf, type Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";

/**
 * Reading, canceling and approving a bare number's verification by id (docs/verifications.md), and
 * what attaching one to a user's number checks. Twilio Verify's `Status=canceled|approved` maps here.
 */
export function createBareVerificationAdmin(deps: ServiceDeps) {
  const { uow } = deps.store;
  const policy = deps.otp;

  /** The tenant's verification `id`; with `serviceId`, only if it is that verify service's. */
  async function load(
    db: Executor,
    caller: Caller,
    id: string,
    serviceId?: string,
  ): Promise<VerificationRow> {
    const row = inService(await findVerification(db, caller.tenantId, id), serviceId);
    if (!row) throw verificationIdNotFound(id);
    return row;
  }

  async function answer(db: Executor, caller: Caller, row: VerificationRow): Promise<BareVerificationAnswer> {
    const now = deps.clock.now();
    return {
      verification: toBareVerificationView(row, now, policy),
      holder: await holderFor(db, caller, row.e164),
    };
  }

  /** Ends an open verification one way or the other, once: the conditional write says whether it was open. */
  async function close(
    caller: Caller,
    id: string,
    how: "canceled" | "approved",
    serviceId: string | undefined,
  ): Promise<BareVerificationAnswer> {
    assertBackend(caller);
    return uow.transaction(async (trx) => {
      const now = deps.clock.now();
      const row = await load(trx, caller, id, serviceId);
      const open = row.status === "pending" && row.user_id === null && row.phone_number_id === null;
      // Expired though not yet marked so: said as expired (a refusal writes nothing).
      if (open && row.expires_at <= now) throw explainNotOpen(row, now);
      const strategy: VerificationStrategy = "admin";
      const changed =
        open &&
        (how === "canceled"
          ? await cancelBareVerification(trx, caller.tenantId, row.id, now)
          : await approveBareVerification(trx, caller.tenantId, row.id, strategy, now));
      if (!changed) throw explainNotOpen(open ? await findVerification(trx, caller.tenantId, id) : row, now);
      await appendTenantEvent(trx, {
        id: newId("evt", now),
        tenantId: caller.tenantId,
        type: how === "canceled" ? "verification.canceled" : "verification.approved",
        actor: actorOf(caller),
        payload: { verificationId: row.id, e164: row.e164, ...(how === "approved" ? { strategy } : {}) },
        at: now,
      });
      const closed: VerificationRow =
        how === "canceled"
          ? { ...row, status: "canceled", updated_at: now }
          : { ...row, status: "verified", verified_at: now, verified_strategy: strategy, updated_at: now };
      return answer(trx, caller, closed);
    });
  }

  return {
    /** One verification of the tenant by id: a bare number's, or a user's number's. */
    /** With `serviceId`, only a verification of that verify service ('' the tenant's default) is found. */
    async get(caller: Caller, id: string, serviceId?: string): Promise<BareVerificationAnswer> {
      assertBackend(caller);
      return uow.read(async (db) => answer(db, caller, await load(db, caller, id, serviceId)));
    },

    /** Cancels an open bare verification: its code is refused from now on. */
    cancel: (caller: Caller, id: string, serviceId?: string) => close(caller, id, "canceled", serviceId),

    /** Approves an open bare verification without a code (strategy `admin`), as an admin key vouches. */
    approve: (caller: Caller, id: string, serviceId?: string) => close(caller, id, "approved", serviceId),
  };
}

export type BareVerificationAdmin = ReturnType<typeof createBareVerificationAdmin>;

/** An approved bare verification about to be attached to a user's number: the number and how it was proved. */
export interface AttachableVerification {
  id: string;
  e164: string;
  strategy: VerificationStrategy;
  /** Approved after this time, or it is too old to attach. */
  freshSince: number;
}

/**
 * What attaching `id` to a new number needs, read in the adding transaction: approved, not attached,
 * fresh, in the caller's tenant. The attach itself is a conditional write after the number's insert
 * (`attachBareVerification`), so two adds racing with one verification attach it once.
 */
export async function attachableVerification(
  trx: Executor,
  deps: ServiceDeps,
  caller: Caller,
  id: string,
  now: number,
): Promise<AttachableVerification> {
  assertBackend(caller);
  const row = await findVerification(trx, caller.tenantId, id);
  if (!row) throw verificationIdNotFound(id);
  if (row.user_id !== null || row.phone_number_id !== null) {
    throw new HandsetError("CODE_ALREADY_USED", `Verification ${id} is attached to a number already.`, {
      field: "verification_id",
    });
  }
  if (row.status !== "verified" || row.verified_at === null || row.verified_strategy === null) {
    throw new HandsetError(
      "PHONE_NUMBER_NOT_VERIFIED",
      `Verification ${id} is ${row.status}: only an approved verification can be attached.`,
      { field: "verification_id" },
    );
  }
  const freshSince = now - attachWindowMs(deps.otp);
  if (Number(row.verified_at) <= freshSince) {
    throw new HandsetError(
      "CODE_EXPIRED",
      `Verification ${id} was approved too long ago to attach: verify the number again.`,
      { field: "verification_id" },
    );
  }
  return { id: row.id, e164: row.e164, strategy: row.verified_strategy, freshSince };
}

/** The number an attached verification proved: a number given with it must be the same one. */
export function proofNumber(e164: string, input: { phoneNumber: string; region?: string }): string {
  if (input.phoneNumber !== "" && normalizePhoneInput(input.phoneNumber, input.region) !== e164) {
    throw new HandsetError(
      "INVALID_REQUEST",
      `The verification is for ${e164}, not for ${input.phoneNumber}.`,
      {
        field: "phone_number",
        fields: [{ path: "phone_number", message: `the verification's number, ${e164}` }],
      },
    );
  }
  return e164;
}
