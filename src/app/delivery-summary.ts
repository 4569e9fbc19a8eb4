import type { Config } from "../config.js";
import { DEFAULT_PROVIDER_POLICY } from "../delivery/routing/route-table.js";
import { LAST_RESORT_LOCALE } from "../delivery/templates/built-in-texts.js";
import { DEFAULT_APP_NAME } from "../delivery/templates/messages-section.js";

/** One configured provider as an operator may see it: from its kind's description, never its settings. */
export interface ProviderSummary {
  name: string;
  type: string;
  description: string;
  ratePerSecond: number | null;
  breakerFailures: number;
  breakerCooldownMs: number;
  /** Whether its policy differs from the default (a rate, or a breaker of its own). */
  policySet: boolean;
  /** It answers requests at `/sms/callbacks/<name>` (receipts, status callbacks). */
  takesCallbacks: boolean;
}

export interface RouteSummary {
  kind: "prefix" | "region" | "default";
  /** `+4479`, `FR` or `default`, as the config file writes it. */
  key: string;
  providers: readonly string[];
}

/**
 * What Handset will do with SMS, read from the configuration alone: the providers, routes, receipts and
 * message settings. Shared by `handset providers list` and the start-up log, so they cannot disagree.
 */
export interface DeliverySummary {
  /** `inbox`, `environment`, or the config file's path. */
  source: string;
  developmentInbox: boolean;
  providers: ProviderSummary[];
  routes: RouteSummary[];
  receipts: {
    /** The public URL without any user or password in it; null when HANDSET_PUBLIC_URL is unset. */
    publicUrl: string | null;
    callbackPath: string;
    /** Providers that take callbacks, whether or not receipts are on. */
    providers: string[];
  };
  messages: {
    appName: string;
    defaultLocale: string;
    webOtpDomain: string | null;
    androidAppHashSet: boolean;
    /** Tenants with message settings of their own. */
    tenants: number;
  };
  testNumbers: number;
}

export const CALLBACK_PATH = "/sms/callbacks/<provider>";

/** The URL as it may be shown: a user or password in it (unusual, but a URL allows it) is dropped. */
export function displayedUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = "";
  parsed.password = "";
  return parsed.toString().replace(/\/+$/, "");
}

export function summarizeDelivery(config: Config): DeliverySummary {
  const { routing } = config.sms;
  const developmentInbox = routing.providers.length === 0;
  const providers: ProviderSummary[] = developmentInbox
    ? [
        {
          name: "inbox",
          type: "inbox",
          // Its page is only served outside production (where it runs only when explicitly allowed).
          description: config.production
            ? "development inbox: nothing is sent, and its /dev/inbox page is off in production"
            : "development inbox: nothing is sent, codes are shown at /dev/inbox",
          ratePerSecond: null,
          breakerFailures: DEFAULT_PROVIDER_POLICY.breakerFailures,
          breakerCooldownMs: DEFAULT_PROVIDER_POLICY.breakerCooldownMs,
          policySet: false,
          takesCallbacks: false,
        },
      ]
    : routing.providers.map((entry) => ({
        name: entry.name,
        type: entry.configured.type,
        description: entry.configured.description,
        ratePerSecond: entry.policy.ratePerSecond,
        breakerFailures: entry.policy.breakerFailures,
        breakerCooldownMs: entry.policy.breakerCooldownMs,
        policySet:
          entry.policy.ratePerSecond !== DEFAULT_PROVIDER_POLICY.ratePerSecond ||
          entry.policy.breakerFailures !== DEFAULT_PROVIDER_POLICY.breakerFailures ||
          entry.policy.breakerCooldownMs !== DEFAULT_PROVIDER_POLICY.breakerCooldownMs,
        takesCallbacks: entry.configured.receipts === "callbacks",
      }));
  const routes: RouteSummary[] = [
    ...[...routing.routes.byPrefix].map(([key, list]) => ({ kind: "prefix" as const, key, providers: list })),
    ...[...routing.routes.byRegion].map(([key, list]) => ({ kind: "region" as const, key, providers: list })),
  ];
  if (routing.routes.fallback.length > 0) {
    routes.push({ kind: "default", key: "default", providers: routing.routes.fallback });
  }
  const { messages } = routing;
  return {
    source: routing.source,
    developmentInbox,
    providers,
    routes,
    receipts: {
      publicUrl: config.sms.publicUrl === null ? null : displayedUrl(config.sms.publicUrl),
      callbackPath: CALLBACK_PATH,
      providers: providers.filter((p) => p.takesCallbacks).map((p) => p.name),
    },
    messages: {
      appName: messages.app_name ?? DEFAULT_APP_NAME,
      defaultLocale: messages.default_locale ?? LAST_RESORT_LOCALE,
      webOtpDomain: messages.webotp_domain ?? null,
      androidAppHashSet: messages.android_app_hash !== undefined,
      tenants: Object.keys(messages.tenants ?? {}).length,
    },
    testNumbers: config.testNumbers.size,
  };
}
