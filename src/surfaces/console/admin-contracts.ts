import type { MessageStatus } from "../../domain/message-status.js";
import type { Caller } from "../../services/caller.js";
import type { MessageView } from "../../services/message-view.js";
import type { PhoneNumberView, UserView, VerificationView } from "../../services/views.js";

/**
 * The admin services' views the console pages show (the branches admin-keys and admin-lookup write
 * the services); the pages depend only on these fields.
 */
export interface CredentialView {
  id: string;
  kind: "admin_key" | "user_token";
  tenantId: string;
  userId: string | null;
  name: string;
  scopes: readonly string[];
  hint: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

export interface EventView {
  id: string;
  type: string;
  actor: string;
  aggregateType: string;
  aggregateId: string;
  sequence: number;
  payload: unknown;
  createdAt: number;
}

export interface LookupView {
  e164: string;
  holders: readonly { tenantId: string; userId: string; phoneNumber: PhoneNumberView }[];
  verifications: readonly VerificationView[];
  messages: readonly MessageView[];
}

interface Page {
  nextCursor: string | null;
}

/**
 * The admin services the console's search, failures, keys and event pages call (`Handset` has them
 * all; the pages are typed against just these calls).
 */
export interface ConsoleAdminServices {
  credentials: {
    list(
      caller: Caller,
      options: {
        kind?: CredentialView["kind"];
        userId?: string;
        includeRevoked?: boolean;
        limit: number;
        after?: string;
      },
    ): Promise<Page & { credentials: CredentialView[] }>;
    get(caller: Caller, id: string): Promise<CredentialView>;
    revoke(caller: Caller, id: string): Promise<unknown>;
  };
  lookup: { phoneNumber(caller: Caller, input: string): Promise<LookupView> };
  users: { get(caller: Caller, id: string): Promise<UserView> };
  messages: {
    list(
      caller: Caller,
      options: { status?: MessageStatus; limit: number; after?: string },
    ): Promise<Page & { messages: MessageView[] }>;
    listOfPhoneNumber(caller: Caller, phoneNumberId: string, limit: number): Promise<MessageView[]>;
  };
  events: {
    list(
      caller: Caller,
      options: {
        userId?: string;
        type?: string;
        since?: number;
        until?: number;
        limit: number;
        after?: string;
      },
    ): Promise<Page & { events: EventView[] }>;
  };
}
