/** The final word of a delivery receipt. Providers report nothing for intermediate states. */
export type ReceiptStatus = "delivered" | "undelivered" | "failed";

/**
 * A message's status as users see it: `queued` until a provider accepts it, `sent` once one has, then
 * the receipt's `delivered` or `undelivered`, or `failed` (given up by Handset, or refused downstream).
 */
export type MessageStatus = "queued" | "sent" | "delivered" | "undelivered" | "failed";

export function messageStatus(
  dispatch: "pending" | "sending" | "sent" | "failed",
  receipt: ReceiptStatus | null,
): MessageStatus {
  if (receipt !== null) return receipt;
  if (dispatch === "sent" || dispatch === "failed") return dispatch;
  return "queued";
}

/**
 * What the message list filters by: a `MessageStatus`, or one of the two dispatch states a `queued`
 * message is in (`pending`: waiting for its turn or a retry; `sending`: handed to a provider, no answer
 * yet), for an operator who needs to tell a stuck hand-over from a backlog.
 */
export const MESSAGE_STATUS_FILTERS = [
  "queued",
  "pending",
  "sending",
  "sent",
  "delivered",
  "undelivered",
  "failed",
] as const;
export type MessageStatusFilter = (typeof MESSAGE_STATUS_FILTERS)[number];

export function isMessageStatusFilter(value: string): value is MessageStatusFilter {
  return (MESSAGE_STATUS_FILTERS as readonly string[]).includes(value);
}
