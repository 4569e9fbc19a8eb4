import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/database.js";
import { call, type HandsetCluster, startHandsetCluster } from "../support/handset-cluster.js";
import type { HandsetServer } from "../support/handset-process.js";
import { mobileNumber } from "../support/harness.js";
import { notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";

notePostgresSkipped("the guess lock across processes and tenants on one PostgreSQL");

const CAP = 10;

describe.skipIf(!TEST_DATABASE_URL)("the guess lock, several tenants on two processes", () => {
  let cluster: HandsetCluster;
  let a: HandsetServer;
  let b: HandsetServer;
  let store: Store;

  beforeAll(async () => {
    cluster = await startHandsetCluster(["a", "b"], {
      HANDSET_GUESS_LOCK_AFTER: String(CAP),
      HANDSET_CODE_MAX_ATTEMPTS: "25",
      HANDSET_NUMBER_GUESS_BUDGET: "25",
    });
    ({ a, b } = cluster.servers as { a: HandsetServer; b: HandsetServer });
    store = openStore({ url: cluster.schema.url, poolSize: 2 });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await cluster?.close();
  });

  /** A user of `tenantId` holding `number`, with a code sent, through `via`. */
  async function holder(via: HandsetServer, tenantId: string, number: string) {
    const userId = `user-${Math.random().toString(36).slice(2)}`;
    const token = await cluster.offline(
      async (h) => (await h.credentials.issueUserToken({ tenantId, userId })).secret,
    );
    const added = await call(via, "POST", "/v1/me/phone-numbers", token, { phone_number: number });
    expect(added.status).toBe(201);
    const id = added.body.id as string;
    const sent = await call(via, "POST", `/v1/me/phone-numbers/${id}/send-code`, token);
    expect(sent.status).toBe(202);
    const right = cluster.codeFor(sent.body.verification.id);
    const wrong = right === "000000" ? "111111" : "000000";
    return { guess: () => call(via, "POST", `/v1/me/phone-numbers/${id}/verify`, token, { code: wrong }) };
  }

  it("counts exactly up to the cap when four tenants guess on the same number at once", {
    timeout: 120_000,
  }, async () => {
    const number = mobileNumber();
    const tenants = ["default", "tenant-b", "tenant-c", "tenant-d"];
    const holders = await Promise.all(
      tenants.map((tenant, i) => holder(i % 2 === 0 ? a : b, tenant, number)),
    );
    // Every tenant has a streak (so each check locks the others' rows): 1 each, 4 of the 10.
    for (const h of holders) expect((await h.guess()).status).toBe(422);
    // 40 wrong codes at once, spread over the tenants and both processes: exactly 6 more fit.
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => holders[i % holders.length]?.guess()),
    );
    const statuses = answers.map((r) => r?.status);
    const counted = statuses.filter((s) => s === 422).length;
    const locked = answers.filter(
      (r) => r?.status === 429 && r.body.error?.code === "PHONE_NUMBER_LOCKED",
    ).length;
    console.log(
      `[guess-lock] four tenants, two processes, 40 wrong codes at once at 4/${CAP}: ${counted} counted, ${locked} refused PHONE_NUMBER_LOCKED`,
    );
    expect(counted).toBe(CAP - 4);
    expect(locked).toBe(40 - counted);
    const rows = await store.db
      .selectFrom("guess_streaks")
      .select(["failures"])
      .where("e164", "=", number)
      .execute();
    expect(rows.reduce((sum, r) => sum + Number(r.failures), 0)).toBe(CAP);
  });
});
