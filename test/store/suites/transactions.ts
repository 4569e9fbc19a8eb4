import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "../../../src/store/errors.js";
import { lockUser, lockUserState } from "../../../src/store/locks.js";
import { migrateToLatest } from "../../../src/store/migrate.js";
import { findPhoneNumber, insertPhoneNumber } from "../../../src/store/phone-numbers.js";
import { hotQuery, pipeline } from "../../../src/store/prepared.js";
import { findUser, insertUser } from "../../../src/store/users.js";
import { phoneRow, type StoreRef, seedTenant, seedUser, T0, uid } from "./support.js";

export function transactions(store: StoreRef): void {
  describe("transactions and schema", () => {
    it("commits every write of a transaction together", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const userId = uid("u");
      const phone = phoneRow(tenantId, userId);
      await s.db.transaction().execute(async (trx) => {
        await insertUser(trx, { tenantId, id: userId, externalId: null, now: T0 });
        await insertPhoneNumber(trx, phone);
      });
      expect(await findPhoneNumber(s.db, tenantId, phone.id)).toEqual(phone);
    });

    it("rolls back every write when the transaction throws", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const userId = uid("u");
      const phone = phoneRow(tenantId, userId);
      await expect(
        s.db.transaction().execute(async (trx) => {
          await insertUser(trx, { tenantId, id: userId, externalId: null, now: T0 });
          await insertPhoneNumber(trx, phone);
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      expect(await findUser(s.db, tenantId, userId)).toBeUndefined();
      expect(await findPhoneNumber(s.db, tenantId, phone.id)).toBeUndefined();
    });

    it("commits a single statement by itself, and makes it part of an open transaction", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const kept = uid("u");
      const undone = uid("u");
      await s.uow.statement((db) => insertUser(db, { tenantId, id: kept, externalId: null, now: T0 }));
      expect(await s.uow.read((db) => findUser(db, tenantId, kept))).toMatchObject({ id: kept });
      await expect(
        s.uow.transaction(async () => {
          await s.uow.statement((db) => insertUser(db, { tenantId, id: undone, externalId: null, now: T0 }));
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      expect(await s.uow.read((db) => findUser(db, tenantId, undone))).toBeUndefined();
    });

    it("rolls back a transaction that a constraint stopped half way", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const userId = await seedUser(s, tenantId);
      const taken = phoneRow(tenantId, userId, { is_primary: 1 });
      await insertPhoneNumber(s.db, taken);
      const fresh = phoneRow(tenantId, userId);
      await expect(
        s.db.transaction().execute(async (trx) => {
          await insertPhoneNumber(trx, fresh);
          await trx
            .insertInto("phone_numbers")
            .values(phoneRow(tenantId, userId, { e164: taken.e164 }))
            .execute();
        }),
      ).rejects.toThrow();
      expect(await findPhoneNumber(s.db, tenantId, fresh.id)).toBeUndefined();
    });

    it("runs transactions that lock one user one after another, and others alongside", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const [alice, bob] = [await seedUser(s, tenantId), await seedUser(s, tenantId)];
      const order: string[] = [];
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const first = s.db.transaction().execute(async (trx) => {
        await lockUser(trx, tenantId, alice);
        order.push("first locked");
        await gate;
        order.push("first done");
      });
      while (!order.includes("first locked")) await new Promise((resolve) => setTimeout(resolve, 5));
      const second = s.db.transaction().execute(async (trx) => {
        await lockUser(trx, tenantId, alice);
        order.push("second locked");
      });
      if (s.dialect === "postgres") {
        // Another user's changes do not wait (SQLite has one writer at a time whatever the user).
        await s.db.transaction().execute((trx) => lockUser(trx, tenantId, bob));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(order).toEqual(["first locked"]);
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(["first locked", "first done", "second locked"]);
    });

    it("runs a pipeline's statements in order, and fails with the first one's error, leaving nothing", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const insertUserRow = hotQuery(
        "insert into users (tenant_id, id, external_id, sequence, created_at, updated_at) values ($1, $2, null, 0, $3, $3)",
      );
      const countUsers = hotQuery("select count(*) as n from users where tenant_id = $1");
      const [a, b] = [uid("u"), uid("u")];
      const results = await s.db.transaction().execute((trx) =>
        pipeline(trx, [
          [insertUserRow, [tenantId, a, T0]],
          // Runs after the insert before it, and sees it.
          [countUsers, [tenantId]],
          [insertUserRow, [tenantId, b, T0]],
        ]),
      );
      expect(results.map((r) => Number(r.numAffectedRows ?? -1))).toEqual([1, -1, 1]);
      expect(Number((results[1]?.rows[0] as { n: number | string } | undefined)?.n)).toBe(1);

      // A duplicate key in the middle: its error, not one of the statements after it, and nothing
      // of the transaction stays, the statement before it included.
      const [c, d] = [uid("u"), uid("u")];
      const error = await s.db
        .transaction()
        .execute((trx) =>
          pipeline(trx, [
            [insertUserRow, [tenantId, c, T0]],
            [insertUserRow, [tenantId, a, T0]],
            [insertUserRow, [tenantId, d, T0]],
          ]),
        )
        .then(
          () => undefined,
          (failure: unknown) => failure,
        );
      expect(isUniqueViolation(error)).toBe(true);
      for (const id of [c, d]) expect(await findUser(s.db, tenantId, id)).toBeUndefined();
      expect(await findUser(s.db, tenantId, b)).toBeDefined();
    });

    it("reads a user's numbers as they are once its lock is held, whichever way the lock is asked for", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const userId = await seedUser(s, tenantId);
      const first = phoneRow(tenantId, userId, { is_primary: 1 });
      await insertPhoneNumber(s.db, first);
      const added = phoneRow(tenantId, userId, { created_at: T0 + 1 });
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = false;
      const writer = s.db.transaction().execute(async (trx) => {
        await lockUser(trx, tenantId, userId);
        locked = true;
        await gate;
        await insertPhoneNumber(trx, added);
      });
      while (!locked) await new Promise((resolve) => setTimeout(resolve, 5));
      const readers = [{ userId }, { phoneNumberId: first.id }].map((target) =>
        s.db.transaction().execute((trx) => lockUserState(trx, { tenantId, target, pendingOf: first.id })),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await writer;
      for (const state of await Promise.all(readers)) {
        // Both waited for the writer's lock, then read after it: the number it added is there.
        expect(state?.userId).toBe(userId);
        expect(state?.rows.map((r) => r.id)).toEqual([first.id, added.id]);
        expect(state?.pending).toBeUndefined();
      }
    });

    it("reads integers back as exact JavaScript numbers", async () => {
      const s = store();
      const big = 2 ** 52 + 1;
      const row = await sql<{
        n: number;
        m: number;
      }>`select cast(${big} as bigint) as n, count(*) as m from tenants`
        .execute(s.db)
        .then((r) => r.rows[0]);
      expect(row?.n).toBe(big);
      expect(typeof row?.m).toBe("number");
    });

    it("migrates once: running the migrations again applies nothing", async () => {
      expect(await migrateToLatest(store().db)).toEqual({ applied: [] });
    });
  });
}
