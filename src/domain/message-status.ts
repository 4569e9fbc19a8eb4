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
