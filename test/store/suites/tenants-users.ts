import { describe, expect, it } from "vitest";
import { findCredentialByHash, insertCredential, revokeCredential } from "../../../src/store/credentials.js";
import { isUniqueViolation } from "../../../src/store/errors.js";
import { appendUserEvent, insertEvent, listEvents } from "../../../src/store/events.js";
import type { Executor } from "../../../src/store/executor.js";
import { countPhoneNumbersOfUser, insertPhoneNumber } from "../../../src/store/phone-numbers.js";
import { ensureTenant, findTenant, setTenantRegions } from "../../../src/store/tenants.js";
import {
  deleteUser,
  findUser,
  findUserByExternalId,
  insertUser,
  listUsers,
} from "../../../src/store/users.js";
import { isControl, startStatementCounter } from "../../support/statement-counter.js";
import { phoneRow, type StoreRef, seedTenant, seedUser, T0, uid } from "./support.js";

export function tenantsAndUsers(store: StoreRef): void {
  describe("tenants", () => {
    it("creates a tenant once, however often it is ensured, and keeps its regions", async () => {
      const { db } = store();
      const id = uid("t");
      const [a, b] = await Promise.all([
        ensureTenant(db, id, "one", T0),
        ensureTenant(db, id, "two", T0 + 1),
      ]);
      expect(a).toEqual(b);
      expect(a.created_at).toBe(a.name === "one" ? T0 : T0 + 1);
      expect(typeof a.sequence).toBe("number");
      await setTenantRegions(db, id, ["FR", "DE"], ["US"]);
      const row = await findTenant(db, id);
      expect(JSON.parse(row?.allowed_regions ?? "")).toEqual(["FR", "DE"]);
      expect(JSON.parse(row?.denied_regions ?? "")).toEqual(["US"]);
      expect(await findTenant(db, uid("t"))).toBeUndefined();
    });
  });

  describe("users", () => {
    it("inserts a user once; a taken id or external id is refused, not thrown", async () => {
      const { db } = store();
      const tenantId = await seedTenant(store());
      const id = uid("u");
      expect(await insertUser(db, { tenantId, id, externalId: "ext-1", now: T0 })).toBe(true);
      expect(await insertUser(db, { tenantId, id, externalId: null, now: T0 })).toBe(false);
      expect(await insertUser(db, { tenantId, id: uid("u"), externalId: "ext-1", now: T0 })).toBe(false);
      // Many users may have no external id: the unique index is partial.
      expect(await insertUser(db, { tenantId, id: uid("u"), externalId: null, now: T0 })).toBe(true);
      expect(await insertUser(db, { tenantId, id: uid("u"), externalId: null, now: T0 })).toBe(true);
      const row = await findUser(db, tenantId, id);
      expect(row).toMatchObject({
        tenant_id: tenantId,
        id,
        external_id: "ext-1",
        sequence: 0,
        created_at: T0,
      });
      expect((await findUserByExternalId(db, tenantId, "ext-1"))?.id).toBe(id);
      // The same ids in another tenant are another user.
      const other = await seedTenant(store());
      expect(await insertUser(db, { tenantId: other, id, externalId: "ext-1", now: T0 })).toBe(true);
      expect(await findUser(db, uid("t"), id)).toBeUndefined();
    });

    it("refuses a user of a tenant that does not exist (foreign key)", async () => {
      await expect(
        insertUser(store().db, { tenantId: uid("t"), id: uid("u"), externalId: null, now: T0 }),
      ).rejects.toThrow();
    });

    it("lists users in id order after a cursor", async () => {
      const { db } = store();
      const tenantId = await seedTenant(store());
      for (const id of ["c", "a", "d", "b"])
        await insertUser(db, { tenantId, id, externalId: null, now: T0 });
      expect((await listUsers(db, tenantId, 10)).map((u) => u.id)).toEqual(["a", "b", "c", "d"]);
      expect((await listUsers(db, tenantId, 2, "a")).map((u) => u.id)).toEqual(["b", "c"]);
      expect(await listUsers(db, tenantId, 2, "d")).toEqual([]);
    });

    it("appends a user's event with the next sequence in one statement, exactly, even when appends race", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const userId = await seedUser(s, tenantId);
      const append = (trx: Executor, i: number) =>
        appendUserEvent(trx, {
          id: uid("evt"),
          tenantId,
          userId,
          type: `change.${i}`,
          actor: "test",
          payload: { i },
          at: T0 + 5,
        });
      const counter = startStatementCounter();
      try {
        const first = await s.db.transaction().execute((trx) => counter.measure(() => append(trx, 0)));
        expect(first.result).toBe(1);
        expect(first.statements.filter((sql) => !isControl(sql))).toHaveLength(1);
      } finally {
        counter.stop();
      }
      const raced = await Promise.all(
        Array.from({ length: 11 }, (_, i) => s.db.transaction().execute((trx) => append(trx, i + 1))),
      );
      const sequences = [1, ...raced];
      const all = Array.from({ length: 12 }, (_, i) => i + 1);
      expect([...sequences].sort((a, b) => a - b)).toEqual(all);
      expect(await findUser(s.db, tenantId, userId)).toMatchObject({ sequence: 12, updated_at: T0 + 5 });
      // Each event carries the sequence its append returned: the event log and the user agree.
      const events = await listEvents(s.db, tenantId, "user", userId);
      expect(events.map((e) => e.sequence)).toEqual(all);
      for (const event of events) {
        expect(sequences[(JSON.parse(event.payload) as { i: number }).i]).toBe(event.sequence);
      }
      await expect(
        appendUserEvent(s.db, {
          id: uid("evt"),
          tenantId,
          userId: "nobody",
          type: "x",
          actor: "t",
          payload: {},
          at: T0,
        }),
      ).rejects.toThrow(/no user nobody/);
    });

    it("deletes a user with its numbers (cascade), once", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const userId = await seedUser(s, tenantId);
      await insertPhoneNumber(s.db, phoneRow(tenantId, userId, { is_primary: 1 }));
      await insertPhoneNumber(s.db, phoneRow(tenantId, userId));
      expect(await countPhoneNumbersOfUser(s.db, tenantId, userId)).toBe(2);
      expect(await deleteUser(s.db, tenantId, userId)).toBe(true);
      expect(await deleteUser(s.db, tenantId, userId)).toBe(false);
      expect(await countPhoneNumbersOfUser(s.db, tenantId, userId)).toBe(0);
    });
  });

  describe("credentials", () => {
    it("finds a credential by its hash; a hash is unique; revoking happens once", async () => {
      const { db } = store();
      const tenantId = await seedTenant(store());
      const row = {
        id: uid("cred"),
        tenant_id: tenantId,
        kind: "user_token" as const,
        user_id: "alice",
        name: "phone app",
        scopes: "phone:read phone:write",
        secret_hash: uid("hash"),
        hint: "hs_abc",
        expires_at: T0 + 86_400_000,
        revoked_at: null,
        created_at: T0,
      };
      await insertCredential(db, row);
      expect(await findCredentialByHash(db, row.secret_hash)).toEqual(row);
      const duplicate = insertCredential(db, { ...row, id: uid("cred") });
      await expect(duplicate).rejects.toSatisfy((error: unknown) => isUniqueViolation(error));
      expect(await revokeCredential(db, tenantId, row.id, T0 + 1)).toBe(true);
      expect(await revokeCredential(db, tenantId, row.id, T0 + 2)).toBe(false);
      expect((await findCredentialByHash(db, row.secret_hash))?.revoked_at).toBe(T0 + 1);
      // Another tenant's key cannot revoke it.
      expect(await revokeCredential(db, uid("t"), row.id, T0 + 3)).toBe(false);
    });
  });

  describe("events", () => {
    it("appends events in sequence order and refuses a second event with the same sequence", async () => {
      const { db } = store();
      const tenantId = await seedTenant(store());
      const event = (sequence: number, type: string) => ({
        id: uid("evt"),
        tenantId,
        aggregateType: "user" as const,
        aggregateId: "alice",
        sequence,
        type,
        actor: "admin_key:k1",
        payload: { n: sequence, nested: { ok: true } },
        at: T0 + sequence,
      });
      await insertEvent(db, event(2, "b"));
      await insertEvent(db, event(1, "a"));
      await expect(insertEvent(db, event(2, "again"))).rejects.toSatisfy((error: unknown) =>
        isUniqueViolation(error, "events_aggregate_sequence"),
      );
      const listed = await listEvents(db, tenantId, "user", "alice");
      expect(listed.map((e) => [e.sequence, e.type, e.created_at])).toEqual([
        [1, "a", T0 + 1],
        [2, "b", T0 + 2],
      ]);
      expect(JSON.parse(listed[0]?.payload ?? "")).toEqual({ n: 1, nested: { ok: true } });
      expect(await listEvents(db, tenantId, "user", "bob")).toEqual([]);
    });
  });
}
