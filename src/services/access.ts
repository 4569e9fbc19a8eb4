import { HandsetError } from "../domain/errors.js";
import type { PhonePolicy } from "../domain/phone.js";
import type { Executor } from "../store/executor.js";
import { knownTenant, rememberTenant } from "../store/locks.js";
import { findPhoneNumber, listPhoneNumbersOfUser } from "../store/phone-numbers.js";
import type { PhoneNumberRow, UserRow } from "../store/schema.js";
import { findTenantRegions } from "../store/tenants.js";
import { findUser } from "../store/users.js";
import { findLatestVerifications } from "../store/verifications.js";
import type { Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";
import { type PhoneNumberView, toPhoneNumberView, toVerificationView } from "./views.js";

/**
 * A user token reaches only its own user, and every caller only its own tenant. What a caller may not
 * reach is reported as not found, so that probing tells nothing about other users' data.
 */
export function assertReachesUser(caller: Caller, userId: string): void {
  if (caller.userId !== null && caller.userId !== userId) {
    throw new HandsetError("USER_NOT_FOUND", `No user ${userId}.`);
  }
}

export async function loadUser(db: Executor, caller: Caller, userId: string): Promise<UserRow> {
  assertReachesUser(caller, userId);
  const user = await findUser(db, caller.tenantId, userId);
  if (!user) throw new HandsetError("USER_NOT_FOUND", `No user ${userId}.`);
  return user;
}

export async function loadPhoneNumber(
  db: Executor,
  caller: Caller,
  phoneNumberId: string,
): Promise<PhoneNumberRow> {
  const row = await findPhoneNumber(db, caller.tenantId, phoneNumberId);
  if (!row || (caller.userId !== null && row.user_id !== caller.userId)) {
    throw new HandsetError("PHONE_NUMBER_NOT_FOUND", `No phone number ${phoneNumberId}.`);
  }
  return row;
}

/** Rows to views, with each number's latest verification, in one extra query. */
export async function phoneNumberViews(
  db: Executor,
  deps: ServiceDeps,
  tenantId: string,
  rows: readonly PhoneNumberRow[],
): Promise<PhoneNumberView[]> {
  const latest = await findLatestVerifications(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  const now = deps.clock.now();
  return rows.map((row) => {
    const verification = latest.get(row.id);
    return toPhoneNumberView(row, verification ? toVerificationView(verification, now, deps.otp) : null);
  });
}

export async function userPhoneNumberViews(
  db: Executor,
  deps: ServiceDeps,
  tenantId: string,
  userId: string,
): Promise<PhoneNumberView[]> {
  return phoneNumberViews(db, deps, tenantId, await listPhoneNumbersOfUser(db, tenantId, userId));
}

/** The operator's phone policy narrowed by the tenant's own region lists. */
export async function tenantPhonePolicy(
  db: Executor,
  deps: ServiceDeps,
  tenantId: string,
): Promise<PhonePolicy> {
  // Read with the user's lock when the transaction took one (see `lockUserState`), else read once.
  let tenant = knownTenant(db, tenantId);
  if (tenant === undefined) {
    tenant = await findTenantRegions(db, tenantId);
    if (tenant) rememberTenant(db, tenantId, tenant);
  }
  if (!tenant) throw new HandsetError("TENANT_NOT_FOUND", `No tenant ${tenantId}.`);
  const allowed = JSON.parse(tenant.allowed_regions) as string[];
  const denied = JSON.parse(tenant.denied_regions) as string[];
  return {
    ...deps.phone,
    allowedRegions: allowed.length > 0 ? allowed : deps.phone.allowedRegions,
    deniedRegions: [...new Set([...deps.phone.deniedRegions, ...denied])],
  };
}
