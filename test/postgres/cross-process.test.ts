import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/database.js";
import { listEvents } from "../../src/store/events.js";
import { MIGRATION_NAMES } from "../../src/store/migrate.js";
import { RELAXED_BUDGETS } from "../support/budgets.js";
import { call, type HandsetCluster, startHandsetCluster } from "../support/handset-cluster.js";
import type { HandsetServer } from "../support/handset-process.js";
import { mobileNumber } from "../support/harness.js";
import { notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";

notePostgresSkipped("cross-process invariants (two handset serve processes on one PostgreSQL)");

const MAX_ATTEMPTS = 25;

describe.skipIf(!TEST_DATABASE_URL)("two Handset processes on one PostgreSQL", () => {
  let cluster: HandsetCluster;
  let a: HandsetServer;
  let b: HandsetServer;
  /** The test's own view of the shared database, to check what the processes wrote. */
  let store: Store;
  /** Alternates between the two processes, as a round-robin load balancer would. */
  const either = (i: number) => (i % 2 === 0 ? a : b);

  beforeAll(async () => {
    cluster = await startHandsetCluster(["a", "b"], {
      ...RELAXED_BUDGETS,
      HANDSET_CODE_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      HANDSET_NUMBER_GUESS_BUDGET: String(MAX_ATTEMPTS),
    });
    ({ a, b } = cluster.servers as { a: HandsetServer; b: HandsetServer });
    store = openStore({ url: cluster.schema.url, poolSize: 2 });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await cluster?.close();
  });

  /** A user with a fresh number added through `via`. */
  async function userWithNumber(via: HandsetServer) {
    const userId = `user-${Math.random().toString(36).slice(2)}`;
    const token = await cluster.tokenFor(userId);
    const added = await call(via, "POST", "/v1/me/phone-numbers", token, { phone_number: mobileNumber() });
    expect(added.status).toBe(201);
    return { userId, token, phoneId: added.body.id as string };
  }

  async function eventsOf(userId: string, type: string) {
    return (await listEvents(store.db, "default", "user", userId)).filter((e) => e.type === type);
  }

  it("migrated the empty database once although both started at the same moment", async () => {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
    expect(rows.map((r) => r.name)).toEqual(MIGRATION_NAMES);
  });

  it("accepts exactly one of 50 simultaneous correct codes spread over both processes", async () => {
    const { userId, token, phoneId } = await userWithNumber(a);
    const sent = await call(b, "POST", `/v1/me/phone-numbers/${phoneId}/send-code`, token);
    expect(sent.status).toBe(202);
    const code = cluster.codeFor(sent.body.verification.id);

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(either(i), "POST", `/v1/me/phone-numbers/${phoneId}/verify`, token, { code }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409 && r.body.error.code === "CODE_ALREADY_USED")).toHaveLength(
      49,
    );
    expect(await eventsOf(userId, "phone_number.verified")).toHaveLength(1);
    const after = await call(a, "GET", `/v1/me/phone-numbers/${phoneId}`, token);
    expect(after.body.verified).toBe(true);
  });

  it("counts wrong guesses over both processes exactly, then fails the code and the number's budget", async () => {
    const { userId, token, phoneId } = await userWithNumber(b);
    const sent = await call(a, "POST", `/v1/me/phone-numbers/${phoneId}/send-code`, token);
    expect(sent.status).toBe(202);
    const right = cluster.codeFor(sent.body.verification.id);
    const wrong = right === "000000" ? "111111" : "000000";
    const guess = (i: number) =>
      call(either(i), "POST", `/v1/me/phone-numbers/${phoneId}/verify`, token, { code: wrong });

    const first = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(i)));
    expect(first.map((r) => r.body.error.code)).toEqual(Array(20).fill("CODE_INVALID"));
    // Every guess saw its own count: 24, 23, ... 5 tries left, each exactly once.
    const left = first.map((r) => r.body.error.details.attempts_left as number).sort((x, y) => x - y);
    expect(left).toEqual(Array.from({ length: 20 }, (_, i) => MAX_ATTEMPTS - 20 + i));

    const second = await Promise.all(Array.from({ length: 10 }, (_, i) => guess(i)));
    const codes = second.map((r) => r.body.error.code as string);
    expect(codes.filter((c) => c === "CODE_INVALID")).toHaveLength(4);
    expect(codes.filter((c) => c === "CODE_ATTEMPTS_EXHAUSTED")).toHaveLength(6);
    expect(await eventsOf(userId, "phone_number.code_rejected")).toHaveLength(MAX_ATTEMPTS);

    // The right code no longer helps, from either process.
    const late = await call(b, "POST", `/v1/me/phone-numbers/${phoneId}/verify`, token, { code: right });
    expect(late.body.error.code).toBe("CODE_ATTEMPTS_EXHAUSTED");
    // The number's guess budget is spent for both processes: no fresh code resets it.
    const resend = await call(b, "POST", `/v1/me/phone-numbers/${phoneId}/send-code`, token);
    expect([resend.status, resend.body.error.code]).toEqual([429, "NUMBER_GUESS_BUDGET_EXHAUSTED"]);
  });

  it("starts one verification when first sends to a number race over both processes", async () => {
    const { token, phoneId } = await userWithNumber(a);
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        call(either(i), "POST", `/v1/me/phone-numbers/${phoneId}/send-code`, token),
      ),
    );
    expect(answers.filter((r) => r.status === 202)).toHaveLength(1);
    const refused = answers.filter((r) => r.status !== 202);
    expect(refused.map((r) => [r.status, r.body.error.code])).toEqual(
      Array(15).fill([429, "RESEND_COOLDOWN"]),
    );
    const rows = await store.db
      .selectFrom("verifications")
      .select(["id", "sends_used"])
      .where("phone_number_id", "=", phoneId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.sends_used).toBe(1);
    const queued = await store.db
      .selectFrom("outbox")
      .select("id")
      .where("verification_id", "=", rows[0]?.id ?? "")
      .execute();
    expect(queued).toHaveLength(1);
  });

  it("gives a new user exactly one primary when their first numbers arrive together over both processes", async () => {
    const token = await cluster.tokenFor(`user-${Math.random().toString(36).slice(2)}`);
    const added = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call(either(i), "POST", "/v1/me/phone-numbers", token, { phone_number: mobileNumber() }),
      ),
    );
    expect(added.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(added.filter((r) => r.body.primary === true)).toHaveLength(1);
    const listed = await call(b, "GET", "/v1/me/phone-numbers", token);
    expect(listed.body.data).toHaveLength(6);
    expect(listed.body.data.filter((n: { primary: boolean }) => n.primary)).toHaveLength(1);
  });

  it("ends with exactly one primary when several numbers are made primary at once over both processes", async () => {
    const token = await cluster.tokenFor(`user-${Math.random().toString(36).slice(2)}`);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const added = await call(a, "POST", "/v1/me/phone-numbers", token, { phone_number: mobileNumber() });
      ids.push(added.body.id);
    }
    const moved = await Promise.all(
      ids.map((id, i) => call(either(i), "PATCH", `/v1/me/phone-numbers/${id}`, token, { primary: true })),
    );
    expect(moved.map((r) => r.status)).toEqual(Array(5).fill(200));
    const listed = await call(a, "GET", "/v1/me/phone-numbers", token);
    expect(listed.body.data.filter((n: { primary: boolean }) => n.primary)).toHaveLength(1);
  });

  it("shares the resend cooldown: a resend through the other process waits like one through the first", async () => {
    const { token, phoneId } = await userWithNumber(b);
    const first = await call(a, "POST", `/v1/me/phone-numbers/${phoneId}/send-code`, token);
    expect(first.status).toBe(202);
    const again = await call(b, "POST", `/v1/me/phone-numbers/${phoneId}/send-code`, token);
    expect([again.status, again.body.error.code]).toEqual([429, "RESEND_COOLDOWN"]);
    expect(again.body.error.details.retry_at).toBe(first.body.verification.resend_available_at);
  });
});
