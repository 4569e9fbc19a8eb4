import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/domain/clock.js";
import { systemCaller } from "../../src/services/caller.js";
import type { OutboxStatus } from "../../src/store/schema.js";
import { countSendsByBucket } from "../../src/store/stats-queries.js";
import { createTestApp, type TestApp } from "../support/harness.js";
import { createTestSchema, notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";

notePostgresSkipped("the console's stats queries on PostgreSQL");

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 0, 2, 12, 30);
const at = (iso: string) => Date.parse(iso);

const databases = [
  { name: "sqlite", env: async () => ({}) },
  ...(TEST_DATABASE_URL
    ? [{ name: "postgres", env: async () => ({ DATABASE_URL: (await createTestSchema()).url }) }]
    : []),
];

let sequence = 0;
async function message(
  t: TestApp,
  row: {
    tenant?: string;
    to: string;
    at: number;
    status: OutboxStatus;
    provider: string | null;
    receipt?: "delivered" | "failed";
  },
) {
  sequence += 1;
  await t.store.db
    .insertInto("outbox")
    .values({
      id: `msg_stats_${sequence}`,
      tenant_id: row.tenant ?? "default",
      verification_id: `ver_stats_${sequence}`,
      to_e164: row.to,
      template: "verification",
      status: row.status,
      delivery_attempts: 1,
      next_attempt_at: row.at,
      locked_until: null,
      provider: row.provider,
      provider_message_id: null,
      last_error: null,
      created_at: row.at,
      sent_at: null,
      locale: null,
      encoding: null,
      segments: null,
      failed_at: null,
      receipt_status: row.receipt ?? null,
      receipt_error: null,
      receipt_at: null,
    })
    .execute();
}

async function verification(
  t: TestApp,
  row: { tenant?: string; e164: string; at: number; verified: boolean },
) {
  sequence += 1;
  await t.store.db
    .insertInto("verifications")
    .values({
      tenant_id: row.tenant ?? "default",
      id: `ver_stats_v${sequence}`,
      user_id: `user-${sequence}`,
      phone_number_id: `pn_${sequence}`,
      e164: row.e164,
      key_id: "test",
      code_length: 6,
      status: row.verified ? "verified" : "expired",
      attempts_used: 0,
      max_attempts: 5,
      sends_used: 1,
      last_sent_at: row.at,
      expires_at: row.at + 600_000,
      created_at: row.at,
      updated_at: row.at,
      service_id: "",
      sealed_code: null,
    })
    .execute();
}

const NG = "+2348031234567";
const FR = "+33612345678";

describe.each(databases)("the console's stats on $name", ({ env }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock: new ManualClock(NOW), env: await env(), runDispatcher: false });
    // This hour: three codes to Nigeria, none entered; two failed, one delivered, by Twilio.
    for (const receipt of ["failed", "failed", "delivered"] as const) {
      await message(t, {
        to: NG,
        at: at("2026-01-02T12:10:00Z"),
        status: "sent",
        provider: "twilio",
        receipt,
      });
      await verification(t, { e164: NG, at: at("2026-01-02T12:10:00Z"), verified: false });
    }
    // 10:05: one to France, entered; the inbox took it, no receipt.
    await message(t, { to: FR, at: at("2026-01-02T10:05:00Z"), status: "sent", provider: "inbox" });
    await verification(t, { e164: FR, at: at("2026-01-02T10:05:00Z"), verified: true });
    // Two days ago: in the 30-day range only. Queued, never handed over.
    await message(t, { to: FR, at: at("2025-12-31T09:00:00Z"), status: "pending", provider: null });
    // The first moment of the 24-hour window counts, and another tenant's traffic never does.
    await message(t, { to: FR, at: at("2026-01-01T13:00:00Z"), status: "failed", provider: "twilio" });
    await message(t, {
      tenant: "other",
      to: NG,
      at: at("2026-01-02T12:00:00Z"),
      status: "sent",
      provider: "twilio",
    });
    await verification(t, { tenant: "other", e164: NG, at: at("2026-01-02T12:00:00Z"), verified: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("buckets by integer division of the times, one bucket per hour", async () => {
    const buckets = await countSendsByBucket(
      t.store.db,
      { tenantId: "default", since: at("2026-01-02T00:00:00Z"), until: at("2026-01-03T00:00:00Z") },
      HOUR,
    );
    expect(buckets).toEqual([
      { bucket: at("2026-01-02T10:00:00Z") / HOUR, count: 1 },
      { bucket: at("2026-01-02T12:00:00Z") / HOUR, count: 3 },
    ]);
  });

  it("answers the last 24 hours by the hour, every hour present, conversion per hour", async () => {
    const stats = await t.handset.stats.overview(systemCaller("default"), "24h");
    expect(stats.since).toBe(at("2026-01-01T13:00:00Z"));
    expect(stats.until).toBe(at("2026-01-02T13:00:00Z"));
    expect(stats.overTime).toHaveLength(24);
    expect(stats.overTime[0]).toMatchObject({
      start: stats.since,
      sends: 1,
      verificationsStarted: 0,
      conversion: null,
    });
    expect(stats.overTime.at(-1)).toEqual({
      start: at("2026-01-02T12:00:00Z"),
      sends: 3,
      verificationsStarted: 3,
      verified: 0,
      conversion: 0,
    });
    expect(stats.overTime.find((p) => p.start === at("2026-01-02T10:00:00Z"))).toMatchObject({
      sends: 1,
      verified: 1,
      conversion: 1,
    });
    expect(stats.overTime.reduce((n, p) => n + p.sends, 0)).toBe(5);
  });

  it("groups by destination country, most sends first: the pumping destination stands out", async () => {
    const stats = await t.handset.stats.overview(systemCaller("default"), "24h");
    expect(stats.byCountry).toEqual([
      { region: "NG", sends: 3, verificationsStarted: 3, verified: 0, conversion: 0 },
      { region: "FR", sends: 2, verificationsStarted: 1, verified: 1, conversion: 1 },
    ]);
  });

  it("counts delivery outcomes by provider", async () => {
    const stats = await t.handset.stats.overview(systemCaller("default"), "24h");
    expect(stats.byProvider).toEqual([
      { provider: "twilio", total: 4, delivered: 1, sent: 0, failed: 3, queued: 0, successRate: 0.25 },
      { provider: "inbox", total: 1, delivered: 0, sent: 1, failed: 0, queued: 0, successRate: 1 },
    ]);
  });

  it("answers the last 30 days by the day", async () => {
    const stats = await t.handset.stats.overview(systemCaller("default"), "30d");
    expect(stats.overTime).toHaveLength(30);
    expect(stats.overTime.at(-1)).toMatchObject({ start: at("2026-01-02T00:00:00Z"), sends: 4 });
    expect(stats.overTime.find((p) => p.start === at("2025-12-31T00:00:00Z"))?.sends).toBe(1);
    expect(stats.byCountry.find((c) => c.region === "FR")?.sends).toBe(3);
    expect(stats.byProvider.find((p) => p.provider === null)).toMatchObject({ total: 1, queued: 1 });
  });

  it("refuses a user token's caller", async () => {
    const caller = { ...systemCaller("default"), kind: "user_token" as const, userId: "someone" };
    await expect(t.handset.stats.overview(caller, "24h")).rejects.toMatchObject({
      code: "INSUFFICIENT_SCOPE",
    });
  });
});
