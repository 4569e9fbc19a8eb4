import { messageStatus } from "./message-status.js";
import { outbox } from "./outbox.js";
import { phoneNumbers } from "./phone-numbers.js";
import type { StoreRef } from "./support.js";
import { tenantsAndUsers } from "./tenants-users.js";
import { transactions } from "./transactions.js";
import { userSearch } from "./user-search.js";
import { verifications } from "./verifications.js";

/** The storage conformance suite: every dialect must pass all of it. */
export const STORE_CONFORMANCE: ReadonlyArray<(store: StoreRef) => void> = [
  tenantsAndUsers,
  phoneNumbers,
  verifications,
  outbox,
  messageStatus,
  transactions,
  userSearch,
];
