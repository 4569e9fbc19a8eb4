import type { Clock } from "../../domain/clock.js";
import { newId } from "../../domain/ids.js";
import { ALL_EVENTS, internalTypesFor, publicTypeOf, webhookBody } from "../../domain/webhook-events.js";
import { DISABLE_AFTER_FAILING_MS, retryDelayAfter } from "../../domain/webhook-retry.js";
import type { Store } from "../../store/database.js";
import type { Executor } from "../../store/executor.js";
import type { WebhookDeliveryRow } from "../../store/schema.js";
import {
  claimDueDeliveries,
  type DeliveryOutcome,
  failWaitingDeliveries,
  findDeliveredEvent,
  findEndpointForDelivery,
  insertWebhookAttempt,
  recordDeliveryOutcome,
} from "../../store/webhook-deliveries.js";
import {
  appendWebhookEndpointEvent,
  disableEndpoint,
  internalTypesColumn,
  markEndpointFailing,
  markEndpointHealthy,
  refreshAllEventSubscriptions,
} from "../../store/webhook-endpoints.js";
import type { DeliveryLogger } from "../provider.js";
import { sendWebhook, type WebhookResponse } from "./sender.js";
import { signedHeaders } from "./signing.js";

export interface WebhookWorkerOptions {
  store: Store;
  clock: Clock;
  logger: DeliveryLogger;
  /** How often to look for due deliveries. */
  intervalMs: number;
  /** One attempt's limit, connection to answer. */
  timeoutMs: number;
  allowPrivateNetworks: boolean;
  /** How long a claim holds before another worker may take the delivery over; above `timeoutMs`. */
  leaseMs?: number;
  /** Deliveries claimed (and sent at once) per pass. */
  batchSize?: number;
  /** How long every attempt to an endpoint must have failed before it is disabled. */
  disableAfterMs?: number;
}

export interface WebhookWorker {
  start(): void;
  /** Stops the loop and waits for the attempts under way to record their outcome. */
  stop(): Promise<void>;
  /** Sends what is due now, to the end; answers how many deliveries it claimed. Tests and the CLI. */
  runOnce(): Promise<number>;
}

/**
 * Sends the app's webhooks: claims due deliveries (written with their events by the trigger of
 * migration 017), signs each per Standard Webhooks, POSTs it, and records the attempt in the delivery
 * log. A failure is retried on the published schedule (src/domain/webhook-retry.ts); an endpoint whose
 * every attempt failed for `disableAfterMs` is disabled, which is itself an event
 * (`webhook_endpoint.disabled`). Requests never wait for any of this: it runs on its own timer.
 */
