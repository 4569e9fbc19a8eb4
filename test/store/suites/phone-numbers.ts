import { describe, expect, it } from "vitest";
import {
  clearUserFlag,
  countPhoneNumbersOfUser,
  deletePhoneNumber,
  findPhoneNumber,
  findPhoneNumberByE164,
  insertPhoneNumber,
  listPhoneNumbersOfUser,
  updatePhoneNumber,
} from "../../../src/store/phone-numbers.js";
import { phoneRow, type StoreRef, seedTenant, seedUser, T0 } from "./support.js";

export function phoneNumbers(store: StoreRef): void {
  describe("phone numbers", () => {
    it("stores a number and reads it back exactly, by id and by E.164", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const userId = await seedUser(s, tenantId);
      const row = phoneRow(tenantId, userId, {
        is_primary: 1,
        verified_at: T0 + 1,
        verification_strategy: "admin",
        region: null,
      });
      expect(await insertPhoneNumber(s.db, row)).toBe(true);
      expect(await findPhoneNumber(s.db, tenantId, row.id)).toEqual(row);
      expect(await findPhoneNumberByE164(s.db, tenantId, row.e164)).toEqual(row);
      expect(await findPhoneNumber(s.db, await seedTenant(s), row.id)).toBeUndefined();
    });

    it("holds a number for one user per tenant: a second insert is refused, not thrown", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const [alice, bob] = [await seedUser(s, tenantId), await seedUser(s, tenantId)];
      const first = phoneRow(tenantId, alice);
      expect(await insertPhoneNumber(s.db, first)).toBe(true);
      expect(await insertPhoneNumber(s.db, phoneRow(tenantId, bob, { e164: first.e164 }))).toBe(false);
      expect(await insertPhoneNumber(s.db, phoneRow(tenantId, alice, { e164: first.e164 }))).toBe(false);
      // Another tenant may hold the same number.
      const other = await seedTenant(s);
      expect(
        await insertPhoneNumber(s.db, phoneRow(other, await seedUser(s, other), { e164: first.e164 })),
      ).toBe(true);
    });

    it("refuses a number of a user that does not exist (foreign key)", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      await expect(insertPhoneNumber(s.db, phoneRow(tenantId, "nobody"))).rejects.toThrow();
    });

    it("keeps at most one primary and one default second factor per user", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const userId = await seedUser(s, tenantId);
      const primary = phoneRow(tenantId, userId, {
        is_primary: 1,
        reserved_for_second_factor: 1,
        default_second_factor: 1,
      });
      expect(await insertPhoneNumber(s.db, primary)).toBe(true);
      expect(await insertPhoneNumber(s.db, phoneRow(tenantId, userId, { is_primary: 1 }))).toBe(false);
      expect(await insertPhoneNumber(s.db, phoneRow(tenantId, userId, { default_second_factor: 1 }))).toBe(
        false,
      );
      const second = phoneRow(tenantId, userId);
      expect(await insertPhoneNumber(s.db, second)).toBe(true);
      await expect(updatePhoneNumber(s.db, tenantId, second.id, { is_primary: 1 })).rejects.toThrow();
      // Another user has a primary of their own.
      const bob = await seedUser(s, tenantId);
      expect(await insertPhoneNumber(s.db, phoneRow(tenantId, bob, { is_primary: 1 }))).toBe(true);
    });

    it("moves the primary atomically: clear then set in one transaction", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const userId = await seedUser(s, tenantId);
      const a = phoneRow(tenantId, userId, { is_primary: 1 });
      const b = phoneRow(tenantId, userId);
      await insertPhoneNumber(s.db, a);
      await insertPhoneNumber(s.db, b);
      await s.db.transaction().execute(async (trx) => {
        await clearUserFlag(trx, tenantId, userId, "is_primary", T0 + 9);
        await updatePhoneNumber(trx, tenantId, b.id, { is_primary: 1, updated_at: T0 + 9 });
      });
      const byId = new Map((await listPhoneNumbersOfUser(s.db, tenantId, userId)).map((n) => [n.id, n]));
      expect(byId.get(a.id)).toMatchObject({ is_primary: 0, updated_at: T0 + 9 });
      expect(byId.get(b.id)).toMatchObject({ is_primary: 1, updated_at: T0 + 9 });
    });

    it("lists a user's numbers oldest first and counts them", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const userId = await seedUser(s, tenantId);
      const late = phoneRow(tenantId, userId, { created_at: T0 + 2 });
      const early = phoneRow(tenantId, userId, { created_at: T0 + 1 });
      await insertPhoneNumber(s.db, late);
      await insertPhoneNumber(s.db, early);
      expect((await listPhoneNumbersOfUser(s.db, tenantId, userId)).map((n) => n.id)).toEqual([
        early.id,
        late.id,
      ]);
      expect(await countPhoneNumbersOfUser(s.db, tenantId, userId)).toBe(2);
      expect(await countPhoneNumbersOfUser(s.db, tenantId, await seedUser(s, tenantId))).toBe(0);
    });

    it("updates only the given fields of the given tenant's number, and deletes once", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const userId = await seedUser(s, tenantId);
      const row = phoneRow(tenantId, userId);
      await insertPhoneNumber(s.db, row);
      await updatePhoneNumber(s.db, tenantId, row.id, {
        verified_at: T0 + 3,
        verification_strategy: "sms_code",
      });
      await updatePhoneNumber(s.db, await seedTenant(s), row.id, { verified_at: null });
      expect(await findPhoneNumber(s.db, tenantId, row.id)).toEqual({
        ...row,
        verified_at: T0 + 3,
        verification_strategy: "sms_code",
      });
      expect(await deletePhoneNumber(s.db, tenantId, row.id)).toBe(true);
      expect(await deletePhoneNumber(s.db, tenantId, row.id)).toBe(false);
      expect(await findPhoneNumber(s.db, tenantId, row.id)).toBeUndefined();
    });
  });
}
