import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe } from "vitest";
import type { Store } from "../../../src/store/database.js";
import { migrateToLatest } from "../../../src/store/migrate.js";
import type { OutboxTable, PhoneNumberTable, VerificationTable } from "../../../src/store/schema.js";
import { ensureTenant } from "../../../src/store/tenants.js";
import { insertUser } from "../../../src/store/users.js";

/** A time past 2^31 ms, so every round trip proves bigint columns come back as exact numbers. */
export const T0 = Date.UTC(2026, 0, 1, 12);

/** An empty, migrated store of one dialect, and how to throw it away. */
export interface OpenedStore {
  store: Store;
  dispose(): Promise<void>;
}

/** What a suite gets: the store of the dialect under test (valid inside tests and hooks). */
export type StoreRef = () => Store;

export const uid = (prefix: string): string => `${prefix}_${randomBytes(6).toString("hex")}`;

/**
 * Runs `suites` against one dialect's store. Every suite writes under its own fresh tenants, so the
 * suites share one schema without seeing each other's rows.
 */
export function describeStore(
  name: string,
  open: () => Promise<OpenedStore>,
  suites: ReadonlyArray<(store: StoreRef) => void>,
): void {
  describe(name, () => {
    let opened: OpenedStore | undefined;
    beforeAll(async () => {
      opened = await open();
      await migrateToLatest(opened.store.db);
    });
    afterAll(async () => opened?.dispose());
    const ref: StoreRef = () => {
      if (!opened) throw new Error("store not open");
      return opened.store;
    };
    for (const suite of suites) suite(ref);
  });
}

export async function seedTenant(store: Store): Promise<string> {
  const id = uid("t");
  await ensureTenant(store.db, id, id, T0);
  return id;
}

export async function seedUser(store: Store, tenantId: string, externalId: string | null = null) {
  const id = uid("u");
  await insertUser(store.db, { tenantId, id, externalId, now: T0 });
  return id;
}

let numberSequence = 0;
/** Distinct E.164 strings; the store does not parse numbers, so any digits will do. */
export function e164(): string {
  numberSequence += 1;
  return `+3361${String(Date.now() % 100_000).padStart(5, "0")}${String(numberSequence).padStart(3, "0")}`;
}

export function phoneRow(tenantId: string, userId: string, over: Partial<PhoneNumberTable> = {}) {
  return {
    tenant_id: tenantId,
    id: uid("pn"),
    user_id: userId,
    e164: e164(),
    region: "FR",
    number_type: "MOBILE",
    is_primary: 0,
    verified_at: null,
    verification_strategy: null,
    reserved_for_second_factor: 0,
    default_second_factor: 0,
    created_at: T0,
    updated_at: T0,
    ...over,
  } satisfies PhoneNumberTable;
}

export function verificationRow(
  phone: Pick<PhoneNumberTable, "tenant_id" | "id" | "user_id" | "e164">,
  over: Partial<VerificationTable> = {},
) {
  return {
    tenant_id: phone.tenant_id,
    id: uid("vf"),
    user_id: phone.user_id,
    phone_number_id: phone.id,
    e164: phone.e164,
    key_id: "k1",
    code_length: 6,
    status: "pending",
    attempts_used: 0,
    max_attempts: 5,
    sends_used: 1,
    last_sent_at: T0,
    expires_at: T0 + 600_000,
    created_at: T0,
    updated_at: T0,
    verified_at: null,
    verified_strategy: null,
    service_id: "",
    sealed_code: null,
    ...over,
  } satisfies VerificationTable;
}

export function outboxRow(tenantId: string, over: Partial<OutboxTable> = {}) {
  return {
    id: uid("msg"),
    tenant_id: tenantId,
    verification_id: uid("vf"),
    to_e164: e164(),
    template: "verification_code",
    status: "pending",
    delivery_attempts: 0,
    next_attempt_at: T0,
    locked_until: null,
    provider: null,
    provider_message_id: null,
    last_error: null,
    created_at: T0,
    sent_at: null,
    locale: null,
    encoding: null,
    segments: null,
    failed_at: null,
    receipt_status: null,
    receipt_error: null,
    receipt_at: null,
    app_name: null,
    app_hash: null,
    ...over,
  } satisfies OutboxTable;
}
