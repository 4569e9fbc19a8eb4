import { HandsetError } from "../domain/errors.js";
import { findMessage, listMessagesOfPhoneNumber } from "../store/outbox.js";
import { loadPhoneNumber } from "./access.js";
import type { Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";
import { type MessageView, toMessageView } from "./message-view.js";

/** The SMS messages of a tenant: one by id, or those sent for a phone number's verifications. */
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
  };
}
