import { beforeEach, describe, expect, it } from "vitest";
import {
  claimDueMessages,
  findOutboxMessage,
  insertOutboxMessage,
  markFailed,
  markRetry,
  markSent,
  recordReceipt,
} from "../../../src/store/outbox.js";
import { outboxRow, type StoreRef, seedTenant, T0 } from "./support.js";

const LEASE = 60_000;
const SENT = { provider: "twilio", providerMessageId: "SM1", encoding: "ucs2", segments: 2 } as const;

/** What became of a message: its receipt, and the events its changes wrote (migration 006's triggers). */
export function messageStatus(store: StoreRef): void {
  describe("message status and its events", () => {
    beforeEach(async () => {
      await store().db.deleteFrom("outbox").execute();
    });

    async function sentMessage(tenantId: string, providerMessageId = "SM1") {
      const s = store();
      const row = outboxRow(tenantId);
      await insertOutboxMessage(s.db, row);
      await claimDueMessages(s.db, s.dialect, T0, T0 + LEASE, 10);
      expect(await markSent(s.db, row.id, T0 + LEASE, { ...SENT, providerMessageId }, T0 + 1)).toBe(true);
      return row;
    }

    const eventsOf = (tenantId: string, id: string) =>
      store()
        .db.selectFrom("events")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("aggregate_type", "=", "message")
        .where("aggregate_id", "=", id)
        .orderBy("sequence")
        .execute();

    it("records how a message went, and writes sms.sent with it", async () => {
      const tenantId = await seedTenant(store());
      const row = await sentMessage(tenantId);
      expect(await findOutboxMessage(store().db, row.id)).toMatchObject({
        status: "sent",
        encoding: "ucs2",
        segments: 2,
        receipt_status: null,
      });
      const events = await eventsOf(tenantId, row.id);
      expect(events.map((e) => [e.type, Number(e.sequence), Number(e.created_at), e.actor])).toEqual([
        ["sms.sent", 1, T0 + 1, "system:delivery"],
      ]);
      expect(JSON.parse(events[0]?.payload ?? "{}")).toMatchObject({
        message_id: row.id,
        provider: "twilio",
        provider_message_id: "SM1",
        status: "sent",
        segments: 2,
      });
      expect(events[0]?.id).toMatch(/^evt_[0-9a-f]{26}$/);
    });

    it("takes the first final receipt, by outbox id or by the provider's id, and writes its event", async () => {
      const tenantId = await seedTenant(store());
      const byId = await sentMessage(tenantId, "SM-a");
      const byProviderId = await sentMessage(tenantId, "SM-b");
      const receipt = { provider: "twilio", status: "delivered", error: null, at: T0 + 50 } as const;
      expect(
        await recordReceipt(store().db, { ...receipt, messageId: byId.id, providerMessageId: null }),
      ).toBe(true);
      expect(
        await recordReceipt(store().db, {
          ...receipt,
          status: "undelivered",
          error: "30003",
          messageId: null,
          providerMessageId: "SM-b",
        }),
      ).toBe(true);
      // A second final word changes nothing and writes nothing.
      expect(
        await recordReceipt(store().db, {
          ...receipt,
          status: "failed",
          messageId: byId.id,
          providerMessageId: null,
        }),
      ).toBe(false);
      expect(await findOutboxMessage(store().db, byId.id)).toMatchObject({
        receipt_status: "delivered",
        receipt_at: T0 + 50,
      });
      expect(await findOutboxMessage(store().db, byProviderId.id)).toMatchObject({
        receipt_status: "undelivered",
        receipt_error: "30003",
      });
      expect((await eventsOf(tenantId, byId.id)).map((e) => [e.type, Number(e.sequence)])).toEqual([
        ["sms.sent", 1],
        ["sms.delivered", 2],
      ]);
      const failed = await eventsOf(tenantId, byProviderId.id);
      expect(failed.map((e) => e.type)).toEqual(["sms.sent", "sms.failed"]);
      expect(JSON.parse(failed[1]?.payload ?? "{}")).toMatchObject({ status: "undelivered", error: "30003" });
    });

    it("drops a receipt from another provider, for an unknown id, or naming nothing", async () => {
      const tenantId = await seedTenant(store());
      const row = await sentMessage(tenantId);
      const receipt = { status: "delivered", error: null, at: T0 + 9 } as const;
      const db = store().db;
      expect(
        await recordReceipt(db, {
          ...receipt,
          provider: "vonage",
          messageId: row.id,
          providerMessageId: null,
        }),
      ).toBe(false);
      expect(
        await recordReceipt(db, {
          ...receipt,
          provider: "twilio",
          messageId: "msg_unknown",
          providerMessageId: null,
        }),
      ).toBe(false);
      expect(
        await recordReceipt(db, {
          ...receipt,
          provider: "vonage",
          messageId: null,
          providerMessageId: "SM1",
        }),
      ).toBe(false);
      expect(
        await recordReceipt(db, { ...receipt, provider: "twilio", messageId: null, providerMessageId: null }),
      ).toBe(false);
      expect((await findOutboxMessage(db, row.id))?.receipt_status).toBeNull();
    });

    it("keeps a receipt that overtakes the recording of the send, which then does not undo it", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const row = outboxRow(tenantId);
      await insertOutboxMessage(s.db, row);
      await claimDueMessages(s.db, s.dialect, T0, T0 + LEASE, 10);
      const early = { provider: "twilio", status: "delivered", error: null, at: T0 + 1 } as const;
      expect(await recordReceipt(s.db, { ...early, messageId: row.id, providerMessageId: null })).toBe(true);
      expect(await markSent(s.db, row.id, T0 + LEASE, SENT, T0 + 2)).toBe(true);
      expect(await findOutboxMessage(s.db, row.id)).toMatchObject({
        status: "sent",
        receipt_status: "delivered",
      });
      expect((await eventsOf(tenantId, row.id)).map((e) => e.type).sort()).toEqual([
        "sms.delivered",
        "sms.sent",
      ]);
    });

    it("never sends again a message whose receipt came while it waited for a retry", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const row = outboxRow(tenantId);
      await insertOutboxMessage(s.db, row);
      await claimDueMessages(s.db, s.dialect, T0, T0 + LEASE, 10);
      // The provider took it but answered too late: the dispatcher scheduled a retry.
      expect(await markRetry(s.db, row.id, T0 + LEASE, "timeout", T0 + 2_000)).toBe(true);
      const late = { provider: "twilio", status: "delivered", error: null, at: T0 + 1_000 } as const;
      expect(await recordReceipt(s.db, { ...late, messageId: row.id, providerMessageId: "SM9" })).toBe(true);
      expect(await claimDueMessages(s.db, s.dialect, T0 + 10_000, T0 + 10_000 + LEASE, 10)).toEqual([]);
      expect(await findOutboxMessage(s.db, row.id)).toMatchObject({
        status: "sent",
        provider: "twilio",
        receipt_status: "delivered",
        locked_until: null,
      });
    });

    it("writes sms.failed when delivery gives a message up", async () => {
      const s = store();
      const tenantId = await seedTenant(s);
      const row = outboxRow(tenantId);
      await insertOutboxMessage(s.db, row);
      await claimDueMessages(s.db, s.dialect, T0, T0 + LEASE, 10);
      expect(await markFailed(s.db, row.id, T0 + LEASE, "invalid number", T0 + 7)).toBe(true);
      const [event] = await eventsOf(tenantId, row.id);
      expect([event?.type, Number(event?.created_at)]).toEqual(["sms.failed", T0 + 7]);
      expect(JSON.parse(event?.payload ?? "{}")).toMatchObject({ status: "failed", error: "invalid number" });
      expect(await findOutboxMessage(s.db, row.id)).toMatchObject({ failed_at: T0 + 7 });
    });
  });
}
