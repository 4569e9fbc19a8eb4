import { afterEach, describe, expect, it } from "vitest";
import { createHousekeeping } from "../../src/app/housekeeping.js";
import { mobileNumber } from "../support/harness.js";
import { latestCode, wrongCode } from "../support/native-client.js";
import { verify } from "./receiver.js";
import { addNumber, call, closeAll, only, register, setUp } from "./support.js";

afterEach(closeAll);

describe("app webhooks: delivery", () => {
  it("delivers an event to the endpoint, signed so that the standardwebhooks library verifies it", async () => {
    const { app, receiver } = await setUp();
    const endpoint = await register(app, receiver.url, ["phone_number.added"]);
    expect(endpoint.secret).toMatch(/^whsec_/);
    const number = await addNumber(app, "alice");

    expect(await app.webhookWorker.runOnce()).toBe(1);
    const message = only(receiver.received);
    const body = verify(endpoint.secret, message);
    expect(body.type).toBe("phone_number.added");
    expect(body.data.user_id).toBe("alice");
    expect(body.data.phone_number_id).toBe(number.id);
    expect(message.headers["webhook-id"]).toBe(body.data.event_id);
    expect(message.body).not.toMatch(/whsec_|"code"/);
    // A forged body fails verification, and so does another endpoint's secret.
    expect(() =>
      verify(endpoint.secret, { ...message, body: message.body.replace("alice", "mallory") }),
    ).toThrow();
    const other = await register(app, receiver.url, ["sms.failed"]);
    expect(() => verify(other.secret, message)).toThrow();

    // Delivered once: another pass sends nothing.
    expect(await app.webhookWorker.runOnce()).toBe(0);
    const log = await call(app, "GET", `/v1/webhooks/${endpoint.id}/deliveries`);
    expect(log.statusCode).toBe(200);
    const delivery = only(log.json().data as { id: string }[]);
    expect(delivery).toMatchObject({
      status: "succeeded",
      attempts: 1,
      last_status_code: 200,
      event_type: "phone_number.added",
    });
    const detail = await call(app, "GET", `/v1/webhooks/${endpoint.id}/deliveries/${delivery.id}`);
    expect(detail.json().attempt_log).toEqual([
      expect.objectContaining({
        attempt: 1,
        status_code: 200,
        outcome: "succeeded",
        error: null,
        next_attempt_at: null,
      }),
    ]);
  });

  it("sends only the types an endpoint subscribed to; `*` takes every public type", async () => {
    const { app, receiver } = await setUp();
    const verifiedOnly = await register(app, `${receiver.url}?verified`, ["phone_number.verified"]);
    const everything = await register(app, `${receiver.url}?all`, ["*"]);
    await addNumber(app, "bob");
    // A change the app never hears of: a new admin key.
    await call(app, "POST", "/v1/credentials", { kind: "admin_key", name: "other" });
    await app.webhookWorker.runOnce();

    const types = receiver.received.map(
      (m) => `${m.headers["webhook-id"] ? "" : "?"}${JSON.parse(m.body).type}`,
    );
    expect(types.sort()).toEqual(["phone_number.added", "user.created"]);
    for (const m of receiver.received) expect(verify(everything.secret, m)).toBeTruthy();
    const none = await call(app, "GET", `/v1/webhooks/${verifiedOnly.id}/deliveries`);
    expect(none.json().data).toEqual([]);

    // Changing the subscription changes what comes next.
    const changed = await call(app, "PATCH", `/v1/webhooks/${everything.id}`, {
      event_types: ["user.deleted"],
    });
    expect(changed.json().event_types).toEqual(["user.deleted"]);
    await addNumber(app, "carol");
    await call(app, "DELETE", "/v1/users/carol");
    await app.webhookWorker.runOnce();
    expect(receiver.received.slice(2).map((m) => JSON.parse(m.body).type)).toEqual(["user.deleted"]);
  });

  it("tells the app about verifications of bare numbers (POST /v1/verifications) as about users' numbers", async () => {
    const { app, receiver } = await setUp();
    await register(app, receiver.url, [
      "verification.code_sent",
      "verification.failed",
      "verification.approved",
    ]);
    const to = mobileNumber();
    const started = await call(app, "POST", "/v1/verifications", { to });
    expect(started.statusCode).toBe(202);
    const code = await latestCode(app, to);
    const wrong = await call(app, "POST", "/v1/verifications/check", { to, code: wrongCode(code) });
    expect(wrong.statusCode).toBe(422);
    const right = await call(app, "POST", "/v1/verifications/check", { to, code });
    expect(right.statusCode).toBe(200);

    await app.webhookWorker.runOnce();
    const bodies = receiver.received.map(
      (m) => JSON.parse(m.body) as { type: string; data: Record<string, unknown> },
    );
    expect(bodies.map((b) => b.type).sort()).toEqual([
      "verification.approved",
      "verification.code_sent",
      "verification.failed",
    ]);
    const id = (started.json() as { verification: { id: string } }).verification.id;
    for (const body of bodies) expect(JSON.stringify(body.data)).toContain(id);
    expect(receiver.received.map((m) => m.body).join("")).not.toContain(code);
  });

  it("a rolled-back change sends nothing", async () => {
    const { app, receiver } = await setUp();
    await register(app, receiver.url, ["*"]);
    await addNumber(app, "dave");
    const taken = await call(app, "POST", "/v1/phone-numbers", {
      user_id: "erin",
      phone_number: "not a number",
    });
    expect(taken.statusCode).toBe(422);
    await app.webhookWorker.runOnce();
    expect(receiver.received.map((m) => JSON.parse(m.body).data.user_id)).toEqual(["dave", "dave"]);
  });

  it("keeps settled deliveries for 30 days, then housekeeping deletes them with their attempts", async () => {
    const { app, receiver } = await setUp();
    const endpoint = await register(app, receiver.url, ["phone_number.added"]);
    await addNumber(app, "pia");
    await app.webhookWorker.runOnce();
    const housekeeping = createHousekeeping(app.store, app.clock, { info() {}, warn() {}, error() {} });
    const listed = async () => (await call(app, "GET", `/v1/webhooks/${endpoint.id}/deliveries`)).json().data;
    app.clock.advance(29 * 86_400_000);
    await housekeeping.runOnce();
    expect(await listed()).toHaveLength(1);
    app.clock.advance(2 * 86_400_000);
    await housekeeping.runOnce();
    expect(await listed()).toEqual([]);
    expect(await app.store.db.selectFrom("webhook_attempts").selectAll().execute()).toEqual([]);
  });
});
