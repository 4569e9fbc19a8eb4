import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The URLs providers call back with receipts: `<public>/sms/callbacks/<provider>?m=<outbox id>&t=<token>`.
 * The token is an HMAC of the provider's name and the message id under a key only this deployment
 * holds, so a receipt is matched to its message without a lookup by provider id, and a forged one (a
 * guessed id, another provider's URL) is refused even from a provider that signs nothing.
 */
export interface CallbackLinks {
  /** Null when no public URL is configured. */
  urlFor(provider: string, messageId: string): string | null;
  /** The message id of a callback URL `urlFor` made for `provider`, or null. */
  messageIdOf(provider: string, url: string): string | null;
}

/**
 * `keys[0]` makes tokens; every key is accepted, so that receipts of messages sent before a rotation of
 * the code secrets (the keys' source) still match. A function is asked at each use: the code secrets
 * are reloaded while the server runs (`handset secrets rotate`).
 */
export function createCallbackLinks(
  publicUrl: string | null,
  keysGiven: readonly Buffer[] | (() => readonly Buffer[]),
): CallbackLinks {
  const keysNow = typeof keysGiven === "function" ? keysGiven : () => keysGiven;
  const tokenOf = (provider: string, messageId: string, secret: Buffer | undefined = keysNow()[0]) =>
    createHmac("sha256", secret ?? Buffer.alloc(0))
      .update(`sms-callback\0${provider}\0${messageId}`)
      .digest("base64url")
      .slice(0, 32);
  return {
    urlFor(provider, messageId) {
      if (publicUrl === null) return null;
      const url = new URL(`${publicUrl}/sms/callbacks/${encodeURIComponent(provider)}`);
      url.searchParams.set("m", messageId);
      url.searchParams.set("t", tokenOf(provider, messageId));
      return url.toString();
    },
    messageIdOf(provider, url) {
      let params: URLSearchParams;
      try {
        params = new URL(url, "http://callback.invalid").searchParams;
      } catch {
        return null;
      }
      const messageId = params.get("m");
      const token = params.get("t");
      if (!messageId || !token || messageId.length > 100) return null;
      const given = Buffer.from(token);
      for (const key of keysNow()) {
        const expected = Buffer.from(tokenOf(provider, messageId, key));
        if (given.length === expected.length && timingSafeEqual(given, expected)) return messageId;
      }
      return null;
    },
  };
}
