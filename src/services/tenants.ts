import { HandsetError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import { appendTenantEvent } from "../store/events.js";
import {
  countTenantContents,
  deleteTenantRows,
  insertTenant,
  listTenants,
  type TenantCounts,
  type TenantListing,
} from "../store/tenant-admin.js";
import { findTenant } from "../store/tenants.js";
import { actorOf, type Caller } from "./caller.js";
import { checkPageLimit, requireScope } from "./credential-admin.js";
import type { ServiceDeps } from "./deps.js";

/** The same shape HANDSET_DEFAULT_TENANT and the CLI take. */
export const TENANT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface TenantView {
  id: string;
  name: string;
  createdAt: number;
  /** The configured default tenant (HANDSET_DEFAULT_TENANT), which cannot be deleted. */
  isDefault: boolean;
}

export interface TenantDetail extends TenantView {
  counts: TenantCounts;
}

export interface TenantPage {
  tenants: TenantView[];
  nextCursor: string | null;
}

function checkTenantId(id: string, path: string): void {
  if (!TENANT_ID_PATTERN.test(id)) {
    throw new HandsetError("INVALID_REQUEST", "A tenant id has 1 to 64 letters, digits, '_' or '-'.", {
      fields: [{ path, message: "1 to 64 letters, digits, '_' or '-'" }],
    });
  }
}

/**
 * The operator's tenant management: every tenant, so every call needs `tenants:manage` (never in an
 * admin key's default set).
 */
export function createTenantService(deps: ServiceDeps) {
  const { uow } = deps.store;
  const defaultTenant = deps.defaultTenant ?? "default";
  const view = (row: TenantListing): TenantView => ({
    id: row.id,
    name: row.name,
    createdAt: Number(row.created_at),
    isDefault: row.id === defaultTenant,
  });
  const notFound = (id: string) => new HandsetError("TENANT_NOT_FOUND", `No tenant ${id}.`);

  return {
    async list(caller: Caller, page: { limit: number; after?: string }): Promise<TenantPage> {
      requireScope(caller, "tenants:manage");
      checkPageLimit(page.limit);
      if (page.after !== undefined) checkTenantId(page.after, "after");
      const rows = await uow.read((db) => listTenants(db, { limit: page.limit + 1, after: page.after }));
      const shown = rows.slice(0, page.limit);
      const last = shown.at(-1);
      return {
        tenants: shown.map(view),
        nextCursor: rows.length > page.limit && last ? last.id : null,
      };
    },

    /** A tenant with how many users, numbers, and usable keys and tokens it holds. */
    async get(caller: Caller, id: string): Promise<TenantDetail> {
      requireScope(caller, "tenants:manage");
      if (!TENANT_ID_PATTERN.test(id)) throw notFound(id);
      return uow.read(async (db) => {
        const row = await findTenant(db, id);
        if (!row) throw notFound(id);
        return { ...view(row), counts: await countTenantContents(db, id, deps.clock.now()) };
      });
    },

    async create(caller: Caller, input: { id: string; name?: string }): Promise<TenantDetail> {
      requireScope(caller, "tenants:manage");
      checkTenantId(input.id, "id");
      const name = input.name ?? input.id;
      if (name.length === 0 || name.length > 200) {
        throw new HandsetError("INVALID_REQUEST", "A tenant's name has 1 to 200 characters.", {
          fields: [{ path: "name", message: "1 to 200 characters" }],
        });
      }
      const now = deps.clock.now();
      await uow.transaction(async (trx) => {
        if (!(await insertTenant(trx, input.id, name, now))) {
          throw new HandsetError("TENANT_ALREADY_EXISTS", `A tenant ${input.id} exists already.`);
        }
        await appendTenantEvent(trx, {
          id: newId("evt", now),
          tenantId: input.id,
          type: "tenant.created",
          actor: actorOf(caller),
          payload: { name },
          at: now,
        });
      });
      const counts = { users: 0, phoneNumbers: 0, activeKeys: 0, activeTokens: 0 };
      return { id: input.id, name, createdAt: now, isDefault: input.id === defaultTenant, counts };
    },

    /**
     * Deletes a tenant and everything it holds, in one transaction: refused unless `confirm` repeats
     * the id, and for the configured default tenant. Its credentials stop working everywhere at once.
     * No event survives it (the tenant's log goes with it); the operator's log line is the record.
     */
    async delete(caller: Caller, id: string, options: { confirm?: string }): Promise<TenantDetail> {
      requireScope(caller, "tenants:manage");
      if (!TENANT_ID_PATTERN.test(id)) throw notFound(id);
      if (options.confirm !== id) {
        throw new HandsetError(
          "CONFIRMATION_REQUIRED",
          `Deleting a tenant removes all its users, numbers, messages, events and keys: confirm with the tenant's id (${id}).`,
        );
      }
      if (id === defaultTenant) {
        throw new HandsetError(
          "INVALID_REQUEST",
          `${id} is the default tenant (HANDSET_DEFAULT_TENANT) and cannot be deleted.`,
          { fields: [{ path: "id", message: "not the default tenant" }] },
        );
      }
      return uow.transaction(async (trx) => {
        const row = await findTenant(trx, id);
        if (!row) throw notFound(id);
        const counts = await countTenantContents(trx, id, deps.clock.now());
        await deleteTenantRows(trx, id);
        return { ...view(row), counts };
      });
    },
  };
}

export type TenantService = ReturnType<typeof createTenantService>;
