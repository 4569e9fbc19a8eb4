import { afterEach, describe, expect, it } from "vitest";
import { retryDelayMs } from "../../src/delivery/dispatcher.js";
import { SmsDeliveryError, type SmsMessage, type SmsProvider } from "../../src/delivery/provider.js";
import { deriveCode } from "../../src/domain/code.js";
import { systemCaller } from "../../src/services/caller.js";
import type { OutboxRow } from "../../src/store/schema.js";
import { createTestApp, mobileNumber, TEST_KEYRING, type TestApp } from "../support/harness.js";

/** A provider that throws the given failures in turn, then accepts every message. */
class ScriptedProvider implements SmsProvider {
  readonly name = "scripted";
  readonly development = false;
  readonly calls: SmsMessage[] = [];
  private readonly failures: Error[];

  constructor(failures: Error[] = []) {
    this.failures = [...failures];
  }

  async send(message: SmsMessage) {
    this.calls.push(message);
    const failure = this.failures.shift();
    if (failure) throw failure;
    return { providerMessageId: `prov-${this.calls.length}` };
  }
}

const retryable = () => new SmsDeliveryError("gateway busy", true);
const final = () => new SmsDeliveryError("number barred", false);

describe("SMS dispatcher", () => {
  let t: TestApp;
  afterEach(async () => t.close());

  async function start(provider: SmsProvider, env: Record<string, string> = {}) {
    t = await createTestApp({ runDispatcher: false, smsProvider: provider, env });
  }

  const caller = () => systemCaller(t.config.defaultTenant);

  /** Adds a number for a fresh user and asks for a code: one outbox row, not yet delivered. */
  async function sendCode() {
    const user = await t.handset.users.create(caller(), {});
    const added = await t.handset.phoneNumbers.add(caller(), {
      userId: user.id,
      phoneNumber: mobileNumber(),
    });
    const sent = await t.handset.verification.send(caller(), added.phoneNumber.id);
    return {
      phoneNumberId: added.phoneNumber.id,
      e164: added.phoneNumber.e164,
      verification: sent.verification,
    };
  }

  async function outbox(): Promise<OutboxRow[]> {
    return t.store.db.selectFrom("outbox").selectAll().orderBy("created_at").orderBy("id").execute();
  }

  async function onlyRow(): Promise<OutboxRow> {
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    if (!row) throw new Error("no outbox row");
    return row;
  }

  it("queues the message in the send's transaction and leaves it for the dispatcher", async () => {
    const provider = new ScriptedProvider();
    await start(provider);
    const { e164, verification } = await sendCode();
    const row = await onlyRow();
    expect(row).toMatchObject({
      status: "pending",
      delivery_attempts: 0,
      to_e164: e164,
      verification_id: verification.id,
      provider_message_id: null,
    });
    expect(provider.calls).toHaveLength(0);
  });

  it("delivers the derived code and keeps the provider's message id", async () => {
    const provider = new ScriptedProvider();
    await start(provider);
    const { e164, verification } = await sendCode();
    expect(await t.dispatcher.runOnce()).toBe(1);
    const [call] = provider.calls;
    const code = deriveCode(TEST_KEYRING.active, verification.id, 6);
    expect(call).toMatchObject({ to: e164, code, verificationId: verification.id });
    expect(call?.body).toContain(code);
    const row = await onlyRow();
    expect(call?.id).toBe(row.id);
    expect(row).toMatchObject({
      status: "sent",
      delivery_attempts: 1,
      provider: "scripted",
      provider_message_id: "prov-1",
      sent_at: t.clock.now(),
      last_error: null,
    });
    // A sent message is never sent again.
    expect(await t.dispatcher.runOnce()).toBe(0);
    expect(provider.calls).toHaveLength(1);
  });

  it("retries retryable failures with a doubling backoff, then records the success", async () => {
    const provider = new ScriptedProvider([retryable(), retryable(), retryable()]);
    await start(provider);
    await sendCode();

    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await t.dispatcher.runOnce()).toBe(1);
      const row = await onlyRow();
      const delay = retryDelayMs(attempt);
      expect(row).toMatchObject({
        status: "pending",
        delivery_attempts: attempt,
        next_attempt_at: t.clock.now() + delay,
        last_error: "gateway busy",
        locked_until: null,
      });
      // Not due a millisecond early...
      t.clock.advance(delay - 1);
      expect(await t.dispatcher.runOnce()).toBe(0);
      expect(provider.calls).toHaveLength(attempt);
      // ...due on time.
      t.clock.advance(1);
    }
    expect(await t.dispatcher.runOnce()).toBe(1);
    expect(provider.calls).toHaveLength(4);
    // Every try carries the same message id (the idempotency key) and the same code.
    expect(new Set(provider.calls.map((c) => c.id)).size).toBe(1);
    expect(new Set(provider.calls.map((c) => c.code)).size).toBe(1);
    expect(await onlyRow()).toMatchObject({
      status: "sent",
      delivery_attempts: 4,
      provider_message_id: "prov-4",
      last_error: null,
    });
  });

  it("doubles the backoff from 2 s and caps it at 10 minutes", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelayMs(20)).toBe(600_000);
  });

  it("treats an unexpected error as retryable", async () => {
    const provider = new ScriptedProvider([new TypeError("socket hang up")]);
    await start(provider);
    await sendCode();
    await t.dispatcher.runOnce();
    expect(await onlyRow()).toMatchObject({ status: "pending", last_error: "socket hang up" });
    t.clock.advance(retryDelayMs(1));
    await t.dispatcher.runOnce();
    expect((await onlyRow()).status).toBe("sent");
  });

  it("waits as long as a throttling provider asks when that is longer than the backoff", async () => {
    const throttled = new SmsDeliveryError("throttled", true, { retryAfterMs: 45_000 });
    const provider = new ScriptedProvider([throttled]);
    await start(provider);
    await sendCode();
    const queuedAt = t.clock.now();
    await t.dispatcher.runOnce();
    expect(await onlyRow()).toMatchObject({ status: "pending", next_attempt_at: queuedAt + 45_000 });
    t.clock.advance(retryDelayMs(1));
    expect(await t.dispatcher.runOnce()).toBe(0);
    t.clock.advance(45_000 - retryDelayMs(1));
    await t.dispatcher.runOnce();
    expect(await onlyRow()).toMatchObject({ status: "sent", delivery_attempts: 2 });
  });

  it("records a message as sent even when its provider's id does not fit the column", async () => {
    const provider = new ScriptedProvider();
    provider.send = async (message: SmsMessage) => {
      provider.calls.push(message);
      return { providerMessageId: "x".repeat(300) };
    };
    await start(provider);
    await sendCode();
    await t.dispatcher.runOnce();
    expect(await onlyRow()).toMatchObject({ status: "sent", provider_message_id: null });
    t.clock.advance(10 * 60_000);
    expect(await t.dispatcher.runOnce()).toBe(0);
    expect(provider.calls).toHaveLength(1);
  });

  it("fails a message at once on a non-retryable failure", async () => {
    const provider = new ScriptedProvider([final()]);
    await start(provider);
    await sendCode();
    expect(await t.dispatcher.runOnce()).toBe(1);
    expect(await onlyRow()).toMatchObject({
      status: "failed",
      delivery_attempts: 1,
      last_error: "number barred",
      provider_message_id: null,
      sent_at: null,
    });
    t.clock.advance(retryDelayMs(10));
    expect(await t.dispatcher.runOnce()).toBe(0);
    expect(provider.calls).toHaveLength(1);
  });

  it("gives up after HANDSET_DISPATCH_MAX_ATTEMPTS retryable failures", async () => {
    const provider = new ScriptedProvider(Array.from({ length: 10 }, retryable));
    await start(provider, { HANDSET_DISPATCH_MAX_ATTEMPTS: "3" });
    await sendCode();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await t.dispatcher.runOnce()).toBe(1);
      t.clock.advance(retryDelayMs(attempt));
    }
    expect(await onlyRow()).toMatchObject({
      status: "failed",
      delivery_attempts: 3,
      last_error: "gateway busy",
    });
    t.clock.advance(retryDelayMs(10));
    expect(await t.dispatcher.runOnce()).toBe(0);
    expect(provider.calls).toHaveLength(3);
  });

  it("does not send a code that was redeemed before delivery", async () => {
    const provider = new ScriptedProvider();
    await start(provider);
    const { phoneNumberId, verification } = await sendCode();
    const code = deriveCode(TEST_KEYRING.active, verification.id, 6);
    await t.handset.verification.verify(caller(), phoneNumberId, code);
    expect(await t.dispatcher.runOnce()).toBe(1);
    expect(provider.calls).toHaveLength(0);
    expect(await onlyRow()).toMatchObject({
      status: "failed",
      provider_message_id: null,
      sent_at: null,
      last_error: "verification closed before delivery",
    });
  });

  it("does not send a code whose number was verified by hand before delivery", async () => {
    const provider = new ScriptedProvider();
    await start(provider);
    const { phoneNumberId } = await sendCode();
    await t.handset.phoneNumbers.update(caller(), phoneNumberId, { verified: true });
    await t.dispatcher.runOnce();
    expect(provider.calls).toHaveLength(0);
    expect((await onlyRow()).status).toBe("failed");
  });

  it("does not send a code whose number was removed before delivery", async () => {
    const provider = new ScriptedProvider();
    await start(provider);
    const { phoneNumberId } = await sendCode();
    await t.handset.phoneNumbers.remove(caller(), phoneNumberId);
    await t.dispatcher.runOnce();
    expect(provider.calls).toHaveLength(0);
    expect((await onlyRow()).status).toBe("failed");
  });

  it("does not send a code that expired while it waited for a retry", async () => {
    const provider = new ScriptedProvider([retryable()]);
    await start(provider);
    await sendCode();
    await t.dispatcher.runOnce();
    t.clock.advance(t.config.otp.ttlMs);
    await t.dispatcher.runOnce();
    expect(provider.calls).toHaveLength(1);
    expect(await onlyRow()).toMatchObject({ status: "failed", delivery_attempts: 2 });
  });

  it("delivers a resend as its own message with the same code", async () => {
    const provider = new ScriptedProvider();
    await start(provider);
    const { phoneNumberId } = await sendCode();
    t.clock.advance(t.config.otp.resendCooldownMs);
    const again = await t.handset.verification.send(caller(), phoneNumberId);
    expect(again.newVerification).toBe(false);
    expect(await t.dispatcher.runOnce()).toBe(2);
    const rows = await outbox();
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
    expect(provider.calls).toHaveLength(2);
    expect(provider.calls[0]?.code).toBe(provider.calls[1]?.code);
    expect(provider.calls[0]?.id).not.toBe(provider.calls[1]?.id);
  });

  it("takes over a message whose sender died mid-delivery once its lease lapses", async () => {
    const provider = new ScriptedProvider();
    await start(provider);
    await sendCode();
    // A dispatcher that claimed the message and then died: sending, leased for a minute.
    const leasedUntil = t.clock.now() + 60_000;
    await t.store.db
      .updateTable("outbox")
      .set({ status: "sending", locked_until: leasedUntil, delivery_attempts: 1 })
      .execute();
    expect(await t.dispatcher.runOnce()).toBe(0);
    t.clock.advance(60_001);
    expect(await t.dispatcher.runOnce()).toBe(1);
    expect(await onlyRow()).toMatchObject({ status: "sent", delivery_attempts: 2 });
    expect(provider.calls).toHaveLength(1);
  });
});
