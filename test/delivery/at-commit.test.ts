import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDispatcher, type Dispatcher, type DispatcherLogger } from "../../src/delivery/dispatcher.js";
import { LatencyHistogram } from "../../src/delivery/latency.js";
import type { SmsMessage, SmsProvider } from "../../src/delivery/provider.js";
import { createMessageRenderer } from "../../src/delivery/templates/message-renderer.js";
import { ManualClock } from "../../src/domain/clock.js";
import { deriveCode } from "../../src/domain/code.js";
import { systemCaller } from "../../src/services/caller.js";
import { createHandset, type Handset } from "../../src/services/handset.js";
import { openStore, type Store, sqliteWriterOf } from "../../src/store/database.js";
import type { OutboxRow } from "../../src/store/schema.js";
import { createTestApp, mobileNumber, TEST_KEYRING, type TestApp } from "../support/harness.js";
import {
  createTestSchema,
  notePostgresSkipped,
  TEST_DATABASE_URL,
  type TestSchema,
} from "../support/postgres.js";

notePostgresSkipped("SMS handed to the provider at commit, on PostgreSQL");

/** Long enough that no poll pass runs by itself during a test. */
const HOUR_MS = String(60 * 60_000);
const LEASE_MS = 60_000;

/** A provider that can hold its answers until released, and counts the calls it has open at once. */
class GatedProvider implements SmsProvider {
  readonly name = "gated";
  readonly development = false;
  readonly calls: SmsMessage[] = [];
  holding = false;
  open = 0;
  mostOpen = 0;
  onSend: () => void = () => {};
  #gates: (() => void)[] = [];

