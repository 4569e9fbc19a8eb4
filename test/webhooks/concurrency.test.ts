import { afterEach, describe, expect, it } from "vitest";
import { createWebhookWorker } from "../../src/delivery/app-webhooks/worker.js";
import { bearer } from "../support/harness.js";
import { addNumber, closeAll, register, setUp } from "./support.js";

afterEach(closeAll);

const silent = { info() {}, warn() {}, error() {} };

describe("app webhooks: nothing waits on a receiver, and each event goes once", () => {
  it("answers API requests while a receiver holds the connection", async () => {
    const { app, receiver } = await setUp();
    receiver.state.hold = true;
    await register(app, receiver.url, ["phone_number.added"]);
    await addNumber(app, "gina");
    const arrived = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (receiver.received.length > 0) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    const pass = app.webhookWorker.runOnce();
    await arrived;
    // The receiver holds the request open: the API answers, and writes, all the same.
    let settled = false;
    void pass.then(() => {
      settled = true;
    });
    const listed = await app.app.inject({ method: "GET", url: "/v1/users", headers: bearer(app.adminKey) });
    expect(listed.statusCode).toBe(200);
    await addNumber(app, "hank");
    expect(settled).toBe(false);
    receiver.release();
    expect(await pass).toBe(1);
  });

  it("two workers on one database send each event once", async () => {
    const { app, receiver } = await setUp();
    await register(app, receiver.url, ["*"]);
    for (let i = 0; i < 12; i += 1) await addNumber(app, `user${i}`);
    const options = {
      store: app.store,
      clock: app.clock,
      logger: silent,
      intervalMs: 1_000,
      timeoutMs: 5_000,
      allowPrivateNetworks: true,
      batchSize: 4,
    };
    const first = createWebhookWorker(options);
    const second = createWebhookWorker(options);
    const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);
    expect(a + b).toBe(24);
    const ids = receiver.received.map((m) => String(m.headers["webhook-id"]));
    expect(ids).toHaveLength(24);
    expect(new Set(ids).size).toBe(24);
    expect(await app.webhookWorker.runOnce()).toBe(0);
  });
});
