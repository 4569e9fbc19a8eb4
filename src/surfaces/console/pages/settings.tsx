import { OPT_IN_NUMBER_TYPES } from "../../../domain/phone.js";
import type { EffectiveTenantSettings } from "../../../domain/tenant-settings.js";
import { CsrfField, Layout, Notice, type PageSession } from "../layout.js";
import { BUDGET_FIELDS } from "../settings-form.js";

export interface SettingsPageProps {
  session: PageSession;
  settings: EffectiveTenantSettings;
  /** May the signed-in key change them (users:write)? */
  canEdit: boolean;
  saved?: string[];
  error?: string;
}

const list = (values: readonly string[]) => values.join(", ");

export function SettingsPage({ session, settings, canEdit, saved, error }: SettingsPageProps) {
  const budgets = settings.budgets as Record<string, unknown>;
  return (
    <Layout title="Tenant settings" current="/console/settings" session={session}>
      {saved && (
        <Notice kind="ok">{saved.length === 0 ? "Nothing changed." : `Saved: ${saved.join(", ")}.`}</Notice>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      {!canEdit && (
        <Notice kind="info">Your key lacks users:write: you can read these settings, not change them.</Notice>
      )}
      <form method="post" action="/console/settings">
        <CsrfField token={session.csrfToken} />
        <fieldset disabled={!canEdit}>
          <legend>Regions</legend>
          <label for="allowed">
            Allowed regions
            <span class="hint">ISO codes separated by commas or spaces; empty allows every region.</span>
          </label>
          <input id="allowed" name="regions_allowed" type="text" value={list(settings.regions.allowed)} />
          <label for="denied">Denied regions</label>
          <input id="denied" name="regions_denied" type="text" value={list(settings.regions.denied)} />
          <label for="high-risk">
            High-risk regions this tenant sends to
            <span class="hint">Blocked by default: {list(settings.regions.high_risk_blocked)}</span>
          </label>
          <input
            id="high-risk"
            name="regions_allow_high_risk"
            type="text"
            value={list(settings.regions.allow_high_risk)}
          />
        </fieldset>
        <fieldset disabled={!canEdit}>
          <legend>Number types refused by default that this tenant takes</legend>
          {OPT_IN_NUMBER_TYPES.map((type) => (
            <label key={type} class="check">
              <input
                type="checkbox"
                name="number_types_allow"
                value={type}
                checked={settings.number_types.allow.includes(type)}
              />{" "}
              {type}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={!canEdit}>
          <legend>Budgets</legend>
          <p class="hint">
            The figures in force (the service's defaults unless this tenant set its own). Empty turns a budget
            off.
          </p>
          <div class="row">
            {BUDGET_FIELDS.map((field) => (
              <div key={field.key}>
                <label for={`budget-${field.key}`}>{field.label}</label>
                <input
                  id={`budget-${field.key}`}
                  name={`budget_${field.key}`}
                  type="number"
                  min="0"
                  step={field.key === "tenant_spend_per_day" ? "0.01" : "1"}
                  value={
                    budgets[field.key] === null || budgets[field.key] === undefined
                      ? ""
                      : String(budgets[field.key])
                  }
                />
              </div>
            ))}
          </div>
          <label for="budget-countries">
            Per-country hourly caps (JSON)
            <span class="hint">{`{"NG": 10}`}: at most 10 SMS an hour to Nigeria.</span>
          </label>
          <textarea id="budget-countries" name="budget_countries" rows={2}>
            {JSON.stringify(settings.budgets.countries)}
          </textarea>
        </fieldset>
        {canEdit && (
          <p>
            <button type="submit">Save settings</button>
          </p>
        )}
      </form>
      <h2>Number types refused</h2>
      <p>{list(settings.number_types.refused)}</p>
    </Layout>
  );
}
