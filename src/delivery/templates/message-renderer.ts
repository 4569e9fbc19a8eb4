import { smsText } from "../sms-text.js";
import { BUILT_IN_TEMPLATES, LAST_RESORT_LOCALE } from "./built-in-texts.js";
import { languageOf, normalizeLocale } from "./locale.js";
import { DEFAULT_APP_NAME, type MessageSettings } from "./messages-section.js";
import { fillTemplate } from "./placeholders.js";

export interface RenderRequest {
  tenantId: string;
  /** The locale the message was requested in (see preferredLocale), or null. */
  locale: string | null;
  code: string;
  ttlMinutes: number;
  /** The message's own app name and SMS Retriever hash (a verify service's), over the tenant's. */
  appName?: string | null;
  appHash?: string | null;
}

export interface RenderedMessage {
  text: string;
  /** The locale of the template used, to record with the message. */
  locale: string;
}

export interface MessageRenderer {
  render(request: RenderRequest): RenderedMessage;
  /** Locales a tenant has a text for (its own, service-wide, built-in): what Accept-Language is matched against. */
  locales(tenantId: string): string[];
}

/** What applies to one tenant once its settings are laid over the service-wide ones. */
interface Scope {
  appName: string;
  /** Candidate sources, most specific first. */
  templates: readonly Readonly<Record<string, string>>[];
  defaults: readonly string[];
  webOtpDomain: string | null;
  androidAppHash: string | null;
}

export function createMessageRenderer(settings: MessageSettings): MessageRenderer {
  const scopes = new Map<string, Scope>();
  const scopeOf = (tenantId: string): Scope => {
    let scope = scopes.get(tenantId);
    if (!scope) {
      scope = resolveScope(settings, tenantId);
      scopes.set(tenantId, scope);
    }
    return scope;
  };
  return {
    render({ tenantId, locale, code, ttlMinutes, appName, appHash }) {
      const scope = scopeOf(tenantId);
      const { template, locale: chosen } = pickTemplate(scope, locale);
      const minutes = String(Math.max(1, Math.round(ttlMinutes)));
      const lines = [fillTemplate(template, { code, app: appName ?? scope.appName, minutes })];
      // SMS Retriever only needs the hash somewhere in the text; it goes at the end of the human text
      // because WebOTP needs the very last line for itself.
      const hash = appHash ?? scope.androidAppHash;
      if (hash !== null) lines.push(hash);
      // WebOTP (wicg.github.io/sms-one-time-codes §Parsing): the last line, nothing before "@", one
      // space, then "#" and the code; the blank line before it follows the spec's examples.
      if (scope.webOtpDomain !== null) lines.push("", `@${scope.webOtpDomain} #${code}`);
      return { text: lines.join("\n"), locale: chosen };
    },
    locales(tenantId) {
      const all = new Set<string>();
      for (const source of scopeOf(tenantId).templates) for (const tag of Object.keys(source)) all.add(tag);
      return [...all];
    },
  };
}

/** The name a tenant's texts give the app (`{app}`): its own, else the service-wide one. */
export function appNameOf(settings: MessageSettings, tenantId: string): string {
  return settings.tenants?.[tenantId]?.app_name ?? settings.app_name ?? DEFAULT_APP_NAME;
}

function resolveScope(settings: MessageSettings, tenantId: string): Scope {
  const tenant = settings.tenants?.[tenantId];
  const defaults = [tenant?.default_locale, settings.default_locale].filter(
    (tag): tag is string => tag !== undefined,
  );
  return {
    appName: appNameOf(settings, tenantId),
    templates: [tenant?.templates ?? {}, settings.templates ?? {}, BUILT_IN_TEMPLATES],
    defaults,
    // A tenant's null turns a service-wide binding off; undefined inherits it.
    webOtpDomain:
      tenant?.webotp_domain === undefined ? (settings.webotp_domain ?? null) : tenant.webotp_domain,
    androidAppHash:
      tenant?.android_app_hash === undefined ? (settings.android_app_hash ?? null) : tenant.android_app_hash,
  };
}

/**
 * Locale first, then source: the requested tag, its language, the tenant's default, the service's
 * default, then English; for each, the tenant's template beats the service's, which beats the built-in.
 */
function pickTemplate(scope: Scope, requested: string | null): { template: string; locale: string } {
  const wanted = [normalizeLocale(requested), ...scope.defaults, LAST_RESORT_LOCALE];
  for (const tag of wanted) {
    if (tag === null) continue;
    for (const candidate of [tag, languageOf(tag)]) {
      for (const source of scope.templates) {
        const template = source[candidate];
        if (template !== undefined) return { template, locale: candidate };
      }
    }
  }
  // BUILT_IN_TEMPLATES has English, so the loop always returns; this keeps the type checker honest.
  return { template: BUILT_IN_TEMPLATES[LAST_RESORT_LOCALE] ?? "{code}", locale: LAST_RESORT_LOCALE };
}

/**
 * Android's SMS Retriever reads a message of at most 140 bytes: one SMS (160 GSM-7 septets or 70 UCS-2
 * characters). For every tenant named in the settings and the service-wide scope, renders each text
 * with the longest code and validity there will be and names the setting whose texts overflow; a
 * longer SMS is still sent, but the app will not read it by itself.
 */
export function retrieverFitProblems(
  settings: MessageSettings,
  worstCase: { codeLength: number; ttlMinutes: number },
): string[] {
  const renderer = createMessageRenderer(settings);
  const problems: string[] = [];
  const code = "0".repeat(worstCase.codeLength);
  const scopes: [string | null, string][] = [
    [null, "messages.android_app_hash"],
    ...Object.keys(settings.tenants ?? {}).map((id): [string, string] => [
      id,
      `messages.tenants.${id}.android_app_hash`,
    ]),
  ];
  for (const [tenantId, place] of scopes) {
    // "" is no valid tenant id, so it resolves to the service-wide settings alone.
    const id = tenantId ?? "";
    if (resolveScope(settings, id).androidAppHash === null) continue;
    const tooLong: string[] = [];
    for (const locale of renderer.locales(id)) {
      const { text } = renderer.render({ tenantId: id, locale, code, ttlMinutes: worstCase.ttlMinutes });
      const shape = smsText(text);
      if (shape.segments > 1)
        tooLong.push(
          `${locale} (${shape.units} ${shape.encoding === "gsm7" ? "septets" : "UCS-2 characters"})`,
        );
    }
    if (tooLong.length > 0) {
      problems.push(
        `${place}: the SMS Retriever reads at most 140 bytes (160 GSM-7 or 70 UCS-2 characters); ` +
          `these texts are longer with a ${worstCase.codeLength}-digit code: ${tooLong.join(", ")}`,
      );
    }
  }
  return problems;
}
