import { describe, expect, it } from "vitest";
import { insertPhoneNumber } from "../../../src/store/phone-numbers.js";
import { countUsers, searchUsers, updateUserRow } from "../../../src/store/user-search.js";
import { findUser, insertUser } from "../../../src/store/users.js";
import { phoneRow, type StoreRef, seedTenant, T0, uid } from "./support.js";

/** Clerk's user list over the store: filters, nulls ordered alike on every dialect, keyset paging. */
export function userSearch(store: StoreRef): void {
  describe("user search", () => {
    it("filters by number, external id and id; orders with nulls last ascending; counts as numbers", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const ids: string[] = [];
      for (const [i, name] of [
        ["0", "Carol"],
        ["1", null],
        ["2", "Alice"],
      ] as const) {
        const id = uid("u");
        await insertUser(s.db, {
          tenantId,
          id,
          externalId: `x${i}`,
          now: T0 + Number(i),
          profile: { first_name: name, public_metadata: '{"n":1}' },
        });
        ids.push(id);
      }
      const [carol = "", nameless = "", alice = ""] = ids;
      const phone = phoneRow(tenantId, alice, { is_primary: 1 });
      await insertPhoneNumber(s.db, phone);
      const page = (field: "first_name" | "created_at" | "phone_number", descending: boolean) => ({
        order: { field, descending },
        limit: 10,
        offset: 0,
      });
      const all = {};
      expect((await searchUsers(s.db, tenantId, all, page("first_name", false))).map((u) => u.id)).toEqual([
        alice,
        carol,
        nameless,
      ]);
      expect((await searchUsers(s.db, tenantId, all, page("first_name", true))).map((u) => u.id)).toEqual([
        nameless,
        carol,
        alice,
      ]);
      // By primary number: the only user holding one first ascending, the others by creation after.
      expect((await searchUsers(s.db, tenantId, all, page("phone_number", false))).map((u) => u.id)).toEqual([
        alice,
        carol,
        nameless,
      ]);
      expect(
        (await searchUsers(s.db, tenantId, { e164s: [phone.e164] }, page("created_at", true))).map(
          (u) => u.id,
        ),
      ).toEqual([alice]);
      expect(await countUsers(s.db, tenantId, { externalIds: ["x0", "x1", "nope"] })).toBe(2);
      expect(await countUsers(s.db, tenantId, { e164s: [] })).toBe(0);
      expect(await countUsers(s.db, tenantId, all)).toBe(3);
      const after = await searchUsers(s.db, tenantId, all, {
        ...page("created_at", true),
        after: { createdAt: T0 + 1, id: nameless },
      });
      expect(after.map((u) => u.id)).toEqual([carol]);
      await updateUserRow(s.db, tenantId, carol, {
        last_name: "C",
        unsafe_metadata: '{"u":true}',
        updated_at: T0 + 9,
      });
      const row = await findUser(s.db, tenantId, carol);
      expect(row).toMatchObject({
        first_name: "Carol",
        last_name: "C",
        public_metadata: '{"n":1}',
        unsafe_metadata: '{"u":true}',
        private_metadata: "{}",
      });
    });
  });
}
