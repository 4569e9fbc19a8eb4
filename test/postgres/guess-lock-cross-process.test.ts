import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/database.js";
import { call, type HandsetCluster, startHandsetCluster } from "../support/handset-cluster.js";
import type { HandsetServer } from "../support/handset-process.js";
import { mobileNumber } from "../support/harness.js";
import { notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";

notePostgresSkipped("the guess lock across processes and tenants on one PostgreSQL");

const CAP = 10;

describe.skipIf(!TEST_DATABASE_URL)("the guess lock, two tenants on two processes", () => {
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

  it("counts exactly up to the cap when two tenants guess on the same number at once", {
    timeout: 120_000,
  }, async () => {
    const number = mobileNumber();
    const alice = await holder(a, "default", number);
    const bob = await holder(b, "tenant-b", number);
    // Both tenants have a streak (so each check locks the other's row): 4 + 4 of the 10.
    for (let i = 0; i < 4; i++) {
      expect((await alice.guess()).status).toBe(422);
      expect((await bob.guess()).status).toBe(422);
    }
    // 20 wrong codes at once, half through each process and tenant: exactly 2 more fit.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? alice : bob).guess()),
    );
    const statuses = answers.map((r) => r.status);
    const counted = statuses.filter((s) => s === 422).length;
    const locked = answers.filter(
      (r) => r.status === 429 && r.body.error?.code === "PHONE_NUMBER_LOCKED",
    ).length;
    console.log(
      `[guess-lock] two tenants, two processes, 20 wrong codes at once at 8/${CAP}: ${counted} counted, ${locked} refused PHONE_NUMBER_LOCKED`,
    );
    expect(counted).toBe(CAP - 8);
    expect(locked).toBe(20 - counted);
    const rows = await store.db
      .selectFrom("guess_streaks")
      .select(["failures"])
      .where("e164", "=", number)
      .execute();
    expect(rows.reduce((sum, r) => sum + Number(r.failures), 0)).toBe(CAP);
  });
});
