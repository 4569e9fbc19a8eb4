import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildApp } from "../../src/app/server.js";
import { loadConfig } from "../../src/config.js";
import { INBOX_MAX_WAIT_MS } from "../../src/http/dev-inbox.js";
import { createTestApp, mobileNumber, TEST_KEYRING, type TestApp } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";

interface InboxAnswer {
  data: { id: string; to: string; code: string; verification_id: string; delivered_at: string }[];
}

/** A user with a number, and a function that sends it a code (queued; delivered by `runOnce`). */
async function numberToSend(t: TestApp) {
  const admin = nativeClient(t, t.adminKey);
  const userId = `u-${mobileNumber().slice(-6)}`;
  expect((await admin.call("POST", "/v1/users", { id: userId })).statusCode).toBe(201);
  const phone = mobileNumber();
  const added = await admin.call("POST", "/v1/phone-numbers", { user_id: userId, phone_number: phone });
  const id = added.json().id as string;
  return {
    phone,
    async send(): Promise<string> {
      const sent = await admin.call("POST", `/v1/phone-numbers/${id}/send-code`);
      expect(sent.statusCode).toBe(202);
      return sent.json().verification.id as string;
    },
  };
}

/** Tracks whether an in-flight request has answered yet. */
function track(pending: Promise<LightMyRequestResponse>) {
  const state = { done: false };
  void pending.then(() => {
    state.done = true;
  });
  return state;
}

/** Lets every pending callback and I/O turn run, without waiting on time. */
async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

const inboxUrl = (params: Record<string, string>) => `/dev/inbox?${new URLSearchParams(params)}`;

describe("the development inbox's long poll", () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await t?.close();
    t = undefined;
  });

  it("waits until a matching message is delivered, then answers it", async () => {
    t = await createTestApp({ runDispatcher: false });
    const mine = await numberToSend(t);
    const other = await numberToSend(t);
    const verificationId = await mine.send();
    const pending = t.app.inject({
      method: "GET",
      url: inboxUrl({ to: mine.phone, verification_id: verificationId, wait_ms: "30000" }),
    });
    const state = track(pending);
    await settle();
    expect(state.done).toBe(false);

    // A message to another number does not end the wait.
    await other.send();
    const otherOnly = await numberToSend(t);
    await otherOnly.send();
    expect(state.done).toBe(false);

    await t.dispatcher.runOnce();
    const answer = (await pending).json() as InboxAnswer;
    expect(answer.data).toHaveLength(1);
    expect(answer.data[0]).toMatchObject({ to: mine.phone, verification_id: verificationId });
    expect(answer.data[0]?.code).toMatch(/^\d{6}$/);
  });

  it("answers at once when a message already matches", async () => {
    t = await createTestApp({ runDispatcher: false });
    const mine = await numberToSend(t);
    const verificationId = await mine.send();
    await t.dispatcher.runOnce();
    const answer = await t.app.inject({
      method: "GET",
      url: inboxUrl({ to: mine.phone, verification_id: verificationId, wait_ms: "30000" }),
    });
    expect((answer.json() as InboxAnswer).data[0]?.verification_id).toBe(verificationId);
  });

  it("ends with the empty list when wait_ms passes with nothing delivered, and caps the wait", async () => {
    t = await createTestApp({ runDispatcher: false });
    const mine = await numberToSend(t);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });

    const short = t.app.inject({ method: "GET", url: inboxUrl({ to: mine.phone, wait_ms: "2000" }) });
    const shortState = track(short);
    // Far beyond the cap: it waits INBOX_MAX_WAIT_MS, no longer.
    const long = t.app.inject({ method: "GET", url: inboxUrl({ to: mine.phone, wait_ms: "3600000" }) });
    const longState = track(long);
    await settle();
    await vi.advanceTimersByTimeAsync(1999);
    expect(shortState.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(shortState.done).toBe(true);
    expect(((await short).json() as InboxAnswer).data).toEqual([]);

    await vi.advanceTimersByTimeAsync(INBOX_MAX_WAIT_MS - 2001);
    expect(longState.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(longState.done).toBe(true);
    expect(((await long).json() as InboxAnswer).data).toEqual([]);
  });

  it("reads only later messages with after=, by message id or by delivery time", async () => {
    // Resends one second apart; the growing cooldown is not what this checks.
    t = await createTestApp({ runDispatcher: false, env: { HANDSET_RESEND_COOLDOWN_SECONDS: "1" } });
    const app = t.app;
    const mine = await numberToSend(t);
    const verificationId = await mine.send();
    await t.dispatcher.runOnce();
    const read = async (params: Record<string, string>) => {
      const pending = app.inject({ method: "GET", url: inboxUrl({ to: mine.phone, ...params }) });
      return ((await pending).json() as InboxAnswer).data;
    };
    const [first] = await read({});
    if (!first) throw new Error("no first message");

    /** A resend after the cooldown (the same verification, a new message), read with a long poll. */
    const resendAndWait = async (after: string) => {
      t?.clock.advance(60_000);
      expect(await mine.send()).toBe(verificationId);
      const pending = app.inject({
        method: "GET",
        url: inboxUrl({ to: mine.phone, after, wait_ms: "30000" }),
      });
      const state = track(pending);
      await settle();
      expect(state.done).toBe(false);
      await t?.dispatcher.runOnce();
      return ((await pending).json() as InboxAnswer).data;
    };

    const byId = await resendAndWait(first.id);
    expect(byId).toHaveLength(1);
    expect(byId[0]?.id).not.toBe(first.id);
    expect(Date.parse(byId[0]?.delivered_at ?? "")).toBe(Date.parse(first.delivered_at) + 60_000);

    const second = byId[0];
    if (!second) throw new Error("no second message");
    const byTime = await resendAndWait(second.delivered_at);
    expect(byTime).toHaveLength(1);
    expect(Date.parse(byTime[0]?.delivered_at ?? "")).toBe(Date.parse(second.delivered_at) + 60_000);
    // Without after=, all three are there, newest first.
    expect((await read({})).map((m) => m.id)).toEqual([byTime[0]?.id, second.id, first.id]);
  });

  it("does not hold the server's close", async () => {
    t = await createTestApp({ runDispatcher: false });
    const mine = await numberToSend(t);
    const pending = t.app.inject({ method: "GET", url: inboxUrl({ to: mine.phone, wait_ms: "30000" }) });
    await settle();
    await t.close();
    t = undefined;
    expect(((await pending).json() as InboxAnswer).data).toEqual([]);
  });

  it("stays unregistered in production mode, wait_ms or not", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "handset-prod-"));
    try {
      const app = await buildApp(
        loadConfig({
          NODE_ENV: "production",
          HANDSET_DATA_DIR: dataDir,
          HANDSET_LOG_LEVEL: "silent",
          HANDSET_ALLOW_DEV_PROVIDER_IN_PRODUCTION: "true",
        }),
        { keyring: TEST_KEYRING, logger: false, runDispatcher: false },
      );
      const answer = await app.app.inject({
        method: "GET",
        url: inboxUrl({ to: "+33612345678", wait_ms: "30000" }),
      });
      expect(answer.statusCode).toBe(404);
      expect((await app.app.inject({ method: "GET", url: "/dev/inbox/events" })).statusCode).toBe(404);
      expect((await app.app.inject({ method: "POST", url: "/dev/inbox/clear" })).statusCode).toBe(404);
      await app.app.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