  async send(message: SmsMessage) {
    this.calls.push(message);
    this.onSend();
    this.open += 1;
    this.mostOpen = Math.max(this.mostOpen, this.open);
    try {
      if (this.holding) await new Promise<void>((resolve) => this.#gates.push(resolve));
      else await new Promise<void>((resolve) => setImmediate(resolve));
      return { providerMessageId: `prov-${message.id}` };
    } finally {
      this.open -= 1;
    }
  }

  release(): void {
    this.holding = false;
    for (const open of this.#gates.splice(0)) open();
  }
}

for (const dialect of ["sqlite", "postgres"] as const) {
  describe.skipIf(dialect === "postgres" && !TEST_DATABASE_URL)(`SMS delivery at commit (${dialect})`, () => {
    const apps: TestApp[] = [];
    const cleanups: (() => Promise<void>)[] = [];
    let provider: GatedProvider;
    let schema: TestSchema | undefined;
    let dataDir: string | undefined;

    afterEach(async () => {
      provider?.release();
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
      for (const app of apps.splice(0).reverse()) await app.close();
      await schema?.drop();
      schema = undefined;
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      dataDir = undefined;
    });

    /** A Handset on this dialect; the same database again when called twice in a test (a restart). */
    async function app(
      options: { env?: Record<string, string>; runDispatcher?: boolean; clock?: ManualClock } = {},
    ) {
      if (dataDir === undefined) {
        provider = new GatedProvider();
        dataDir = mkdtempSync(join(tmpdir(), "handset-at-commit-"));
        if (dialect === "postgres") schema = await createTestSchema();
      }
      const t = await createTestApp({
        dataDir,
        clock: options.clock,
        runDispatcher: options.runDispatcher,
        smsProvider: provider,
        env: {
          HANDSET_DISPATCH_INTERVAL_MS: HOUR_MS,
          HANDSET_DISPATCH_LEASE_MS: String(LEASE_MS),
          ...(schema ? { DATABASE_URL: schema.url } : {}),
          ...options.env,
        },
      });
      apps.push(t);
      return t;
    }

    const caller = (t: TestApp) => systemCaller(t.config.defaultTenant);

    /** A fresh user with one unverified number; returns the number's id and E.164. */
    async function newNumber(t: TestApp, handset: Handset = t.handset, phoneNumber = mobileNumber()) {
      const user = await handset.users.create(caller(t), {});
      const added = await handset.phoneNumbers.add(caller(t), { userId: user.id, phoneNumber });
      return { id: added.phoneNumber.id, e164: added.phoneNumber.e164 };
    }

    async function outbox(t: TestApp): Promise<OutboxRow[]> {
      return t.store.db.selectFrom("outbox").selectAll().orderBy("created_at").orderBy("id").execute();
    }

    /** A dispatcher and use cases of their own over the app's store (another process, or other limits). */
    function ownDispatcher(
      t: TestApp,
      options: {
        maxInFlight?: number;
        monotonicNow?: () => number;
        logger?: DispatcherLogger;
        store?: Store;
      },
    ): { dispatcher: Dispatcher; handset: Handset } {
      const store = options.store ?? t.store;
      const dispatcher = createDispatcher({
        store,
        provider,
        clock: t.clock,
        keyring: TEST_KEYRING,
        ttlMs: t.config.otp.ttlMs,
        renderer: createMessageRenderer(t.config.sms.routing.messages),
        logger: options.logger ?? { info() {}, warn() {}, error() {} },
        intervalMs: Number(HOUR_MS),
        maxAttempts: t.config.sms.dispatchMaxAttempts,
        leaseMs: LEASE_MS,
        maxInFlight: options.maxInFlight,
        monotonicNow: options.monotonicNow,
      });
      const handset = createHandset({
        store,
        clock: t.clock,
        keyring: TEST_KEYRING,
        otp: t.config.otp,
        phone: t.config.phone,
        testNumbers: t.config.testNumbers,
        sms: dispatcher,
      });
      cleanups.push(() => dispatcher.stop());
      return { dispatcher, handset };
    }

    it("hands the message to the provider when the send returns, before any poll pass", async () => {
      const t = await app();
      const { id, e164 } = await newNumber(t);
      provider.holding = true;
      const sent = await t.handset.verification.send(caller(t), id);
      // No runOnce, no timer, no clock moved: the hook that ran at commit called the provider.
      expect(provider.calls).toHaveLength(1);
      const [call] = provider.calls;
      expect(call).toMatchObject({
        to: e164,
        verificationId: sent.verification.id,
        code: deriveCode(TEST_KEYRING.active, sent.verification.id, 6),
      });
      // The row was written leased to this process, its attempt counted as a claim would count it.
      const [written] = await outbox(t);
      expect(written).toMatchObject({
        id: call?.id,
        status: "sending",
        delivery_attempts: 1,
        locked_until: t.clock.now() + LEASE_MS,
      });
      // A poll pass meanwhile leaves the leased message alone.
      t.dispatcher.wake();
      provider.release();
      await t.dispatcher.idle();
      expect(await outbox(t)).toMatchObject([
        {
          id: call?.id,
          status: "sent",
          delivery_attempts: 1,
          locked_until: null,
          provider: "gated",
          provider_message_id: `prov-${call?.id}`,
          sent_at: t.clock.now(),
        },
      ]);
      expect(provider.calls).toHaveLength(1);
      expect(t.dispatcher.latency.commit.snapshot().count).toBe(1);
      expect(t.dispatcher.latency.poll.snapshot().count).toBe(0);
    });

    it("hands nothing over for a send whose transaction rolls back", async () => {
      const t = await app();
      const { id } = await newNumber(t);
      await expect(
        t.store.uow.transaction(async () => {
          const sent = await t.handset.verification.send(caller(t), id);
          expect(sent.delivery).toBe("sms");
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      await t.dispatcher.runOnce();
      expect(provider.calls).toEqual([]);
      expect(await outbox(t)).toEqual([]);
    });

    it("sends nothing for a test number", async () => {
      const t = await app({ env: { HANDSET_TEST_NUMBERS: "+33612345678=424242" } });
      const { id } = await newNumber(t, t.handset, "+33612345678");
      const sent = await t.handset.verification.send(caller(t), id);
      expect(sent.delivery).toBe("test_number");
      await t.dispatcher.runOnce();
      expect(provider.calls).toEqual([]);
      expect(await outbox(t)).toEqual([]);
    });

    it("leaves a message whose process died after its commit to the poll loop, after the lease", async () => {
      const clock = new ManualClock();
      const doomed = await app({ clock });
      const { id } = await newNumber(doomed);
      // The process dies between the commit and the hand-over.
      doomed.dispatcher.committed = () => {};
      const sent = await doomed.handset.verification.send(caller(doomed), id);
      expect(provider.calls).toEqual([]);
      await doomed.close({ keepData: true });
      apps.splice(apps.indexOf(doomed), 1);

      const after = await app({ clock, runDispatcher: false });
      // Still leased to the dead process.
      clock.advance(LEASE_MS);
      expect(await after.dispatcher.runOnce()).toBe(0);
      expect(provider.calls).toEqual([]);
      clock.advance(1);
      expect(await after.dispatcher.runOnce()).toBe(1);
      expect(provider.calls.map((c) => [c.verificationId, c.code])).toEqual([
        [sent.verification.id, deriveCode(TEST_KEYRING.active, sent.verification.id, 6)],
      ]);
      expect(await outbox(after)).toMatchObject([
        { id: provider.calls[0]?.id, status: "sent", delivery_attempts: 2 },
      ]);
      // Measured from when the message was queued: it waited out the lease.
      expect(after.dispatcher.latency.poll.snapshot()).toMatchObject({ count: 1, sumMs: LEASE_MS + 1 });
    });

    it("sends each message once while poll loops run alongside the hand-overs", async () => {
      const t = await app();
      // Another process's dispatcher on the same outbox (its own connections on PostgreSQL).
      const otherStore =
        dialect === "postgres" && schema ? openStore({ url: schema.url, poolSize: 2 }) : t.store;
      if (otherStore !== t.store) cleanups.push(() => otherStore.close());
      const other = ownDispatcher(t, { store: otherStore }).dispatcher;
      const numbers = [];
      for (let i = 0; i < 12; i += 1) numbers.push(await newNumber(t));

      // Held at the provider, then polled for from both sides, the lease almost run out.
      provider.holding = true;
      await Promise.all(numbers.slice(0, 6).map((n) => t.handset.verification.send(caller(t), n.id)));
      expect(provider.calls).toHaveLength(6);
      t.clock.advance(LEASE_MS / 2);
      expect(await other.runOnce()).toBe(0);
      t.dispatcher.wake();
      provider.release();

      // Sends and polls racing.
      const racing: Promise<unknown>[] = [];
      for (const n of numbers.slice(6)) {
        racing.push(t.handset.verification.send(caller(t), n.id), other.runOnce());
        t.dispatcher.wake();
      }
      await Promise.all(racing);
      await t.dispatcher.idle();
      await other.runOnce();

      const ids = provider.calls.map((c) => c.id);
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
      const rows = await outbox(t);
      expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
      expect(rows.every((r) => r.status === "sent" && r.delivery_attempts === 1)).toBe(true);
      expect(t.dispatcher.latency.commit.snapshot().count).toBe(12);
      expect(other.latency.poll.snapshot().count).toBe(0);
    });

    if (dialect === "sqlite") {
      it("hands over only the message of the run that reached disk when a COMMIT fails", async () => {
        const t = await app();
        const { id } = await newNumber(t);
        const writer = sqliteWriterOf.get(t.store);
        if (!writer) throw new Error("no SQLite writer");
        let commits = 0;
        writer.faults.beforeCommit = () => {
          commits += 1;
          if (commits === 1) throw Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR" });
        };
        // The batch is lost at COMMIT; the send runs again alone and answers from that run.
        const sent = await t.handset.verification.send(caller(t), id);
        writer.faults.beforeCommit = undefined;
        expect(commits).toBe(2);
        await t.dispatcher.idle();
        const rows = await outbox(t);
        expect(rows).toHaveLength(1);
        expect(provider.calls.map((c) => [c.id, c.verificationId])).toEqual([
          [rows[0]?.id, sent.verification.id],
        ]);
        expect(rows[0]).toMatchObject({ status: "sent", delivery_attempts: 1 });
      });
    }

    it("keeps provider calls within the bound; what finds no room goes through the poll loop", async () => {
      const t = await app({ runDispatcher: false });
      const { dispatcher, handset } = ownDispatcher(t, { maxInFlight: 2 });
      dispatcher.start();
      const [a, b, c, d] = [
        await newNumber(t, handset),
        await newNumber(t, handset),
        await newNumber(t, handset),
        await newNumber(t, handset),
      ];
      provider.holding = true;
      await handset.verification.send(caller(t), a.id);
      // b and c are written in one transaction while a slot is free, so both are leased at write;
      // at commit b takes the last slot and c gives its lease back.
      await t.store.uow.transaction(async () => {
        await handset.verification.send(caller(t), b.id);
        await handset.verification.send(caller(t), c.id);
      });
      expect(provider.calls.map((m) => m.to)).toEqual([a.e164, b.e164]);
      // d is written while the bound is reached: unleased, for the poll loop.
      await handset.verification.send(caller(t), d.id);
      const rowFor = async (to: string) => (await outbox(t)).find((r) => r.to_e164 === to);
      expect(await rowFor(d.e164)).toMatchObject({
        status: "pending",
        delivery_attempts: 0,
        locked_until: null,
      });
      expect(provider.calls).toHaveLength(2);

      provider.release();
      await dispatcher.idle();
      expect(provider.calls.map((m) => m.to).sort()).toEqual([a, b, c, d].map((n) => n.e164).sort());
      expect(provider.mostOpen).toBe(2);
      const rows = await outbox(t);
      expect(rows.map((r) => [r.status, r.delivery_attempts])).toEqual(Array(4).fill(["sent", 1]));
      expect(dispatcher.latency.commit.snapshot().count).toBe(2);
      expect(dispatcher.latency.poll.snapshot().count).toBe(2);
    });

    it("logs and records the time from commit to the provider's acceptance", async () => {
      const t = await app({ runDispatcher: false });
      let monotonic = 1_000;
      const logged: { obj: Record<string, unknown>; msg: string }[] = [];
      const logger: DispatcherLogger = {
        info: (obj, msg) => logged.push({ obj: obj as Record<string, unknown>, msg }),
        warn() {},
        error() {},
      };
      const { dispatcher, handset } = ownDispatcher(t, { monotonicNow: () => monotonic, logger });
      dispatcher.start();
      const { id } = await newNumber(t, handset);
      provider.onSend = () => {
        monotonic += 37;
      };
      await handset.verification.send(caller(t), id);
      await dispatcher.idle();
      const messageId = provider.calls[0]?.id;
      expect(logged).toEqual([
        {
          msg: "sms accepted by provider",
          obj: { messageId, via: "commit", attempt: 1, commitToProviderMs: 37 },
        },
      ]);
      const snapshot = dispatcher.latency.commit.snapshot();
      expect(snapshot).toMatchObject({ count: 1, sumMs: 37, maxMs: 37 });
      expect(snapshot.buckets.find((bucket) => bucket.le === 25)?.count).toBe(0);
      expect(snapshot.buckets.find((bucket) => bucket.le === 50)?.count).toBe(1);
    });
  });
}

describe("latency histogram", () => {
  it("counts observations into cumulative buckets", () => {
    const histogram = new LatencyHistogram([10, 100, 1_000]);
    for (const ms of [3, 10, 11, 400, 5_000, -2]) histogram.observe(ms);
    expect(histogram.snapshot()).toEqual({
      buckets: [
        { le: 10, count: 3 },
        { le: 100, count: 4 },
        { le: 1_000, count: 5 },
      ],
      count: 6,
      sumMs: 5_424,
      maxMs: 5_000,
    });
  });
});
