import type { Clock } from "../domain/clock.js";
import type { CodeKeyring } from "../domain/code.js";
import type { Store } from "../store/database.js";
import type { SmsHandoff } from "./handoff.js";
import type { LatencyHistogram } from "./latency.js";
import type { DeliveryLogger, SmsProvider } from "./provider.js";
import type { SmsMetrics } from "./sms-metrics.js";
import type { MessageRenderer } from "./templates/message-renderer.js";

/** The dispatcher as its users see it: its options and what it does (dispatcher.ts builds it). */
export type DispatcherLogger = DeliveryLogger;

export interface DispatcherOptions {
  store: Store;
  provider: SmsProvider;
  clock: Clock;
  keyring: CodeKeyring;
  ttlMs: number;
  /** The text of each message, by its tenant and requested locale. */
  renderer: MessageRenderer;
  logger: DispatcherLogger;
  /** How often to look for due messages when nothing wakes the dispatcher. */
  intervalMs: number;
  /** Deliveries tried before a message is given up as failed. */
  maxAttempts: number;
  /** How long a claim holds before another dispatcher may take the message over. */
  leaseMs?: number;
  batchSize?: number;
  /**
   * Provider calls this process makes at once, deliveries at commit and poll deliveries together. A
   * message that finds no room waits for the poll loop, which claims only as much as there is room for.
   */
  maxInFlight?: number;
  /** A monotonic clock (ms) for the commit → provider latency; `performance.now` unless given. */
  monotonicNow?: () => number;
  /** Counts final outcomes and provider latency; none where not given. */
  metrics?: SmsMetrics;
}

/** How a message reached the provider: handed over at its commit, or claimed by a poll pass. */
export type DeliveryPath = "commit" | "poll";

export interface Dispatcher extends SmsHandoff {
  /** Starts the poll loop and delivery at commit; delivery also starts at once whenever `wake` is called. */
  start(): void;
  /** Stops both, and waits for the deliveries under way to record their outcome. */
  stop(): Promise<void>;
  /** Says that a transaction committed new messages for the poll loop. */
  wake(): void;
  /**
   * Delivers what is due now and waits for every delivery under way (those handed over at commit
   * too); returns how many messages its claim handled. For tests and the CLI.
   */
  runOnce(): Promise<number>;
  /** Resolves once no poll pass and no delivery of this process is under way. */
  idle(): Promise<void>;
  /**
   * Per path, the time from a message's commit to the provider's acceptance: measured from the
   * commit itself for messages handed over at commit, and from the message's queuing time (its
   * transaction's clock) for those the poll loop delivered, retries and takeovers included. Kept
   * here for a /metrics endpoint to read.
   */
  readonly latency: Readonly<Record<DeliveryPath, LatencyHistogram>>;
}
