import type { SmsAccepted, SmsMessage, SmsProvider } from "../../provider.js";

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
  /** Newest first, optionally only those to one number or of one verification. */
  list(filter?: { to?: string; verificationId?: string; limit?: number }): InboxMessage[];
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
  // A verification's messages (its code and resends), so that a reader waiting for one code does not
  // scan the whole inbox.
  let byVerification = new Map<string, InboxMessage[]>();
  const listeners = new Set<(message: InboxMessage) => void>();
  return {
    name: "inbox",
    development: true,
    async send(message: SmsMessage): Promise<SmsAccepted> {
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
      const sameVerification = byVerification.get(kept.verificationId);
      if (sameVerification) sameVerification.push(kept);
      else byVerification.set(kept.verificationId, [kept]);
      while (messages.length > capacity) {
        const dropped = messages.shift() as InboxMessage;
        const rest = byVerification.get(dropped.verificationId)?.filter((m) => m !== dropped) ?? [];
        if (rest.length === 0) byVerification.delete(dropped.verificationId);
        else byVerification.set(dropped.verificationId, rest);
      }
      for (const listener of listeners) listener(kept);
      return { providerMessageId: message.id };
    },
    list(filter = {}) {
      let matching =
        filter.verificationId === undefined ? messages : (byVerification.get(filter.verificationId) ?? []);
      if (filter.to !== undefined) matching = matching.filter((m) => m.to === filter.to);
      return matching.slice(-(filter.limit ?? 100)).reverse();
    },
    clear() {
      messages = [];
      byVerification = new Map();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
