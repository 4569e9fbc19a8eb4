import { DEFAULT_TENANT_BUDGETS } from "../domain/budgets.js";
import { HandsetError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import {
  type EffectiveTenantSettings,
  effectiveTenantSettings,
  mergeTenantSettings,
  readTenantSettings,
  settingsChanges,
  tenantSettingsColumns,
} from "../domain/tenant-settings.js";
import { appendTenantEvent } from "../store/events.js";
import { lockTenantSettings, saveTenantSettings } from "../store/tenants.js";
import { tenantSettingsOf } from "./access.js";
import { actorOf, type Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";

export interface SettingsUpdate {
  settings: EffectiveTenantSettings;
  /** The dotted paths of the settings that changed (none when the change set what was there). */
  changed: string[];
}

/** A tenant's settings are the tenant's admins' business: a user token never reads or changes them. */
function assertTenantAdmin(caller: Caller): void {
  if (caller.userId !== null) {
    throw new HandsetError("INSUFFICIENT_SCOPE", "A tenant's settings need an admin API key.");
  }
}

/** The tenant's settings (docs/fraud-guard.md, "Geo permissions and number types"), as the admin API and the CLI show them. */
export function createTenantSettingsService(deps: ServiceDeps) {
  const { uow } = deps.store;
  const defaults = deps.tenantBudgets ?? DEFAULT_TENANT_BUDGETS;

  return {
    async get(caller: Caller): Promise<EffectiveTenantSettings> {
      assertTenantAdmin(caller);
      const settings = await uow.read((db) => tenantSettingsOf(db, caller.tenantId));
      return effectiveTenantSettings(defaults, settings);
    },

    /**
     * Merges a change (validated here, whatever surface it came from) over the stored settings and
     * records `tenant.settings_changed` with each setting's old and new value, in one transaction.
     * Bad input changes nothing.
     */
    async update(caller: Caller, change: unknown): Promise<SettingsUpdate> {
      assertTenantAdmin(caller);
      const now = deps.clock.now();
      return uow.transaction(async (trx) => {
        const row = await lockTenantSettings(trx, caller.tenantId);
        if (!row) throw new HandsetError("TENANT_NOT_FOUND", `No tenant ${caller.tenantId}.`);
        const before = readTenantSettings(row);
        const after = mergeTenantSettings(before, change);
        const changes = settingsChanges(before, after);
        const changed = Object.keys(changes);
        if (changed.length > 0) {
          await saveTenantSettings(trx, caller.tenantId, tenantSettingsColumns(after));
          await appendTenantEvent(trx, {
            id: newId("evt", now),
            tenantId: caller.tenantId,
            type: "tenant.settings_changed",
            actor: actorOf(caller),
            payload: { changes },
            at: now,
          });
        }
        return { settings: effectiveTenantSettings(defaults, after), changed };
      });
    },
  };
}

export type TenantSettingsService = ReturnType<typeof createTenantSettingsService>;
