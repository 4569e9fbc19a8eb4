import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe } from "vitest";
import { deriveCode } from "../../src/domain/code.js";
import { RELAXED_BUDGETS } from "../support/budgets.js";
import { createTestApp, TEST_KEYRING, type TestApp } from "../support/harness.js";
import type { Deployment } from "./deployment.js";
import { concurrencyScenarios } from "./scenarios.js";

describe("use cases racing over HTTP on SQLite (one process, group commit)", () => {
  let t: TestApp;
  let deployment: Deployment;

  beforeAll(async () => {
    t = await createTestApp({ env: { ...RELAXED_BUDGETS } });
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    deployment = {
      servers: [`http://127.0.0.1:${port}`],
      adminKey: t.adminKey,
      tokenFor: (userId) => t.tokenFor(userId),
      codeFor: (verificationId) => deriveCode(TEST_KEYRING.active, verificationId, 6),
      db: t.store.db,
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  concurrencyScenarios(() => deployment);
});
