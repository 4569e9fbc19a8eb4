import { HandsetError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import {
  assertCustomCode,
  changeVerifyService,
  newVerifyService,
  parseSmsOverrides,
  readVerifyServiceSettings,
  type VerifyServiceInput,
  type VerifyServiceSettings,
} from "../domain/verify-service.js";
import { appendTenantEvent } from "../store/events.js";
import type { Executor } from "../store/executor.js";
import type { VerifyServiceRow } from "../store/schema.js";
import {
  deleteVerifyService,
  findVerifyService,
  insertVerifyService,
  listVerifyServices,
  updateVerifyService,
} from "../store/verify-services.js";
import { assertBackend } from "./bare-verification-views.js";
import { actorOf, type Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";
import type { SmsRendering } from "./queued-sms.js";

/**
 * A tenant's verify services (docs/twilio-verify.md, "Services"): named sets of verification settings, which
 * Twilio Verify's Services are on its surface. The tenant's own settings are its default service,
 * which is not stored and not managed here.
 */
export interface VerifyServiceView {
  tenantId: string;
  id: string;
  friendlyName: string;
  settings: VerifyServiceSettings;
  createdAt: number;
  updatedAt: number;
}

/** A page of 1000 (Twilio's largest) and one more, which tells whether another page follows. */
export const MAX_VERIFY_SERVICE_PAGE = 1001;

export function toVerifyServiceView(row: VerifyServiceRow): VerifyServiceView {
  return {
    tenantId: row.tenant_id,
    id: row.id,
    friendlyName: row.friendly_name,
    settings: readVerifyServiceSettings(row.settings),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export function verifyServiceNotFound(id: string): HandsetError {
  return new HandsetError("VERIFY_SERVICE_NOT_FOUND", `No verify service ${id}.`);
}

/** The service a verification is started or checked under, read in the use case's transaction. */
export async function loadVerifyService(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<VerifyServiceView> {
  const row = await findVerifyService(db, tenantId, id);
  if (!row) throw verifyServiceNotFound(id);
  return toVerifyServiceView(row);
}

/** What a verification started under a service takes from it, and from the request's own overrides. */
export interface StartOptions {
  serviceId: string;
  /** The service's code length, over the tenant's; undefined: the tenant's. */
  codeLength: number | undefined;
  rendering: SmsRendering;
  /** The code the application chose, where the service allows it; null: a derived code. */
  customCode: string | null;
}

/**
 * Reads the service a start names ('' or absent: the tenant's default, nothing to read) and the
 * verification's own app name and hash, refusing a bad one before anything is written.
 */
export async function startOptions(
  db: Executor,
  tenantId: string,
  input: { serviceId?: string; appName?: string | null; appHash?: string | null; customCode?: string | null },
): Promise<StartOptions> {
  const overrides = parseSmsOverrides(input);
  const serviceId = input.serviceId ?? "";
  const service = serviceId === "" ? null : await loadVerifyService(db, tenantId, serviceId);
  const customCode = input.customCode ?? null;
  if (customCode !== null) assertCustomCode(customCode, service?.settings ?? null);
  return {
    serviceId,
    codeLength: service?.settings.codeLength ?? undefined,
    rendering: { appName: overrides.appName ?? service?.friendlyName ?? null, appHash: overrides.appHash },
    customCode,
  };
}

export function createVerifyServiceService(deps: ServiceDeps) {
  const { uow } = deps.store;

  async function record(trx: Executor, caller: Caller, type: string, view: VerifyServiceView, now: number) {
    await appendTenantEvent(trx, {
      id: newId("evt", now),
      tenantId: caller.tenantId,
      type,
      actor: actorOf(caller),
      payload: { serviceId: view.id, friendlyName: view.friendlyName, settings: view.settings },
      at: now,
    });
  }

  return {
    /** Oldest first, from `offset` (Twilio's pages) or after the id `after` (a cursor). */
    async list(
      caller: Caller,
      page: { limit: number; offset?: number; after?: string },
    ): Promise<VerifyServiceView[]> {
      assertBackend(caller);
      const limit = Math.min(Math.max(page.limit, 1), MAX_VERIFY_SERVICE_PAGE);
      const rows = await listVerifyServices(deps.store.db, caller.tenantId, {
        limit,
        offset: Math.max(page.offset ?? 0, 0),
        after: page.after,
      });
      return rows.map(toVerifyServiceView);
    },

    async get(caller: Caller, id: string): Promise<VerifyServiceView> {
      assertBackend(caller);
      return loadVerifyService(deps.store.db, caller.tenantId, id);
    },

    async create(caller: Caller, input: VerifyServiceInput): Promise<VerifyServiceView> {
      assertBackend(caller);
      const { friendlyName, settings } = newVerifyService(input);
      return uow.transaction(async (trx) => {
        const now = deps.clock.now();
        const row = {
          tenant_id: caller.tenantId,
          id: newId("vsv", now),
          friendly_name: friendlyName,
          settings: JSON.stringify(settings),
          created_at: now,
          updated_at: now,
        };
        await insertVerifyService(trx, row);
        const view = toVerifyServiceView(row);
        await record(trx, caller, "verify_service.created", view, now);
        return view;
      });
    },

    async update(caller: Caller, id: string, input: VerifyServiceInput): Promise<VerifyServiceView> {
      assertBackend(caller);
      return uow.transaction(async (trx) => {
        const now = deps.clock.now();
        const current = await loadVerifyService(trx, caller.tenantId, id);
        const changed = changeVerifyService(current, input);
        const columns = {
          friendly_name: changed.friendlyName,
          settings: JSON.stringify(changed.settings),
          updated_at: now,
        };
        if (!(await updateVerifyService(trx, caller.tenantId, id, columns))) throw verifyServiceNotFound(id);
        const view = { ...current, ...changed, updatedAt: now };
        await record(trx, caller, "verify_service.updated", view, now);
        return view;
      });
    },

    /** Deletes a service; its open verifications are canceled. */
    async remove(caller: Caller, id: string): Promise<{ canceledVerifications: number }> {
      assertBackend(caller);
      return uow.transaction(async (trx) => {
        const now = deps.clock.now();
        const current = await loadVerifyService(trx, caller.tenantId, id);
        const { deleted, canceled } = await deleteVerifyService(trx, caller.tenantId, id, now);
        if (!deleted) throw verifyServiceNotFound(id);
        await record(trx, caller, "verify_service.deleted", current, now);
        return { canceledVerifications: canceled };
      });
    },
  };
}

export type VerifyServiceService = ReturnType<typeof createVerifyServiceService>;
