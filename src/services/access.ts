import { HandsetError } from "../domain/errors.js";
import type { PhonePolicy } from "../domain/phone.js";
import { readTenantSettings, type TenantSettings } from "../domain/tenant-settings.js";
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

/**
 * The tenant's settings: read with the user's lock when the transaction took one (see
 * `lockUserState`), else read once and kept for the rest of the transaction.
 */
export async function tenantSettingsOf(db: Executor, tenantId: string): Promise<TenantSettings> {
  let tenant = knownTenant(db, tenantId);
  if (tenant === undefined) {
    tenant = await findTenantRegions(db, tenantId);
    if (tenant) rememberTenant(db, tenantId, tenant);
  }
  if (!tenant) throw new HandsetError("TENANT_NOT_FOUND", `No tenant ${tenantId}.`);
  return readTenantSettings(tenant);
}

/** The operator's phone policy narrowed (or, for opt-in types and high-risk regions, widened) by the tenant's settings. */
export async function tenantPhonePolicy(
  db: Executor,
  deps: ServiceDeps,
  tenantId: string,
): Promise<PhonePolicy> {
  const { regions, number_types } = await tenantSettingsOf(db, tenantId);
  return {
    ...deps.phone,
    allowedRegions: regions.allowed.length > 0 ? regions.allowed : deps.phone.allowedRegions,
    deniedRegions: [...new Set([...deps.phone.deniedRegions, ...regions.denied])],
    allowedTypes: [...new Set([...(deps.phone.allowedTypes ?? []), ...number_types.allow])],
    allowHighRisk: [...new Set([...(deps.phone.allowHighRisk ?? []), ...regions.allow_high_risk])],
  };
}
