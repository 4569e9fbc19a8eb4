/** How long one send may take at most, however many parts: the window wait and the answers share it. */
export function smppSendTimeoutMs(responseTimeoutMs: number): number {
  return 2 * responseTimeoutMs;
}
