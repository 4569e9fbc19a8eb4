import { HandsetError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import type { Scope } from "../domain/scopes.js";
import { appendCredentialEvent } from "../store/credential-events.js";
import {
  type CredentialListing,
  findCredentialListing,
  listCredentialListings,
  revokeCredential,
} from "../store/credentials.js";
import type { Executor } from "../store/executor.js";
import type { CredentialKind } from "../store/schema.js";
import { actorOf, type Caller } from "./caller.js";
import type { CredentialUsage } from "./credential-usage.js";
import { type CredentialView, toCredentialView } from "./credential-view.js";
import type { ServiceDeps } from "./deps.js";
import { USER_ID_PATTERN } from "./users.js";

export interface ListCredentialsInput {
  kind?: CredentialKind;
  userId?: string;
  includeRevoked?: boolean;
  /** 1 to 100. */
  limit: number;
  /** The `nextCursor` of the previous page. */
  after?: string;
}

export interface CredentialPage {
  credentials: CredentialView[];
  /** Where the next page starts, or null on the last page. */
  nextCursor: string | null;
}

export const MAX_PAGE = 100;
const CREDENTIAL_ID = /^cred_[0-9a-z]{26}$/;

/** Every route names its scope; the services check it again, whatever surface called. */
export function requireScope(caller: Caller, scope: Scope): void {
  if (!caller.scopes.has(scope)) {
    throw new HandsetError("INSUFFICIENT_SCOPE", `This credential lacks the ${scope} scope.`);
  }
}

function invalid(path: string, message: string, text: string): HandsetError {
  return new HandsetError("INVALID_REQUEST", text, { fields: [{ path, message }] });
}

function notFound(id: string): HandsetError {
  return new HandsetError("CREDENTIAL_NOT_FOUND", `No credential ${id}.`);
}

export function checkPageLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw invalid("limit", `1 to ${MAX_PAGE}`, `A page holds 1 to ${MAX_PAGE} items.`);
  }
}

/** Listing, showing and revoking a tenant's admin keys and user tokens (never a secret). */
export function createCredentialAdmin(deps: ServiceDeps, usage: CredentialUsage) {
  const { uow } = deps.store;
  const view = (row: CredentialListing) => toCredentialView(row, usage.pendingFor(row.id));

  async function load(db: Executor, caller: Caller, id: string): Promise<CredentialListing> {
    // An id of another shape cannot exist: answered as absent, like another tenant's.
    const row = CREDENTIAL_ID.test(id) ? await findCredentialListing(db, caller.tenantId, id) : undefined;
    if (!row) throw notFound(id);
    return row;
  }

  return {
    /** The tenant's credentials, newest first; revoked ones only when asked. */
    async list(caller: Caller, input: ListCredentialsInput): Promise<CredentialPage> {
      requireScope(caller, "keys:read");
      checkPageLimit(input.limit);
      if (input.userId !== undefined && !USER_ID_PATTERN.test(input.userId)) {
        throw invalid("user_id", "1 to 64 letters, digits, '_' or '-'", "That is not a user id.");
      }
      if (input.after !== undefined && !CREDENTIAL_ID.test(input.after)) {
        throw invalid("after", "a cursor from a previous page", "That is not a cursor from a previous page.");
      }
      const rows = await uow.read((db) =>
        listCredentialListings(db, caller.tenantId, {
          kind: input.kind,
          userId: input.userId,
          includeRevoked: input.includeRevoked === true,
          limit: input.limit + 1,
          after: input.after,
        }),
      );
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        credentials: page.map(view),
        nextCursor: rows.length > input.limit && last ? last.id : null,
      };
    },

    /** One credential of the caller's tenant (CREDENTIAL_NOT_FOUND for another tenant's). */
    async get(caller: Caller, id: string): Promise<CredentialView> {
      requireScope(caller, "keys:read");
      return view(await uow.read((db) => load(db, caller, id)));
    },

    /**
     * Revokes a credential: from the commit on, every process refuses it at its next request (the
     * update moves the access version, migration 004). Revoking a revoked credential answers it
     * unchanged and writes nothing.
     */
    async revoke(caller: Caller, id: string): Promise<CredentialView> {
      requireScope(caller, "keys:write");
      const now = deps.clock.now();
      return uow.transaction(async (trx) => {
        const row = await load(trx, caller, id);
        if (row.revoked_at !== null) return view(row);
        if (!(await revokeCredential(trx, caller.tenantId, id, now))) {
          // Revoked by another process since the read: answer what it left.
          return view(await load(trx, caller, id));
        }
        await appendCredentialEvent(trx, {
          id: newId("evt", now),
          tenantId: caller.tenantId,
          credentialId: id,
          type: "credential.revoked",
          actor: actorOf(caller),
          payload: { kind: row.kind, user_id: row.user_id, name: row.name },
          at: now,
        });
        return view({ ...row, revoked_at: now });
      });
    },
  };
}
