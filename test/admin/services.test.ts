import { afterEach, describe, expect, it } from "vitest";
import { deriveCode } from "../../src/domain/code.js";
import { DEFAULT_ADMIN_KEY_SCOPES } from "../../src/domain/scopes.js";
import { systemCaller } from "../../src/services/caller.js";
import { mobileNumber, TEST_KEYRING } from "../support/harness.js";
import { notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";
import {
  type AdminFixture,
  adminCaller,
  DIALECTS,
  errorOf,
  openAdminApp,
  seedHolder,
  seedTenant,
} from "./support.js";

notePostgresSkipped("the operator's reads (lookup, users, messages, events) on PostgreSQL");

describe.each(DIALECTS)("the operator's reads on $name", ({ postgres }) => {
  const skip = postgres && !TEST_DATABASE_URL;
  let f: AdminFixture;
  afterEach(async () => f?.close());

  it.skipIf(skip)(
    "finds who holds a number, its verifications and messages, in the caller's tenant only",
    async () => {
      f = await openAdminApp(postgres);
      const { t } = f;
      await seedTenant(t, "acme");
      const number = mobileNumber();
      const here = await seedHolder(t, "default", { userId: "alice", number, sendCode: true });
      const there = await seedHolder(t, "acme", { userId: "bob", number, sendCode: true });
      const caller = adminCaller("default", [...DEFAULT_ADMIN_KEY_SCOPES]);

      // Spaced as a person types it: the parser's forms are accepted.
      const spaced = `${number.slice(0, 3)} ${number.slice(3, 4)} ${number.slice(4, 6)} ${number.slice(6)}`;
      const found = await t.handset.lookup.phoneNumber(caller, spaced);
      expect(found.e164).toBe(number);
      expect(found.holders).toEqual([
        {
          tenantId: "default",
          userId: "alice",
          phoneNumber: expect.objectContaining({ id: here.phoneNumber.id }),
        },
      ]);
      expect(found.verifications.map((v) => v.id)).toEqual([here.sent?.verification.id]);
      expect(found.verifications[0]).toMatchObject({
        tenantId: "default",
        userId: "alice",
        attemptsUsed: 0,
        sendsUsed: 1,
      });
      expect(JSON.stringify(found.verifications)).not.toMatch(/"code"/);
      expect(found.messages.map((m) => m.id)).toEqual([here.sent?.message?.id]);
      expect(found.messages[0]).toMatchObject({ status: "queued", tenantId: "default", userId: "alice" });

      const everywhere = await t.handset.lookup.phoneNumber(
        adminCaller("default", ["phone:read", "tenants:manage"]),
        number,
        { allTenants: true },
      );
      expect(everywhere.holders.map((h) => `${h.tenantId}/${h.userId}`).sort()).toEqual([
        "acme/bob",
        "default/alice",
      ]);
      expect(everywhere.messages.map((m) => m.id).sort()).toEqual(
        [here.sent?.message?.id, there.sent?.message?.id].sort(),
      );
    },
  );

  it.skipIf(skip)(
    "refuses all_tenants without tenants:manage, a user token, and what is not a number",
    async () => {
      f = await openAdminApp(postgres);
      const { t } = f;
      const caller = adminCaller("default", [...DEFAULT_ADMIN_KEY_SCOPES]);
      expect(
        (await errorOf(t.handset.lookup.phoneNumber(caller, "+33612345678", { allTenants: true }))).code,
      ).toBe("INSUFFICIENT_SCOPE");
      const token = { ...caller, kind: "user_token" as const, userId: "alice" };
      expect((await errorOf(t.handset.lookup.phoneNumber(token, "+33612345678"))).code).toBe(
        "INSUFFICIENT_SCOPE",
      );
      for (const input of ["not a number", "", "+1", "0612345678"]) {
        const error = await errorOf(t.handset.lookup.phoneNumber(caller, input));
        expect(error.code, input).toBe("INVALID_REQUEST");
        expect(error.details.field).toBe("phone_number");
      }
      // A number nobody holds answers empty lists, not an error.
      expect(await t.handset.lookup.phoneNumber(caller, "+33612345678")).toEqual({
        e164: "+33612345678",
        holders: [],
        verifications: [],
        messages: [],
      });
    },
  );

  it.skipIf(skip)("filters users by number and by verified state, keeping the cursor", async () => {
    f = await openAdminApp(postgres);
    const { t } = f;
    const caller = systemCaller("default");
    const verified = await seedHolder(t, "default", { userId: "u1", verified: true });
    await seedHolder(t, "default", { userId: "u2" });
    await seedHolder(t, "default", { userId: "u3", verified: true });
    await t.handset.users.create(caller, { id: "u4" });

    const byNumber = await t.handset.users.list(caller, { limit: 10, phoneNumber: verified.number });
    expect(byNumber.users.map((u) => u.id)).toEqual(["u1"]);
    const yes = await t.handset.users.list(caller, { limit: 1, verified: true });
    expect(yes.users.map((u) => u.id)).toEqual(["u1"]);
    const next = await t.handset.users.list(caller, {
      limit: 1,
      verified: true,
      after: yes.nextCursor ?? "",
    });
    expect(next).toMatchObject({ users: [expect.objectContaining({ id: "u3" })], nextCursor: null });
    const no = await t.handset.users.list(caller, { limit: 10, verified: false });
    expect(no.users.map((u) => u.id)).toEqual(["u2", "u4"]);
    expect((await errorOf(t.handset.users.list(caller, { limit: 10, phoneNumber: "nope" }))).code).toBe(
      "INVALID_REQUEST",
    );
  });

  it.skipIf(skip)("lists messages by status and time, newest first, page after page", async () => {
    f = await openAdminApp(postgres);
    const { t } = f;
    const caller = adminCaller("default", ["phone:read"]);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { sent } = await seedHolder(t, "default", { sendCode: true });
      ids.push(sent?.message?.id ?? "");
      if (i % 2 === 0) t.clock.advance(1_000); // some share a millisecond, so ties are broken by id
    }
    const db = t.store.db;
    const [m0, m1, m2, m3] = ids;
    await db
      .updateTable("outbox")
      .set({ status: "failed", failed_at: t.clock.now(), last_error: "refused" })
      .where("id", "=", m0 ?? "")
      .execute();
    await db
      .updateTable("outbox")
      .set({ status: "sent", sent_at: t.clock.now() })
      .where("id", "in", [m1 ?? "", m2 ?? ""])
      .execute();
    await db
      .updateTable("outbox")
      .set({ receipt_status: "undelivered", receipt_error: "absent", receipt_at: t.clock.now() })
      .where("id", "=", m1 ?? "")
      .execute();
    await db
      .updateTable("outbox")
      .set({ status: "sending" })
      .where("id", "=", m3 ?? "")
      .execute();

    const failures = await t.handset.messages.list(caller, { status: ["failed", "undelivered"], limit: 10 });
    expect(failures.messages.map((m) => [m.id, m.status, m.error])).toEqual([
      [m1, "undelivered", "absent"],
      [m0, "failed", "refused"],
    ]);
    expect(
      (await t.handset.messages.list(caller, { status: "sent", limit: 10 })).messages.map((m) => m.id),
    ).toEqual([m2]);
    expect(
      (await t.handset.messages.list(caller, { status: "sending", limit: 10 })).messages.map((m) => m.id),
    ).toEqual([m3]);
    expect((await t.handset.messages.list(caller, { status: "queued", limit: 10 })).messages).toHaveLength(2);

    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await t.handset.messages.list(caller, { limit: 2, after });
      seen.push(...page.messages.map((m) => m.id));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(ids));
    const all = await t.handset.messages.list(caller, { limit: 10 });
    expect(seen).toEqual(all.messages.map((m) => m.id));
    expect(all.messages.map((m) => m.createdAt)).toEqual(
      [...all.messages.map((m) => m.createdAt)].sort((a, b) => b - a),
    );

    const created = all.messages.map((m) => m.createdAt);
    const newest = Math.max(...created);
    const recent = await t.handset.messages.list(caller, { since: newest, limit: 10 });
    expect(recent.messages.every((m) => m.createdAt >= newest)).toBe(true);
    expect(recent.messages.length).toBeLessThan(5);
    const older = await t.handset.messages.list(caller, { until: newest, limit: 10 });
    expect(older.messages.length + recent.messages.length).toBe(5);

    expect((await errorOf(t.handset.messages.list(caller, { limit: 10, after: "garbage!" }))).code).toBe(
      "INVALID_REQUEST",
    );
    expect(
      (await errorOf(t.handset.messages.list(caller, { limit: 10, status: "lost" as "sent" }))).code,
    ).toBe("INVALID_REQUEST");
    expect((await errorOf(t.handset.messages.list(caller, { limit: 0 }))).code).toBe("INVALID_REQUEST");
  });

  it.skipIf(skip)(
    "lists the event log by user, type and time, with a stable cursor and no code in it",
    async () => {
      f = await openAdminApp(postgres);
      const { t } = f;
      const caller = adminCaller("default", ["events:read"]);
      const { sent } = await seedHolder(t, "default", { userId: "alice", sendCode: true });
      const code = deriveCode(TEST_KEYRING.active, sent?.verification.id ?? "", 6);
      t.clock.advance(60_000);
      const split = t.clock.now();
      await seedHolder(t, "default", { userId: "bob", verified: true });
      await seedTenant(t, "acme");
      await seedHolder(t, "acme", { userId: "carol" });

      const all = await t.handset.events.list(caller, { limit: 100 });
      expect(all.events.every((e) => e.tenantId === "default")).toBe(true);
      expect(all.events.map((e) => e.createdAt)).toEqual(
        [...all.events.map((e) => e.createdAt)].sort((a, b) => b - a),
      );
      const alice = await t.handset.events.list(caller, { userId: "alice", limit: 100 });
      expect(alice.events.every((e) => e.aggregateType === "user" && e.aggregateId === "alice")).toBe(true);
      expect(alice.events.map((e) => e.type)).toContain("user.created");
      const numbers = await t.handset.events.list(caller, { type: "phone_number.", limit: 100 });
      expect(numbers.events.length).toBeGreaterThanOrEqual(2);
      expect(numbers.events.every((e) => e.type.startsWith("phone_number."))).toBe(true);
      const created = await t.handset.events.list(caller, { type: "user.created", limit: 100 });
      expect(created.events.map((e) => e.aggregateId).sort()).toEqual(["alice", "bob"]);
      const later = await t.handset.events.list(caller, { since: split, limit: 100 });
      expect(later.events.length).toBeGreaterThan(0);
      expect(later.events.every((e) => e.createdAt >= split && e.aggregateId !== "alice")).toBe(true);
      const earlier = await t.handset.events.list(caller, { until: split, limit: 100 });
      expect(earlier.events.length + later.events.length).toBe(all.events.length);

      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await t.handset.events.list(caller, { limit: 2, after });
        seen.push(...page.events.map((e) => e.id));
        after = page.nextCursor ?? undefined;
      } while (after);
      expect(seen).toEqual(all.events.map((e) => e.id));

      // Alice's code appears nowhere in the log.
      expect(JSON.stringify(all.events)).not.toContain(code);
      expect(JSON.stringify(all.events)).not.toMatch(/secret|"code"/i);

      for (const bad of [{ after: "eyJ4IjoxfQ" }, { type: "Not A Type" }, { since: 10, until: 5 }]) {
        expect(
          (await errorOf(t.handset.events.list(caller, { limit: 10, ...bad }))).code,
          JSON.stringify(bad),
        ).toBe("INVALID_REQUEST");
      }
      expect(
        (await errorOf(t.handset.events.list(adminCaller("default", ["phone:read"]), { limit: 10 }))).code,
      ).toBe("INSUFFICIENT_SCOPE");
    },
  );
});
