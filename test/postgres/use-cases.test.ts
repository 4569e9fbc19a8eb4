import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/database.js";
import type { Deployment } from "../concurrency/deployment.js";
import { concurrencyScenarios } from "../concurrency/scenarios.js";
import { RELAXED_BUDGETS } from "../support/budgets.js";
import { type HandsetCluster, startHandsetCluster } from "../support/handset-cluster.js";
import { notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";

notePostgresSkipped("use cases racing over two handset serve processes on one PostgreSQL");

describe.skipIf(!TEST_DATABASE_URL)("use cases racing over two Handset processes on one PostgreSQL", () => {
  let cluster: HandsetCluster;
  /** The test's own view of the shared database, to check what the processes wrote. */
  let store: Store;
  let deployment: Deployment;

  beforeAll(async () => {
    cluster = await startHandsetCluster(["a", "b"], RELAXED_BUDGETS);
    store = openStore({ url: cluster.schema.url, poolSize: 2 });
    const adminKey = await cluster.offline(
      async (h) => (await h.credentials.issueAdminKey({ tenantId: "default" })).secret,
    );
    deployment = {
      servers: Object.values(cluster.servers).map((s) => s.baseUrl),
      adminKey,
      tokenFor: (userId) => cluster.tokenFor(userId),
      codeFor: (verificationId) => cluster.codeFor(verificationId),
      db: store.db,
    };
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await cluster?.close();
  });

  concurrencyScenarios(() => deployment);

  it("logged no error in either process: no deadlock, no failed transaction, no 500", () => {
    for (const server of Object.values(cluster.servers)) {
      const errors = server
        .output()
        .split("\n")
        .filter((line) => /"level":(50|60)/.test(line) || /deadlock/i.test(line));
      expect(errors, server.name).toEqual([]);
    }
  });
});
