import type { DispatcherLogger } from "../delivery/dispatcher.js";
import type { Handset } from "../services/handset.js";

/**
 * How often the flusher looks for due last-used times. Each credential is still written at most once
 * a minute (src/services/credential-usage.ts); a short tick only keeps the lag near that minute.
 */
const TICK_MS = 15_000;

export interface UsageFlusher {
  start(): void;
  /** Stops the timer and writes every pending use. */
  stop(): Promise<void>;
}

/** Writes credentials' last-used times in the background, never on a request's path. */
export function createUsageFlusher(handset: Handset, log: DispatcherLogger): UsageFlusher {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const flush = (all: boolean) => {
    running = running
      .then(() => handset.credentials.flushUsage({ all }))
      .catch((error: unknown) =>
        log.warn({ err: error }, "writing credentials' last-used times failed; retried at the next tick"),
      );
    return running;
  };
  return {
    start() {
      if (timer) return;
      timer = setInterval(() => void flush(false), TICK_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await flush(true);
    },
  };
}
