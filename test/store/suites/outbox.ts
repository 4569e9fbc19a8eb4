import { beforeEach, describe, expect, it } from "vitest";
import {
  claimDueMessages,
  findOutboxMessage,
  insertOutboxMessage,
  listRecentSendsToNumber,
  markFailed,
  markRetry,
  markSent,
} from "../../../src/store/outbox.js";
import { e164, outboxRow, type StoreRef, seedTenant, T0 } from "./support.js";

const LEASE = 60_000;

export function outbox(store: StoreRef): void {
  describe("outbox", () => {
    // The claim looks at every tenant's messages, so each test starts from an empty outbox.
    beforeEach(async () => {
      await store().db.deleteFrom("outbox").execute();
    });

    it("claims due messages only, oldest first, leasing them and counting the attempt", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const later = outboxRow(tenantId, { next_attempt_at: T0 + 2 });
      const first = outboxRow(tenantId, { next_attempt_at: T0 });
      const notYet = outboxRow(tenantId, { next_attempt_at: T0 + 1_000 });
      for (const row of [later, first, notYet]) await insertOutboxMessage(s.db, row);
      const claimed = await claimDueMessages(s.db, s.dialect, T0 + 10, T0 + 10 + LEASE, 10);
      expect(claimed.map((m) => m.id).sort()).toEqual([first.id, later.id].sort());
      for (const m of claimed) {
        expect(m).toMatchObject({ status: "sending", locked_until: T0 + 10 + LEASE, delivery_attempts: 1 });
      }
      // Leased messages are not claimed again while the lease holds.
      expect(await claimDueMessages(s.db, s.dialect, T0 + 20, T0 + 20 + LEASE, 10)).toEqual([]);
      expect(await findOutboxMessage(s.db, notYet.id)).toEqual(notYet);
    });

    it("takes a message over once its lease has lapsed (its dispatcher died)", async () => {
      const s = store();
      const row = outboxRow(await seedTenant(s));
      await insertOutboxMessage(s.db, row);
      await claimDueMessages(s.db, s.dialect, T0, T0 + LEASE, 10);
      expect(await claimDueMessages(s.db, s.dialect, T0 + LEASE, T0 + 2 * LEASE, 10)).toEqual([]);
      const retaken = await claimDueMessages(s.db, s.dialect, T0 + LEASE + 1, T0 + 2 * LEASE + 1, 10);
      expect(retaken.map((m) => [m.id, m.delivery_attempts, m.locked_until])).toEqual([
        [row.id, 2, T0 + 2 * LEASE + 1],
      ]);
    });

    it("never gives one message to two concurrent claims", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const rows = Array.from({ length: 40 }, () => outboxRow(tenantId));
      for (const row of rows) await insertOutboxMessage(s.db, row);
      const claims = await Promise.all(
        Array.from({ length: 8 }, () =>
          s.uow.transaction((trx) => claimDueMessages(trx, s.dialect, T0, T0 + LEASE, 5)),
        ),
      );
      const ids = claims.flat().map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual(rows.map((r) => r.id).sort());
      expect(claims.flat().every((m) => m.delivery_attempts === 1)).toBe(true);
    });

    it("records the outcome: sent, retry later, or failed", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const [sent, retried, failed] = [outboxRow(tenantId), outboxRow(tenantId), outboxRow(tenantId)];
      for (const row of [sent, retried, failed]) await insertOutboxMessage(s.db, row);
      await claimDueMessages(s.db, s.dialect, T0, T0 + LEASE, 10);
      expect(
        await markSent(
          s.db,
          sent.id,
          T0 + LEASE,
          { provider: "webhook", providerMessageId: "prov-1", encoding: "gsm7", segments: 1 },
          T0 + 1,
        ),
      ).toBe(true);
      expect(await markRetry(s.db, retried.id, T0 + LEASE, "503 from provider", T0 + 2_000)).toBe(true);
      expect(await markFailed(s.db, failed.id, T0 + LEASE, "number unreachable", T0 + 5)).toBe(true);
      expect(await findOutboxMessage(s.db, sent.id)).toMatchObject({
        status: "sent",
        sent_at: T0 + 1,
        provider: "webhook",
        provider_message_id: "prov-1",
        locked_until: null,
        last_error: null,
      });
      expect(await findOutboxMessage(s.db, retried.id)).toMatchObject({
        status: "pending",
        next_attempt_at: T0 + 2_000,
        locked_until: null,
        last_error: "503 from provider",
      });
      expect(await findOutboxMessage(s.db, failed.id)).toMatchObject({
        status: "failed",
        last_error: "number unreachable",
      });
      // Only the retried message comes back, and only when due.
      expect(await claimDueMessages(s.db, s.dialect, T0 + 1_999, T0 + LEASE, 10)).toEqual([]);
      const again = await claimDueMessages(s.db, s.dialect, T0 + 2_000, T0 + LEASE, 10);
      expect(again.map((m) => [m.id, m.delivery_attempts])).toEqual([[retried.id, 2]]);
    });

    it("records an outcome only while the row carries the lease it was delivered under", async () => {
      const s = store();
      const row = outboxRow(await seedTenant(s));
      await insertOutboxMessage(s.db, row);
      await claimDueMessages(s.db, s.dialect, T0, T0 + LEASE, 10);
      // The first lease lapsed and another dispatcher took the message over, then recorded it sent.
      const [taken] = await claimDueMessages(s.db, s.dialect, T0 + LEASE + 1, T0 + 2 * LEASE + 1, 10);
      expect(taken).toMatchObject({ id: row.id, delivery_attempts: 2 });
      // While the new holder is still sending, the old lease's results change nothing.
      expect(
        await markSent(
          s.db,
          row.id,
          T0 + LEASE,
          { provider: "webhook", providerMessageId: "stale", encoding: "gsm7", segments: 1 },
          T0 + LEASE + 2,
        ),
      ).toBe(false);
      expect(await markRetry(s.db, row.id, T0 + LEASE, "late 503", T0 + LEASE + 3)).toBe(false);
      expect(await markFailed(s.db, row.id, T0 + LEASE, "late refusal", T0 + 5)).toBe(false);
      expect(await findOutboxMessage(s.db, row.id)).toEqual(taken);
      expect(
        await markSent(
          s.db,
          row.id,
          T0 + 2 * LEASE + 1,
          { provider: "webhook", providerMessageId: "prov-2", encoding: "gsm7", segments: 1 },
          T0 + LEASE + 4,
        ),
      ).toBe(true);
      const sent = await findOutboxMessage(s.db, row.id);
      expect(sent).toMatchObject({ status: "sent", provider_message_id: "prov-2", delivery_attempts: 2 });
      // Once recorded, no lease matches: not even the one it was recorded under.
      expect(await markRetry(s.db, row.id, T0 + LEASE, "late 503", T0 + LEASE + 5)).toBe(false);
      expect(await markRetry(s.db, row.id, T0 + 2 * LEASE + 1, "late 503", T0 + LEASE + 5)).toBe(false);
      expect(await markFailed(s.db, row.id, T0 + 2 * LEASE + 1, "late refusal", T0 + 5)).toBe(false);
      expect(await findOutboxMessage(s.db, row.id)).toEqual(sent);
    });

    it("lists the sends to one number since a time, oldest first", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const to = e164();
      for (const at of [T0 + 30, T0 - 50, T0 + 10]) {
        await insertOutboxMessage(s.db, outboxRow(tenantId, { to_e164: to, created_at: at }));
      }
      await insertOutboxMessage(s.db, outboxRow(tenantId, { created_at: T0 }));
      await insertOutboxMessage(s.db, outboxRow(await seedTenant(s), { to_e164: to, created_at: T0 }));
      expect(await listRecentSendsToNumber(s.db, tenantId, to, T0)).toEqual([T0 + 10, T0 + 30]);
    });
  });
}
