import type { AppJwtConfig } from "../app-jwt-config.js";
import type { SmsHandoff } from "../delivery/handoff.js";
import type { TenantBudgets } from "../domain/budgets.js";
import type { Clock } from "../domain/clock.js";
import type { CodeKeyring } from "../domain/code.js";
import type { GuessLockPolicy } from "../domain/guess-lock.js";
import type { OtpPolicy } from "../domain/otp-policy.js";
import type { PhonePolicy } from "../domain/phone.js";
import type { Store } from "../store/database.js";
import type { CodeMetrics } from "./code-metrics.js";
import type { GuardMetrics } from "./guards/guard-refusal.js";
import type { ComposedGuards } from "./guards/send-guard.js";

export interface MessageLocales {
  /** The locale to record with a tenant's message, or null for the tenant's default. */
  localeFor(
    tenantId: string,
    asked: { field?: string | null; acceptLanguage?: string | null },
  ): string | null;
}

/** Everything the use cases need, passed in by the composition root. */
export interface ServiceDeps {
  store: Store;
  clock: Clock;
  keyring: CodeKeyring;
  otp: OtpPolicy;
  /** The operator's defaults; a tenant's own region lists narrow them. */
  phone: PhonePolicy;
  /** Numbers that take a fixed code and receive no SMS (development and end-to-end tests). */
  testNumbers: ReadonlyMap<string, string>;
  /** Where a queued SMS is claimed at write and handed over once its transaction is durable. */
  sms: SmsHandoff;
  /**
   * The locale an SMS is written in, from what the request asked (a field, Accept-Language); unset,
   * every message takes its tenant's default.
   */
  messages?: MessageLocales;
  /** True only where the development inbox shows codes anyway: lets vendor APIs return a code. */
  codeDisclosure?: boolean;
  /** The wallet defence (budgets, conversion guard, guess lock); none where not given. */
  guards?: ComposedGuards;
  guardMetrics?: GuardMetrics;
  /** Counts what became of codes (`handset_codes_total`); none where not given. */
  codeMetrics?: CodeMetrics;
  /** The service's default budgets of a tenant, which a tenant's settings override (shown by the settings API). */
  tenantBudgets?: TenantBudgets;
  /** HANDSET_DEFAULT_TENANT: the tenant that cannot be deleted ("default" when not given). */
  defaultTenant?: string;
  /** The lifetime guess cap, for its views and admin reset (the guard gets its own copy). */
  guessLock?: GuessLockPolicy;
  /** The app's own JWTs as user credentials (docs/app-tokens.md); none where not given. */
  appJwt?: AppJwtConfig | null;
  /** App webhooks: whether endpoints may be loopback or private addresses (refused when not given). */
  webhooks?: { allowPrivateNetworks: boolean };
}
