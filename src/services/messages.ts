import { HandsetError } from "../domain/errors.js";
import { isMessageStatusFilter, type MessageStatusFilter } from "../domain/message-status.js";
import { listMessageLog } from "../store/message-log.js";
import { findMessage, listMessagesOfPhoneNumber } from "../store/outbox.js";
import { loadPhoneNumber } from "./access.js";
import type { Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";
import { decodeLogCursor, pageOf } from "./log-cursor.js";
import { type MessageView, toMessageView } from "./message-view.js";
import { assertOperator, assertPageLimit, assertTimeRange } from "./operator-access.js";

export interface MessageListInput {
  /**
   * A message status, or several (any of them): `failed` and `undelivered` are the delivery failures.
   * `pending` and `sending` are the two dispatch states of a `queued` message.
   */
  status?: MessageStatusFilter | readonly MessageStatusFilter[];
  since?: number;
  until?: number;
  limit: number;
  after?: string;
}

export interface MessagePage {
  messages: MessageView[];
  /** Pass as `after` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

function statusesOf(status: MessageListInput["status"]): MessageStatusFilter[] | undefined {
  if (status === undefined) return undefined;
  const statuses = typeof status === "string" ? [status] : [...status];
  for (const s of statuses) {
    if (!isMessageStatusFilter(s)) {
      throw new HandsetError(
        "INVALID_REQUEST",
        "status is one of queued, pending, sending, sent, delivered, undelivered, failed.",
        { field: "status", fields: [{ path: "status", message: `unknown status ${String(s)}` }] },
      );
    }
  }
  return statuses;
}

/** The SMS messages of a tenant: one by id, those sent for a phone number's verifications, or all of them. */
export function createMessageService(deps: ServiceDeps) {
  const { uow } = deps.store;
  return {
    /** A user token reaches only the messages of its own user's numbers. */
    async get(caller: Caller, messageId: string): Promise<MessageView> {
      const row = await uow.read((db) => findMessage(db, caller.tenantId, messageId));
      if (!row || (caller.userId !== null && row.user_id !== caller.userId)) {
        throw new HandsetError("MESSAGE_NOT_FOUND", `No message ${messageId}.`);
      }
      return toMessageView(row, row.phone_number_id);
    },

    /** Newest first, at most `limit`. */
    async listOfPhoneNumber(caller: Caller, phoneNumberId: string, limit: number): Promise<MessageView[]> {
      return uow.read(async (db) => {
        const phone = await loadPhoneNumber(db, caller, phoneNumberId);
        const rows = await listMessagesOfPhoneNumber(db, caller.tenantId, phone.id, limit);
        return rows.map((row) => toMessageView(row, phone.id));
      });
    },

    /** The tenant's messages, newest first, by status and time: the delivery-failures view. */
    async list(caller: Caller, input: MessageListInput): Promise<MessagePage> {
      assertOperator(caller, "phone:read", "The message list");
      assertPageLimit(input.limit);
      assertTimeRange(input);
      const statuses = statusesOf(input.status);
      const after = input.after === undefined ? undefined : decodeLogCursor(input.after);
      const rows = await uow.read((db) =>
        listMessageLog(db, {
          tenantId: caller.tenantId,
          statuses,
          since: input.since,
          until: input.until,
          after,
          limit: input.limit + 1,
        }),
      );
      const page = pageOf(rows, input.limit);
      return {
        messages: page.rows.map((row) => toMessageView(row, row.phone_number_id)),
        nextCursor: page.nextCursor,
      };
    },
  };
}
