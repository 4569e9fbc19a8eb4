/**
 * Blanks runs of six or more digits (with a leading +): phone numbers and codes, in text a provider
 * answered, before it reaches a log or `outbox.last_error`.
 */
export function redact(text: string): string {
  return text.replace(/\+?\d{6,}/g, "[digits]");
}

/**
 * What went wrong on the wire (a timeout, a refused connection), from a fetch error: never the request,
 * whose URL, headers or body may hold credentials.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return "no answer within the timeout";
    const cause = (error as Error & { cause?: unknown }).cause;
    if (cause instanceof Error) {
      const code = (cause as Error & { code?: unknown }).code;
      return typeof code === "string" ? code : cause.message;
    }
    return error.message;
  }
  return String(error);
}
