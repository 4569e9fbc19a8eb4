import type { SmsMessage, SmsProvider, SmsReceipt } from "../../provider.js";

export interface InboxMessage {
  id: string;
  tenantId: string;
  to: string;
  body: string;
  code: string;
  verificationId: string;
  deliveredAt: number;
}

export interface InboxProvider extends SmsProvider {
  /** Newest first, optionally only those to one number. */
  list(filter?: { to?: string; limit?: number }): InboxMessage[];
  clear(): void;
  /** Calls `listener` with each message as it is kept; answers the function that stops it. */
  subscribe(listener: (message: InboxMessage) => void): () => void;
}

/**
 * The development provider: keeps the last messages in memory for the inbox page and API. Memory, not
 * the database, so that no code ever rests on disk; a restart empties it.
 */
export function createInboxProvider(options: { capacity?: number; now: () => number }): InboxProvider {
  const capacity = options.capacity ?? 1000;
  let messages: InboxMessage[] = [];
  const listeners = new Set<(message: InboxMessage) => void>();
  return {
    name: "inbox",
    development: true,
    async send(message: SmsMessage): Promise<SmsReceipt> {
      const kept: InboxMessage = {
        id: message.id,
        tenantId: message.tenantId,
        to: message.to,
        body: message.body,
        code: message.code,
        verificationId: message.verificationId,
        deliveredAt: options.now(),
      };
      messages.push(kept);
      if (messages.length > capacity) messages = messages.slice(messages.length - capacity);
      for (const listener of listeners) listener(kept);
      return { providerMessageId: message.id };
    },
    list(filter = {}) {
      const matching = filter.to === undefined ? messages : messages.filter((m) => m.to === filter.to);
      return matching.slice(-(filter.limit ?? 100)).reverse();
    },
    clear() {
      messages = [];
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
