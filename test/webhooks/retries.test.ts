import { afterEach, describe, expect, it } from "vitest";
import { RETRY_DELAYS_MS } from "../../src/domain/webhook-retry.js";
import { signedBy, startReceiver } from "./receiver.js";
import { addNumber, call, closeAll, only, type Receiver, register, setUp } from "./support.js";

const extra: Receiver[] = [];
afterEach(async () => {
  await closeAll();
  for (const receiver of extra.splice(0)) await receiver.close();
});

describe("app webhooks: retries, disabling, replay", () => {
  it("retries a failing endpoint on the published schedule, then gives up; replay sends it again", async () => {
    const { app, receiver } = await setUp();
    receiver.state.status = 500;
    const endpoint = await register(app, receiver.url, ["phone_number.added"]);
    await addNumber(app, "frank");
    const deliveryOf = async () =>
      only(
        (await call(app, "GET", `/v1/webhooks/${endpoint.id}/deliveries`)).json().data as {
          id: string;
          status: string;
          attempts: number;
          next_attempt_at: string | null;
        }[],
      );

    expect(await app.webhookWorker.runOnce()).toBe(1);
    for (const [index, delay] of RETRY_DELAYS_MS.entries()) {
      const waiting = await deliveryOf();
      expect(waiting).toMatchObject({ status: "pending", attempts: index + 1 });
      expect(Date.parse(waiting.next_attempt_at ?? "")).toBe(app.clock.now() + delay);
      // Not a moment before it is due.
      app.clock.advance(delay - 1);
      expect(await app.webhookWorker.runOnce()).toBe(0);
      app.clock.advance(1);
      expect(await app.webhookWorker.runOnce()).toBe(1);
    }
    const given = await deliveryOf();
    expect(given).toMatchObject({ status: "failed", attempts: 8, next_attempt_at: null });
    expect(receiver.received).toHaveLength(8);
    // Every attempt is the same message: one webhook-id, signed each time.
    expect(new Set(receiver.received.map((m) => m.headers["webhook-id"])).size).toBe(1);
    for (const message of receiver.received) expect(signedBy(endpoint.secret, message)).toBe(true);

    const detail = (await call(app, "GET", `/v1/webhooks/${endpoint.id}/deliveries/${given.id}`)).json();
    expect(detail.attempt_log.map((a: { outcome: string }) => a.outcome)).toEqual([
      ...Array(7).fill("retry"),
      "failed",
    ]);
    expect(detail.attempt_log[0]).toMatchObject({
      attempt: 1,
      status_code: 500,
      error: "the endpoint answered 500",
    });
    expect((await call(app, "GET", `/v1/webhooks/${endpoint.id}`)).json().failing_since).not.toBeNull();

    // Replay, once the receiver is fixed: sent again at once, with the same id; a success ends the failing run.
    receiver.state.status = 204;
    const replayed = await call(app, "POST", `/v1/webhooks/${endpoint.id}/deliveries/${given.id}/replay`);
    expect(replayed.json()).toMatchObject({ status: "pending", attempts: 8 });
    expect(await app.webhookWorker.runOnce()).toBe(1);
    expect(await deliveryOf()).toMatchObject({ status: "succeeded", attempts: 9 });
    expect(receiver.received).toHaveLength(9);
    expect(receiver.received[8]?.headers["webhook-id"]).toBe(receiver.received[0]?.headers["webhook-id"]);
    expect((await call(app, "GET", `/v1/webhooks/${endpoint.id}`)).json().failing_since).toBeNull();
  });

  it("disables an endpoint whose every attempt failed for five days, and says so with an event", async () => {
    const { app, receiver } = await setUp();
    receiver.state.status = 503;
    const watcher = await startReceiver();
    extra.push(watcher);
    const dead = await register(app, receiver.url, ["phone_number.added"]);
    const watching = await register(app, watcher.url, ["webhook_endpoint.disabled"]);
    const started = app.clock.now();

    let steps = 0;
    for (; steps < 40; steps += 1) {
      await addNumber(app, `user${steps}`);
      await app.webhookWorker.runOnce();
      if (!(await call(app, "GET", `/v1/webhooks/${dead.id}`)).json().enabled) break;
      app.clock.advance(6 * 3_600_000);
    }
    // The disabling wrote an event, which the next pass sends to the other endpoint.
    expect(await app.webhookWorker.runOnce()).toBe(1);
    const shown = (await call(app, "GET", `/v1/webhooks/${dead.id}`)).json();
    expect(shown).toMatchObject({ enabled: false, disabled_reason: "every attempt failed for 5 days" });
    expect(app.clock.now() - started).toBeGreaterThanOrEqual(5 * 86_400_000);
    expect(app.clock.now() - started).toBeLessThan(6 * 86_400_000);

    // Nothing of it is left waiting, and new events are not queued for it.
    const pending = await call(app, "GET", `/v1/webhooks/${dead.id}/deliveries?status=pending`);
    expect(pending.json().data).toEqual([]);
    const before = (await call(app, "GET", `/v1/webhooks/${dead.id}/deliveries?limit=100`)).json().data
      .length;
    await addNumber(app, "after");
    expect(await app.webhookWorker.runOnce()).toBe(0);
    expect((await call(app, "GET", `/v1/webhooks/${dead.id}/deliveries?limit=100`)).json().data).toHaveLength(
      before,
    );

    // The event, in the log and at the other endpoint.
    const events = await call(app, "GET", "/v1/events?type=webhook_endpoint.disabled");
    expect(only(events.json().data as { aggregate_id: string }[]).aggregate_id).toBe(dead.id);
    const told = only(watcher.received);
    expect(signedBy(watching.secret, told)).toBe(true);
    expect(JSON.parse(told.body)).toMatchObject({
      type: "webhook_endpoint.disabled",
      data: { endpoint_id: dead.id, reason: "every attempt failed for 5 days" },
    });

    // Turned back on by hand: its failing run starts over.
    const enabled = await call(app, "PATCH", `/v1/webhooks/${dead.id}`, { enabled: true });
    expect(enabled.json()).toMatchObject({ enabled: true, disabled_reason: null, failing_since: null });
  });
});
