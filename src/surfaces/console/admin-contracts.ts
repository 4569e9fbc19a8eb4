import type { Caller } from "../../services/caller.js";

/**
 * The credential views and calls the keys pages use, as the admin-keys work specifies them (the
 * console's keys pages are typed against just these).
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

interface Page {
  nextCursor: string | null;
}

export interface ConsoleCredentialServices {
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
}
