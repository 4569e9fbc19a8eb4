import { SmsDeliveryError } from "../../provider.js";

interface WindowWaiter {
  resolve(): void;
  reject(error: SmsDeliveryError): void;
}

/**
 * SMPP's window: at most `size` requests sent and not yet answered. A request past it waits, first come
 * first served, until a slot frees or its deadline passes.
 */
export class RequestWindow {
  private outstanding = 0;
  private readonly waiters: WindowWaiter[] = [];

  constructor(private readonly size: number) {}

  /** Takes a slot, waiting for one until `deadline` (a `Date.now()` time). */
  async acquire(deadline: number): Promise<void> {
    if (this.outstanding < this.size) {
      this.outstanding++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const waiter: WindowWaiter = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(
        () => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new SmsDeliveryError(`smpp window of ${this.size} requests stayed full`, true));
        },
        Math.max(0, deadline - Date.now()),
      );
      this.waiters.push(waiter);
    });
  }

  release(): void {
    const next = this.waiters.shift();
    if (next)
      next.resolve(); // the slot passes on: `outstanding` stays
    else this.outstanding--;
  }

  /** Fails every request still waiting for a slot (the connection they were waiting to use is gone). */
  rejectWaiters(error: SmsDeliveryError): void {
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }
}
