import type { DeliverySummary, ProviderSummary } from "../app/delivery-summary.js";

/** The summary in the HTTP API's style: snake_case, times in seconds, nothing omitted. */
export function providerListJson(summary: DeliverySummary): object {
  return {
    source: summary.source,
    development_inbox: summary.developmentInbox,
    providers: summary.providers.map((p) => ({
      name: p.name,
      type: p.type,
      description: p.description,
      rate_per_second: p.ratePerSecond,
      breaker_failures: p.breakerFailures,
      breaker_cooldown_seconds: p.breakerCooldownMs / 1000,
      takes_callbacks: p.takesCallbacks,
    })),
    routes: summary.routes.map((r) => ({ route: r.key, kind: r.kind, providers: r.providers })),
    receipts: {
      enabled: summary.receipts.publicUrl !== null,
      public_url: summary.receipts.publicUrl,
      callback_path: summary.receipts.callbackPath,
      providers: summary.receipts.providers,
    },
    messages: {
      app_name: summary.messages.appName,
      default_locale: summary.messages.defaultLocale,
      webotp_domain: summary.messages.webOtpDomain,
      android_app_hash_set: summary.messages.androidAppHashSet,
      tenants: summary.messages.tenants,
    },
    test_numbers: summary.testNumbers,
  };
}

function policyText(p: ProviderSummary): string {
  const rate = p.ratePerSecond === null ? "no rate limit" : `at most ${p.ratePerSecond}/s`;
  const breaker = `breaker opens after ${p.breakerFailures} failures for ${p.breakerCooldownMs / 1000} s`;
  return `${rate}, ${breaker}${p.takesCallbacks ? ", takes callbacks" : ""}`;
}

/** Aligned text for a terminal; the same facts as the JSON. */
export function providerListText(summary: DeliverySummary): string {
  const width = Math.max(...summary.providers.map((p) => p.name.length));
  const out: string[] = [`source:    ${summary.source}`, "providers:"];
  for (const p of summary.providers) {
    out.push(`  ${p.name.padEnd(width)}  ${p.type}: ${p.description}`);
    if (!summary.developmentInbox) out.push(`  ${"".padEnd(width)}  ${policyText(p)}`);
  }
  if (summary.routes.length > 0) {
    const keyWidth = Math.max(...summary.routes.map((r) => r.key.length));
    out.push("routes:");
    for (const r of summary.routes) out.push(`  ${r.key.padEnd(keyWidth)}  -> ${r.providers.join(", ")}`);
  }
  const { receipts, messages } = summary;
  const takers = receipts.providers.length > 0 ? receipts.providers.join(", ") : "no provider takes them";
  out.push(
    receipts.publicUrl === null
      ? `receipts:  off, HANDSET_PUBLIC_URL is unset (callbacks: ${takers})`
      : `receipts:  on at ${receipts.publicUrl}${receipts.callbackPath} (${takers})`,
  );
  out.push(
    `messages:  app ${messages.appName}, default locale ${messages.defaultLocale}, ` +
      `WebOTP domain ${messages.webOtpDomain ?? "none"}, ` +
      `Android app hash ${messages.androidAppHashSet ? "set" : "unset"}` +
      (messages.tenants > 0 ? `, ${messages.tenants} tenant(s) with their own` : ""),
  );
  if (summary.testNumbers > 0) out.push(`test numbers: ${summary.testNumbers}`);
  return `${out.join("\n")}\n`;
}
