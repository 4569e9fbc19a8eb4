import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/domain/clock.js";
import { createTestApp, type TestApp } from "../support/harness.js";
import {
  createTestSchema,
  notePostgresSkipped,
  TEST_DATABASE_URL,
  type TestSchema,
} from "../support/postgres.js";
import { startReceiver, verify } from "./receiver.js";
import { addNumber, type Receiver, register } from "./support.js";

notePostgresSkipped("app webhooks from two Handset processes on one PostgreSQL");

describe.skipIf(!TEST_DATABASE_URL)("app webhooks on PostgreSQL, two processes", () => {
  let schema: TestSchema;
  let a: TestApp;
  let b: TestApp;
  let receiver: Receiver;

  beforeAll(async () => {
    schema = await createTestSchema();
    const clock = new ManualClock(Date.now());
    a = await createTestApp({ env: { DATABASE_URL: schema.url }, runDispatcher: false, clock });
    b = await createTestApp({ env: { DATABASE_URL: schema.url }, runDispatcher: false, clock });
    receiver = await startReceiver();
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await receiver?.close();
    await schema?.drop();
  });

  it("enqueues with the event (the trigger) and sends each event once from two workers", async () => {
    const endpoint = await register(a, receiver.url, ["phone_number.added", "user.created"]);
    for (let i = 0; i < 10; i += 1)
      await addNumber(i % 2 === 0 ? a : b, `pg${i}`, i % 2 === 0 ? a.adminKey : b.adminKey);
    const [fromA, fromB] = await Promise.all([a.webhookWorker.runOnce(), b.webhookWorker.runOnce()]);
    expect(fromA + fromB).toBe(20);
    const ids = receiver.received.map((m) => String(m.headers["webhook-id"]));
    expect(new Set(ids).size).toBe(20);
    for (const message of receiver.received)
      expect(verify(endpoint.secret, message).type).toMatch(/^(phone_number\.added|user\.created)$/);
    expect(await a.webhookWorker.runOnce()).toBe(0);
  });
});
