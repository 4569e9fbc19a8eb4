import { afterEach, describe, expect, it } from "vitest";
import { createDispatcher, type Dispatcher, type DispatcherLogger } from "../../src/delivery/dispatcher.js";
import { SmsDeliveryError, type SmsMessage, type SmsProvider } from "../../src/delivery/provider.js";
import { createMessageRenderer } from "../../src/delivery/templates/message-renderer.js";
import { deriveCode } from "../../src/domain/code.js";
import { systemCaller } from "../../src/services/caller.js";
import { createHandset, type Handset } from "../../src/services/handset.js";
import { openStore, type Store } from "../../src/store/database.js";
import type { OutboxRow } from "../../src/store/schema.js";
import type { UnitOfWork } from "../../src/store/unit-of-work.js";
import { createTestApp, mobileNumber, TEST_KEYRING, type TestApp } from "../support/harness.js";
import {
  createTestSchema,
  notePostgresSkipped,
  TEST_DATABASE_URL,
  type TestSchema,
} from "../support/postgres.js";

notePostgresSkipped("a late delivery result after its lease was taken over, on PostgreSQL");

/** Long enough that no poll pass runs by itself during a test. */
const HOUR_MS = 60 * 60_000;
const LEASE_MS = 60_000;

/** A provider call the test answers when it chooses. */
interface HeldCall {
  message: SmsMessage;
  accept(): void;
  fail(error: Error): void;
}

/** A provider that holds every call until the test answers it, or answers every call at once. */
class ControlledProvider implements SmsProvider {
  readonly development = false;
  readonly calls: SmsMessage[] = [];
  readonly #held: HeldCall[] = [];
  readonly #waiting: ((call: HeldCall) => void)[] = [];
  readonly #all: HeldCall[] = [];

  constructor(
    readonly name: string,
    private readonly hold: boolean,
  ) {}

  send(message: SmsMessage): Promise<{ providerMessageId: string }> {
    this.calls.push(message);
    const providerMessageId = `${this.name}-${message.id}`;
    if (!this.hold) return Promise.resolve({ providerMessageId });
    return new Promise((resolve, reject) => {
      const call: HeldCall = { message, accept: () => resolve({ providerMessageId }), fail: reject };
      this.#all.push(call);
      const waiter = this.#waiting.shift();
      if (waiter) waiter(call);
      else this.#held.push(call);
    });
  }

