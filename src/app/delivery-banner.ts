import type { Config } from "../config.js";
import { retrieverFitProblems } from "../delivery/templates/message-renderer.js";
import { type ProviderSummary, summarizeDelivery } from "./delivery-summary.js";

/** One line of the start-up log. */
export interface BannerLine {
  level: "info" | "warn";
  msg: string;
  fields: Record<string, unknown>;
}

function policyFields(provider: ProviderSummary): Record<string, unknown> {
  if (!provider.policySet) return {};
  return {
    ...(provider.ratePerSecond !== null ? { rate_per_second: provider.ratePerSecond } : {}),
    breaker_failures: provider.breakerFailures,
    breaker_cooldown_seconds: provider.breakerCooldownMs / 1000,
  };
}

/**
 * What the server logs about SMS delivery once it listens, one fact a line, so an operator sees at
 * a glance where codes go and what is off. Built from the configuration alone, and only from kinds'
 * descriptions, so no secret can reach it.
 */
export function deliveryBanner(config: Config): BannerLine[] {
  const summary = summarizeDelivery(config);
  const lines: BannerLine[] = [];
  const info = (msg: string, fields: Record<string, unknown> = {}) =>
    lines.push({ level: "info", msg, fields });
  const warn = (msg: string, fields: Record<string, unknown> = {}) =>
    lines.push({ level: "warn", msg, fields });

  info("SMS configuration", { source: summary.source });
  for (const provider of summary.providers) {
    info("SMS provider", {
      provider: provider.name,
      type: provider.type,
      description: provider.description,
      ...policyFields(provider),
    });
  }
  for (const route of summary.routes) {
    info("SMS route", { route: route.key, providers: route.providers });
  }
  const { receipts, messages } = summary;
  if (receipts.publicUrl !== null) {
    info("SMS receipts on", {
      public_url: receipts.publicUrl,
      callback_path: receipts.callbackPath,
      providers: receipts.providers,
    });
  } else {
    info("SMS receipts off: HANDSET_PUBLIC_URL is unset, so no provider is asked for receipts");
  }
  info("SMS messages", {
    app_name: messages.appName,
    default_locale: messages.defaultLocale,
    webotp_domain: messages.webOtpDomain,
    android_app_hash: messages.androidAppHashSet ? "set" : "unset",
    tenants: messages.tenants,
  });

  if (summary.developmentInbox) {
    warn(
      "SMS goes to the development inbox: nothing is sent; " +
        "configure HANDSET_SMS_PROVIDER or HANDSET_SMS_CONFIG for real delivery",
      { description: summary.providers[0]?.description },
    );
  }
  if (summary.testNumbers > 0) {
    warn("test numbers are configured: they receive no SMS and accept a fixed code (HANDSET_TEST_NUMBERS)", {
      count: summary.testNumbers,
    });
  }
  const worstCase = {
    codeLength: config.otp.codeLength,
    ttlMinutes: Math.ceil(config.otp.ttlMs / 60_000),
  };
  for (const problem of retrieverFitProblems(config.sms.routing.messages, worstCase)) {
    warn("SMS text too long for Android's SMS Retriever", { problem });
  }
  if (receipts.publicUrl === null) {
    for (const provider of summary.providers.filter((p) => p.takesCallbacks)) {
      warn("SMS provider gives receipts, but HANDSET_PUBLIC_URL is unset: none will be asked for", {
        provider: provider.name,
        type: provider.type,
      });
    }
  }
  return lines;
}