export function createWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { store, clock, logger } = options;
  const leaseMs = options.leaseMs ?? options.timeoutMs + 30_000;
  const batchSize = options.batchSize ?? 16;
  const disableAfterMs = options.disableAfterMs ?? DISABLE_AFTER_FAILING_MS;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  /** Set by `stop`: a pass under way ends after its current batch. */
  let closing = false;

  async function attempt(row: WebhookDeliveryRow, leasedUntil: number): Promise<void> {
    const found = await store.uow.read(async (db) => ({
      endpoint: await findEndpointForDelivery(db, row.endpoint_id),
      event: await findDeliveredEvent(db, row.tenant_id, row.event_id),
    }));
    const startedAt = clock.now();
    const type = found.event ? publicTypeOf(found.event.type) : undefined;
    let response: WebhookResponse;
    if (!found.endpoint || !found.event || type === undefined) {
      response = { statusCode: null, error: "the endpoint or the event is gone", durationMs: 0 };
    } else {
      const event = found.event;
      let payload: unknown;
      try {
        payload = JSON.parse(event.payload);
      } catch {
        payload = {};
      }
      const body = JSON.stringify(
        webhookBody(
          {
            id: event.id,
            tenantId: event.tenant_id,
            aggregateType: event.aggregate_type,
            aggregateId: event.aggregate_id,
            sequence: Number(event.sequence),
            type: event.type,
            payload,
            createdAt: Number(event.created_at),
          },
          type,
        ),
      );
      const endpoint = found.endpoint;
      const headers = signedHeaders(
        {
          secret: endpoint.secret,
          previousSecret: endpoint.previous_secret,
          previousSecretUntil:
            endpoint.previous_secret_until === null ? null : Number(endpoint.previous_secret_until),
        },
        // The event id is the message id: the same on every retry and replay, the receiver's dedup key.
        event.id,
        startedAt,
        body,
      );
      response = await sendWebhook(
        { timeoutMs: options.timeoutMs, allowPrivateNetworks: options.allowPrivateNetworks },
        { url: endpoint.url, body, headers },
      );
    }
    await record(row, leasedUntil, startedAt, response);
  }

  async function record(
    row: WebhookDeliveryRow,
    leasedUntil: number,
    startedAt: number,
    response: WebhookResponse,
  ): Promise<void> {
    const now = clock.now();
    const ok = response.statusCode !== null && response.statusCode >= 200 && response.statusCode < 300;
    const attemptNo = Number(row.attempts);
    const delay = ok ? null : retryDelayAfter(attemptNo);
    const error = ok
      ? null
      : (response.error ?? `the endpoint answered ${response.statusCode ?? "nothing"}`).slice(0, 500);
    const outcome: DeliveryOutcome = {
      status: ok ? "succeeded" : delay === null ? "failed" : "pending",
      nextAttemptAt: delay === null ? null : now + delay,
      statusCode: response.statusCode,
      error,
      attemptedAt: startedAt,
    };
    await store.uow.transaction(async (trx) => {
      if (!(await recordDeliveryOutcome(trx, row.id, leasedUntil, outcome))) {
        logger.warn({ deliveryId: row.id }, "webhook outcome dropped: the delivery's lease was taken over");
        return;
      }
      // An endpoint disabled by this failure, or by another attempt meanwhile, gets no retry.
      let disabled = false;
      if (ok) await markEndpointHealthy(trx, row.endpoint_id);
      else disabled = await noteFailure(trx, row, now);
      const givenUp = disabled && outcome.status === "pending";
      if (givenUp) await failWaitingDeliveries(trx, row.endpoint_id, "the endpoint was disabled");
      await insertWebhookAttempt(trx, {
        id: newId("wha", now),
        tenant_id: row.tenant_id,
        delivery_id: row.id,
        attempt: attemptNo,
        started_at: startedAt,
        duration_ms: response.durationMs,
        status_code: response.statusCode,
        error,
        outcome: ok ? "succeeded" : delay === null || givenUp ? "failed" : "retry",
        next_attempt_at: givenUp ? null : outcome.nextAttemptAt,
      });
    });
  }

  /**
   * A failed attempt: the endpoint is disabled once its every attempt failed for `disableAfterMs`.
   * Answers whether the endpoint is disabled now (by this failure or before).
   */
  async function noteFailure(trx: Executor, row: WebhookDeliveryRow, now: number): Promise<boolean> {
    const endpoint = await markEndpointFailing(trx, row.endpoint_id, now);
    if (endpoint?.enabled !== 1) return true;
    if (endpoint.failing_since === null) return false;
    const failingSince = Number(endpoint.failing_since);
    if (now - failingSince < disableAfterMs) return false;
    const days = Math.round((now - failingSince) / 86_400_000);
    const reason = `every attempt failed for ${days} days`;
    if (!(await disableEndpoint(trx, endpoint.id, reason, now))) return true;
    const given = await failWaitingDeliveries(trx, endpoint.id, "the endpoint was disabled");
    await appendWebhookEndpointEvent(trx, {
      id: newId("evt", now),
      tenantId: endpoint.tenant_id,
      endpointId: endpoint.id,
      type: "webhook_endpoint.disabled",
      actor: "system:webhooks",
      payload: {
        url: endpoint.url,
        reason,
        failingSince: new Date(failingSince).toISOString(),
        deliveriesGivenUp: given,
      },
      at: now,
    });
    logger.warn({ endpointId: endpoint.id, reason }, "webhook endpoint disabled");
    return true;
  }

  async function drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const now = clock.now();
      const leasedUntil = now + leaseMs;
      const claimed = await store.uow.transaction((trx) =>
        claimDueDeliveries(trx, store.dialect, now, leasedUntil, batchSize),
      );
      handled += claimed.length;
      await Promise.all(
        claimed.map((row) =>
          attempt(row, leasedUntil).catch((error: unknown) =>
            logger.error({ err: error, deliveryId: row.id }, "webhook attempt could not be recorded"),
          ),
        ),
      );
      if (claimed.length < batchSize || closing) return handled;
    }
  }

  function pass(): Promise<number> {
    if (running) return running;
    running = drain()
      .catch((error: unknown) => {
        logger.error({ err: error }, "webhook pass failed");
        return 0;
      })
      .finally(() => {
        running = undefined;
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

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      closing = false;
      // `*` subscriptions take the public types this version knows, before the first pass.
      void store.uow
        .statement((db) =>
          refreshAllEventSubscriptions(db, internalTypesColumn(internalTypesFor([ALL_EVENTS]))),
        )
        .catch((error: unknown) => logger.warn({ err: error }, "could not refresh `*` webhook subscriptions"))
        .finally(schedule);
    },
    async stop() {
      stopped = true;
      closing = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    async runOnce() {
      // A pass under way is waited for, then one more runs: what became due meanwhile is sent too.
      await running;
      return pass();
    },
  };
}