  /** The next call to reach the provider (already made, or the next one made). */
  nextCall(): Promise<HeldCall> {
    const held = this.#held.shift();
    if (held) return Promise.resolve(held);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Answers whatever is still held, so that nothing is left waiting when a test ends. */
  releaseAll(): void {
    for (const call of this.#all) call.fail(new Error("test over"));
  }
}

/** A late answer of the provider to the process whose lease lapsed meanwhile. */
const LATE_ANSWERS = [
  { outcome: "accepted", answer: (call: HeldCall) => call.accept() },
  {
    outcome: "a retryable failure",
    answer: (call: HeldCall) => call.fail(new SmsDeliveryError("gateway busy", true)),
  },
  {
    outcome: "a permanent failure",
    answer: (call: HeldCall) => call.fail(new SmsDeliveryError("number barred", false)),
  },
] as const;

interface Logged {
  level: "info" | "warn" | "error";
  obj: Record<string, unknown>;
  msg: string;
}

for (const dialect of ["sqlite", "postgres"] as const) {
  describe.skipIf(dialect === "postgres" && !TEST_DATABASE_URL)(
    `a delivery whose lease lapsed records nothing over its successor (${dialect})`,
    () => {
      const apps: TestApp[] = [];
      const cleanups: (() => Promise<void>)[] = [];
      const providers: ControlledProvider[] = [];
      let schema: TestSchema | undefined;

      afterEach(async () => {
        for (const provider of providers.splice(0)) provider.releaseAll();
        for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
        for (const app of apps.splice(0).reverse()) await app.close();
        await schema?.drop();
        schema = undefined;
      });

      /** A Handset whose own dispatcher does not run: the dispatchers under test are made below. */
      async function app(): Promise<TestApp> {
        if (dialect === "postgres") schema = await createTestSchema();
        const t = await createTestApp({
          runDispatcher: false,
          env: {
            HANDSET_DISPATCH_INTERVAL_MS: String(HOUR_MS),
            HANDSET_DISPATCH_LEASE_MS: String(LEASE_MS),
            ...(schema ? { DATABASE_URL: schema.url } : {}),
          },
        });
        apps.push(t);
        return t;
      }

      function provider(name: string, hold: boolean): ControlledProvider {
        const made = new ControlledProvider(name, hold);
        providers.push(made);
        return made;
      }

      /** Another process's view of the database: its own connections on PostgreSQL. */
      function otherStore(t: TestApp): Store {
        if (dialect === "sqlite" || !schema) return t.store;
        const store = openStore({ url: schema.url, poolSize: 2 });
        cleanups.push(() => store.close());
        return store;
      }

      /** A dispatcher (one process's) and use cases that hand their messages to it at commit. */
      function dispatcherOf(
        t: TestApp,
        smsProvider: SmsProvider,
        options: { store?: Store; logged?: Logged[] } = {},
      ): { dispatcher: Dispatcher; handset: Handset } {
        const store = options.store ?? t.store;
        const log =
          (level: Logged["level"]) =>
          (obj: object, msg: string): void => {
            options.logged?.push({ level, obj: obj as Record<string, unknown>, msg });
          };
        const logger: DispatcherLogger = { info: log("info"), warn: log("warn"), error: log("error") };
        const dispatcher = createDispatcher({
          store,
          provider: smsProvider,
          clock: t.clock,
          keyring: TEST_KEYRING,
          ttlMs: t.config.otp.ttlMs,
          renderer: createMessageRenderer(t.config.sms.routing.messages),
          logger,
          intervalMs: HOUR_MS,
          maxAttempts: t.config.sms.dispatchMaxAttempts,
          leaseMs: LEASE_MS,
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

      const caller = (t: TestApp) => systemCaller(t.config.defaultTenant);

      async function newNumber(t: TestApp): Promise<string> {
        const user = await t.handset.users.create(caller(t), {});
        const added = await t.handset.phoneNumbers.add(caller(t), {
          userId: user.id,
          phoneNumber: mobileNumber(),
        });
        return added.phoneNumber.id;
      }

      async function onlyRow(t: TestApp): Promise<OutboxRow> {
        const rows = await t.store.db.selectFrom("outbox").selectAll().execute();
        expect(rows).toHaveLength(1);
        const [row] = rows;
        if (!row) throw new Error("no outbox row");
        return row;
      }

      /**
       * Process A holds a delivery at its provider; its lease lapses; process B takes the message over
       * and records it sent. Returns A's held call and the row as B left it.
       */
      async function takeOverFrom(
        t: TestApp,
        path: "commit" | "poll",
        a: { dispatcher: Dispatcher; handset: Handset },
        slow: ControlledProvider,
        b: Dispatcher,
      ): Promise<{ call: HeldCall; taken: OutboxRow }> {
        const phoneNumberId = await newNumber(t);
        if (path === "commit") {
          a.dispatcher.start();
          await a.handset.verification.send(caller(t), phoneNumberId);
        } else {
          // Written unleased (the app's own dispatcher is stopped), then claimed by A's poll pass.
          await t.handset.verification.send(caller(t), phoneNumberId);
          a.dispatcher.start();
        }
        const call = await slow.nextCall();
        const leased = await onlyRow(t);
        expect(leased).toMatchObject({
          id: call.message.id,
          status: "sending",
          delivery_attempts: 1,
          locked_until: t.clock.now() + LEASE_MS,
        });

        // A's provider call outlives its lease: B takes the message over and delivers it.
        t.clock.advance(LEASE_MS + 1);
        expect(await b.runOnce()).toBe(1);
        const taken = await onlyRow(t);
        expect(taken).toMatchObject({
          id: call.message.id,
          status: "sent",
          delivery_attempts: 2,
          provider: "fast",
          provider_message_id: `fast-${call.message.id}`,
          sent_at: t.clock.now(),
          locked_until: null,
        });
        return { call, taken };
      }

      for (const path of ["commit", "poll"] as const) {
        for (const { outcome, answer } of LATE_ANSWERS) {
          it(`keeps what the new holder wrote when a ${path} delivery's late answer is ${outcome}`, async () => {
            const t = await app();
            const slow = provider("slow", true);
            const fast = provider("fast", false);
            const logged: Logged[] = [];
            const a = dispatcherOf(t, slow, { logged });
            const b = dispatcherOf(t, fast, { store: otherStore(t) }).dispatcher;
            const { call, taken } = await takeOverFrom(t, path, a, slow, b);

            t.clock.advance(1_000);
            answer(call);
            await a.dispatcher.idle();
            expect(await onlyRow(t)).toEqual(taken);
            // The dropped write is said, once, as a warning naming the message; nothing is retried.
            const dropped = logged.filter((l) => l.obj.messageId === taken.id && l.level !== "info");
            expect(dropped).toEqual([
              {
                level: "warn",
                obj: expect.objectContaining({ messageId: taken.id }),
                msg: expect.stringContaining("lease"),
              },
            ]);

            // Sent once by each process, and never again: the message is not due for anyone.
            t.clock.advance(HOUR_MS);
            expect(await b.runOnce()).toBe(0);
            expect(await a.dispatcher.runOnce()).toBe(0);
            expect(slow.calls.map((m) => m.id)).toEqual([taken.id]);
            expect(fast.calls.map((m) => m.id)).toEqual([taken.id]);
            expect(await onlyRow(t)).toEqual(taken);
          });
        }
      }

      it("keeps a sent message sent when a lapsed poll delivery then finds its verification closed", async () => {
        const t = await app();
        const slow = provider("slow", true);
        const fast = provider("fast", false);
        // A's read of the verification waits until the test lets it go.
        let entered!: () => void;
        const readEntered = new Promise<void>((resolve) => {
          entered = resolve;
        });
        let letGo!: () => void;
        const gate = new Promise<void>((resolve) => {
          letGo = resolve;
        });
        const uow = t.store.uow;
        const gatedUow: UnitOfWork = {
          transaction: (work) => uow.transaction(work),
          statement: (work) => uow.statement(work),
          read: async (work) => {
            entered();
            await gate;
            return uow.read(work);
          },
          afterCommit: (hook) => uow.afterCommit(hook),
          get inTransaction() {
            return uow.inTransaction;
          },
          inRequestScope: (next) => uow.inRequestScope(next),
          deferAccessCheck: (check) => uow.deferAccessCheck(check),
          settleAccess: () => uow.settleAccess(),
        };
        const logged: Logged[] = [];
        const a = dispatcherOf(t, slow, { store: { ...t.store, uow: gatedUow }, logged });
        const b = dispatcherOf(t, fast, { store: otherStore(t) }).dispatcher;

        const phoneNumberId = await newNumber(t);
        const sent = await t.handset.verification.send(caller(t), phoneNumberId);
        a.dispatcher.start();
        await readEntered;
        expect(await onlyRow(t)).toMatchObject({ status: "sending", delivery_attempts: 1 });

        t.clock.advance(LEASE_MS + 1);
        expect(await b.runOnce()).toBe(1);
        // The user got B's SMS and redeemed its code: the verification is closed.
        const code = deriveCode(TEST_KEYRING.active, sent.verification.id, 6);
        await t.handset.verification.verify(caller(t), phoneNumberId, code);
        const taken = await onlyRow(t);
        expect(taken).toMatchObject({ status: "sent", delivery_attempts: 2, provider: "fast" });

        letGo();
        await a.dispatcher.idle();
        expect(await onlyRow(t)).toEqual(taken);
        expect(slow.calls).toEqual([]);
        expect(logged.filter((l) => l.level !== "info")).toEqual([
          { level: "warn", obj: expect.objectContaining({ messageId: taken.id }), msg: expect.any(String) },
        ]);
      });

      it("still records a late answer when nobody took the message over", async () => {
        const t = await app();
        const slow = provider("slow", true);
        const a = dispatcherOf(t, slow);
        a.dispatcher.start();
        await a.handset.verification.send(caller(t), await newNumber(t));
        const call = await slow.nextCall();
        // The lease lapsed, but no other dispatcher claimed the message: the row is still A's lease.
        t.clock.advance(LEASE_MS + 1_000);
        call.accept();
        await a.dispatcher.idle();
        expect(await onlyRow(t)).toMatchObject({
          id: call.message.id,
          status: "sent",
          delivery_attempts: 1,
          provider: "slow",
          provider_message_id: `slow-${call.message.id}`,
          sent_at: t.clock.now(),
          locked_until: null,
        });
      });
    },
  );
}
