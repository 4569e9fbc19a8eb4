import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/database.js";
import { RELAXED_BUDGETS } from "../support/budgets.js";
import { call, type HandsetCluster, startHandsetCluster } from "../support/handset-cluster.js";
import type { HandsetServer } from "../support/handset-process.js";
import { mobileNumber } from "../support/harness.js";
import { notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";
import { waitFor } from "../support/sms-receiver.js";

notePostgresSkipped("SMS dispatch with several processes on one PostgreSQL");

const LEASE_MS = 2_000;
const DOOMED_LEASE_MS = 6_000;

describe.skipIf(!TEST_DATABASE_URL)("SMS dispatch with two Handset processes on one PostgreSQL", () => {
  let cluster: HandsetCluster;
  let store: Store;

  beforeAll(async () => {
    cluster = await startHandsetCluster(["a", "b"], {
      ...RELAXED_BUDGETS,
      HANDSET_DISPATCH_INTERVAL_MS: "100",
      HANDSET_DISPATCH_LEASE_MS: String(LEASE_MS),
      // A short lease needs a shorter receiver timeout, or the server refuses the configuration.
      HANDSET_WEBHOOK_TIMEOUT_MS: String(LEASE_MS / 2 - 100),
    });
    store = openStore({ url: cluster.schema.url, poolSize: 2 });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await cluster?.close();
  });

  /** Adds a number for a new user and asks for a code through `via`; returns the outbox message ids. */
  async function sendCodes(via: (i: number) => HandsetServer, count: number): Promise<string[]> {
    const token = await cluster.tokenFor(`user-${Math.random().toString(36).slice(2)}`);
    const verificationIds: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const added = await call(via(i), "POST", "/v1/me/phone-numbers", token, {
        phone_number: mobileNumber(),
      });
      const sent = await call(via(i + 1), "POST", `/v1/me/phone-numbers/${added.body.id}/send-code`, token);
      expect(sent.status).toBe(202);
      verificationIds.push(sent.body.verification.id);
    }
    const rows = await store.db
      .selectFrom("outbox")
      .select("id")
      .where("verification_id", "in", verificationIds)
      .execute();
    expect(rows).toHaveLength(count);
    return rows.map((r) => r.id);
  }

  async function outboxRows(ids: readonly string[]) {
    return store.db.selectFrom("outbox").selectAll().where("id", "in", ids).execute();
  }

  it("delivers each SMS exactly once while both dispatchers claim from one outbox", async () => {
    const { a, b } = cluster.servers as { a: HandsetServer; b: HandsetServer };
    // Slow answers keep each dispatcher busy, so that the two claim side by side.
    cluster.receiver.setDelay(150);
    const ids = await sendCodes((i) => (i % 2 === 0 ? a : b), 30);
    await waitFor("every message sent", async () =>
      (await outboxRows(ids)).every((r) => r.status === "sent") ? true : undefined,
    );
    cluster.receiver.setDelay(0);

    const deliveries = cluster.receiver.received().filter((d) => ids.includes(d.messageId));
    const perMessage = new Map<string, number>();
    for (const d of deliveries) perMessage.set(d.messageId, (perMessage.get(d.messageId) ?? 0) + 1);
    expect([...perMessage.values()].every((n) => n === 1)).toBe(true);
    expect(perMessage.size).toBe(ids.length);
    // Both processes delivered: the claims really did run side by side.
    expect(new Set(deliveries.map((d) => d.path))).toEqual(new Set(["a", "b"]));
    const rows = await outboxRows(ids);
    expect(rows.every((r) => r.delivery_attempts === 1)).toBe(true);
    expect(rows.every((r) => r.provider_message_id === `gw-${r.id}`)).toBe(true);
  });

  it("leaves the messages of a process killed mid-delivery to the others once its lease lapses", async () => {
    // A third process whose gateway never answers: it claims, starts sending, and is killed there.
    cluster.receiver.hold("doomed");
    // Its lease and gateway timeout are longer than the others': on a slow machine the sends and the
    // kill below can take more than a second, and a held call that timed out first would be a retry
    // (lease given up), not a message left leased by a dead process.
    const doomed = await cluster.spawn("doomed", {
      HANDSET_DISPATCH_INTERVAL_MS: "60000",
      HANDSET_DISPATCH_LEASE_MS: String(DOOMED_LEASE_MS),
      HANDSET_WEBHOOK_TIMEOUT_MS: String(DOOMED_LEASE_MS / 2 - 100),
    });
    const ids = await sendCodes(() => doomed, 5);
    const caught = await waitFor("the doomed process to be sending", () => {
      const held = cluster.receiver
        .received()
        .filter((d) => d.path === "doomed" && ids.includes(d.messageId));
      return held.length > 0 ? held : undefined;
    });
    // The leases the doomed process holds: write time plus DOOMED_LEASE_MS, by the clock every process shares.
    const leasedUntil = new Map((await outboxRows(ids)).map((r) => [r.id, r.locked_until]));
    await doomed.kill();

    await waitFor(
      "the others to deliver every message",
      async () => ((await outboxRows(ids)).every((r) => r.status === "sent") ? true : undefined),
      DOOMED_LEASE_MS + 10_000,
    );
    const answered = cluster.receiver.received().filter((d) => ids.includes(d.messageId) && d.answered);
    // Each message reached the gateway with an answer exactly once, from a surviving process.
    expect(answered.map((d) => d.messageId).sort()).toEqual([...ids].sort());
    expect(answered.every((d) => d.path === "a" || d.path === "b")).toBe(true);
    // What the dead process had claimed was taken over only after its lease ran out, as attempt 2.
    const rows = new Map((await outboxRows(ids)).map((r) => [r.id, r]));
    for (const held of caught) {
      expect(rows.get(held.messageId)?.delivery_attempts).toBe(2);
      const retaken = answered.find((d) => d.messageId === held.messageId);
      // The lease was still running while the doomed process sent, and nobody sent again before it
      // ran out. (Measured from the claim, not from when the gateway saw the first send: under load
      // the two can be far apart.)
      const lease = Number(leasedUntil.get(held.messageId));
      expect(lease).toBeGreaterThan(held.at);
      expect(retaken?.at).toBeGreaterThanOrEqual(lease);
      expect(retaken?.code).toBe(held.code);
    }
  });
});
