import { performance } from "node:perf_hooks";
import { expectedCode } from "../domain/code.js";
import type { Executor } from "../store/executor.js";
import { claimDueMessages, releaseLease } from "../store/outbox.js";
import type { OutboxRow } from "../store/schema.js";
import { findVerification } from "../store/verifications.js";
import type { DeliveryPath, Dispatcher, DispatcherOptions } from "./dispatcher-api.js";
import type { CodeInputs, CommittedSms, OutboxClaim } from "./handoff.js";
import { LatencyHistogram } from "./latency.js";
import { createOutcomeRecorder } from "./outcomes.js";
import { smsText } from "./sms-text.js";

export type { DeliveryPath, Dispatcher, DispatcherLogger, DispatcherOptions } from "./dispatcher-api.js";
export { retryDelayMs } from "./outcomes.js";

const NOT_CLAIMED: OutboxClaim = { status: "pending", locked_until: null, delivery_attempts: 0 };

/**
 * Delivers committed outbox messages.
 *
 * The fast path: while the dispatcher runs and has room, a send writes its message already leased to
 * this process (`claimAtWrite`, in the send's own transaction) and, once that transaction is durable,
 * hands the message and its verification's code inputs over (`committed`): the provider is called at
 * once, with no claim transaction and no verification read in between.
 *
 * The fallback is the poll loop: it claims messages that are due (written unleased, given back, or
 * waiting for a retry) or whose lease lapsed (their process died after commit or mid-send). Messages
 * are leased, not deleted, and the outbox id goes to the provider as the idempotency key, so a provider
 * that honours it sends once even when a message is taken over.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 32;
  const maxInFlight = Math.max(1, options.maxInFlight ?? 64);
  const monotonicNow = options.monotonicNow ?? (() => performance.now());
  const latency: Record<DeliveryPath, LatencyHistogram> = {
    commit: new LatencyHistogram(),
    poll: new LatencyHistogram(),
  };
  const { uow } = options.store;
  const { metrics } = options;
  const write = <T>(work: (trx: Executor) => Promise<T>) => uow.transaction(work);
  /** A give-back is one conditional update: it commits by itself (no BEGIN/COMMIT round trips). */
  const update = <T>(work: (db: Executor) => Promise<T>) => uow.statement(work);
  const outcomes = createOutcomeRecorder(options);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let wakeAgain = false;
  let stopped = true;
  /** Provider calls under way, plus the room a poll pass holds for the claim it is running. */
  let inFlight = 0;
  /** A poll pass found no room: run one as soon as a delivery ends. */
  let passWhenFree = false;
  /** Deliveries and lease give-backs under way, so that `stop` lets them record their outcome. */
  const background = new Set<Promise<void>>();

  function freeSlot(): void {
    inFlight -= 1;
    if (passWhenFree && !stopped) {
      passWhenFree = false;
      void pass();
    }
  }

  function track(work: Promise<void>, holdsSlot: boolean): Promise<void> {
    const done: Promise<void> = work
      .catch((error: unknown) =>
        options.logger.error({ err: error }, "sms delivery could not record its outcome"),
      )
      .finally(() => {
        background.delete(done);
        if (holdsSlot) freeSlot();
      });
    background.add(done);
    return done;
  }

  /**
   * Renders the code, calls the provider and records the outcome. `leasedUntil` is the lease this
   * delivery holds, exactly as the row carries it: the one written at write for a hand-over at commit,
   * the one the claim wrote for a poll delivery.
   */
  async function send(
    row: OutboxRow,
    leasedUntil: number,
    verification: CodeInputs,
    via: DeliveryPath,
    committedAt: number,
  ): Promise<void> {
    const now = options.clock.now();
    if (verification.expires_at <= now) {
      // The code can no longer be used: sending it would only cost money and confuse.
      await outcomes.failed(row, leasedUntil, "verification closed before delivery");
      return;
    }
    // The code has the length and key the verification was issued with, whatever the settings say now.
    const code = expectedCode(verification, { keyring: options.keyring });
    if (code === undefined) {
      await outcomes.failed(row, leasedUntil, `code key ${verification.key_id} is no longer configured`);
      return;
    }
    const ttlLeft = verification.expires_at - now;
    let providerMessageId: string | null;
    let providerName = options.provider.name;
    const { text: body } = options.renderer.render({
      tenantId: row.tenant_id,
      locale: row.locale,
      code,
      ttlMinutes: Math.max(ttlLeft, 60_000) / 60_000,
      appName: row.app_name,
      appHash: row.app_hash,
    });
    const shape = smsText(body);
    const started = monotonicNow();
    try {
      const accepted = await options.provider.send({
        id: row.id,
        tenantId: row.tenant_id,
        to: row.to_e164,
        body,
        code,
        verificationId: verification.id,
        createdAt: row.created_at,
        encoding: shape.encoding,
        segments: shape.segments,
      });
      providerMessageId = accepted.providerMessageId;
      providerName = accepted.provider ?? providerName;
      metrics?.sendDuration(providerName, (monotonicNow() - started) / 1000);
    } catch (error) {
      metrics?.sendDuration(providerName, (monotonicNow() - started) / 1000);
      await outcomes.refused(row, leasedUntil, error);
      return;
    }
    const commitToProviderMs =
      via === "commit" ? monotonicNow() - committedAt : options.clock.now() - row.created_at;
    latency[via].observe(commitToProviderMs);
    options.logger.info(
      { messageId: row.id, via, attempt: row.delivery_attempts, commitToProviderMs },
      "sms accepted by provider",
    );
    // Outside the provider's try: a failure to record the success leaves the message leased, so it is
    // sent again (same idempotency key) after the lease, never rescheduled as if the provider refused.
    // A success recorded after a takeover is dropped: the new holder's record stands.
    await outcomes.sent(row, leasedUntil, {
      provider: providerName,
      providerMessageId,
      encoding: shape.encoding,
      segments: shape.segments,
    });
  }

  /**
   * A message a poll pass claimed, leased until `leasedUntil` (the value the claim wrote): its
   * verification is read, since it may have closed meanwhile.
   */
  async function deliverClaimed(row: OutboxRow, leasedUntil: number): Promise<void> {
    const verification = await uow.read((db) => findVerification(db, row.tenant_id, row.verification_id));
    if (verification?.status !== "pending") {
      await outcomes.failed(row, leasedUntil, "verification closed before delivery");
      return;
    }
    await send(row, leasedUntil, verification, "poll", 0);
  }

  /** A message leased at write that this process will not send now: due again at once, for anyone. */
  async function giveBack(row: OutboxRow, leasedUntil: number): Promise<void> {
    try {
      await update((db) => releaseLease(db, row.id, leasedUntil));
    } catch (error) {
      options.logger.warn(
        { err: error, messageId: row.id },
        "could not give an sms lease back; the message is delivered once the lease lapses",
      );
      return;
    }
    wake();
  }

  async function drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const room = Math.min(batchSize, maxInFlight - inFlight);
      if (room <= 0) {
        passWhenFree = true;
        return handled;
      }
      const now = options.clock.now();
      // The lease every message of this claim carries: its result writes hold to exactly this value.
      const leasedUntil = now + leaseMs;
      // Held while the claim runs, so that deliveries at commit meanwhile cannot overfill the bound.
      inFlight += room;
      let claimed: OutboxRow[] = [];
      try {
        claimed = await write((trx) => claimDueMessages(trx, options.store.dialect, now, leasedUntil, room));
      } finally {
        inFlight -= room - claimed.length;
      }
      handled += claimed.length;
      await Promise.all(claimed.map((row) => track(deliverClaimed(row, leasedUntil), true)));
      if (claimed.length < room) return handled;
    }
  }

  function pass(): Promise<number> {
    if (running) {
      wakeAgain = true;
      return running;
    }
    running = drain()
      .catch((error: unknown) => {
        options.logger.error({ err: error }, "sms dispatch pass failed");
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (wakeAgain && !stopped) {
          wakeAgain = false;
          void pass();
        }
      });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void pass().finally(schedule);
    }, options.intervalMs);
    timer.unref();
  }

  function wake(): void {
    if (!stopped) void pass();
  }

  async function idle(): Promise<void> {
    while (running || background.size > 0) {
      await Promise.allSettled([running, ...background]);
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      void pass();
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await idle();
    },
    wake,
    async runOnce() {
      const handled = await pass();
      await idle();
      return handled;
    },
    idle,
    latency,

    claimAtWrite(now) {
      // Stopped (the CLI, a server shutting down) or full: the message is left to a poll loop.
      if (stopped || inFlight >= maxInFlight) return NOT_CLAIMED;
      // Counted as the claim would count it: this is the message's first attempt.
      return { status: "sending", locked_until: now + leaseMs, delivery_attempts: 1 };
    },

    committed({ message, verification }: CommittedSms) {
      const leasedUntil = message.locked_until;
      if (message.status !== "sending" || leasedUntil === null) {
        wake();
        return;
      }
      const committedAt = monotonicNow();
      if (stopped) {
        // Shutting down between write and commit: the lease lapses and a poll loop takes it over.
        options.logger.warn({ messageId: message.id }, "sms left to the poll loop: the dispatcher stopped");
        return;
      }
      // The message was pending when its transaction committed, which is all the poll path's read
      // would tell: a verification closed since then costs at most this one SMS (see docs/delivery.md).
      // The provider call must end within the lease; a transaction that used half of it gives it back.
      if (inFlight >= maxInFlight || leasedUntil - options.clock.now() < leaseMs / 2) {
        void track(giveBack(message, leasedUntil), false);
        return;
      }
      inFlight += 1;
      // The lease written with the message in its own transaction (`claimAtWrite`): the row carries it
      // unless it was given back or taken over, and then this delivery's writes change nothing.
      void track(send(message, leasedUntil, verification, "commit", committedAt), true);
    },
  };
}
