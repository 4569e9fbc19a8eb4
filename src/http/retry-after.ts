/** Whole seconds until `retryAt`, at least 1, as every surface's `Retry-After` states it. */
export function retryAfterSeconds(retryAt: number, now: number): number {
  return Math.max(1, Math.ceil((retryAt - now) / 1000));
}
