import { afterAll, beforeAll, describe, it } from "vitest";
import { ManualClock } from "../../src/domain/clock.js";
import { RELAXED_BUDGETS } from "../support/budgets.js";
import { type HandsetServer, spawnHandsetServer } from "../support/handset-process.js";
import { createTestApp, type TestApp } from "../support/harness.js";
import { raceOneKey } from "./race.js";

/**
 * Two processes on one SQLite file: this one (in-process, on a clock set to the real time, which the
 * other process reads) and a `handset serve` process on the same data directory.
 */
describe("one Idempotency-Key raced over two Handset processes on one SQLite file", () => {
  let a: TestApp;
  let b: HandsetServer;
  beforeAll(async () => {
    a = await createTestApp({
      env: { ...RELAXED_BUDGETS },
      runDispatcher: false,
      clock: new ManualClock(Date.now()),
    });
    b = await spawnHandsetServer("sqlite-b", { ...RELAXED_BUDGETS, HANDSET_DATA_DIR: a.dataDir });
  }, 60_000);
  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  it("lets exactly one request do the work", async () => {
    const servers = [await a.app.listen({ host: "127.0.0.1", port: 0 }), b.baseUrl] as const;
    await raceOneKey({ servers, tokenFor: (userId) => a.tokenFor(userId), db: a.store.db });
  }, 60_000);
});
