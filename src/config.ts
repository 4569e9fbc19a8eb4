import { join } from "node:path";
import { z } from "zod";
import { type AppJwtConfig, loadAppJwtConfig } from "./app-jwt-config.js";
import { type BudgetConfig, loadBudgetConfig } from "./budget-config.js";
import { flag, readFileVariables, regionList, seconds, testNumbers } from "./config-values.js";
import { loadConversionConfig } from "./conversion-config.js";
import type { ConversionSettings } from "./domain/conversion.js";
import { DEFAULT_GUESS_LOCK, type GuessLockPolicy } from "./domain/guess-lock.js";
import { DEFAULT_OTP_POLICY } from "./domain/otp-policy.js";
import { loadSmsRouting, SmsConfigError, type SmsRouting } from "./sms-config.js";
import { type TrustProxy, trustProxySetting } from "./trust-proxy-config.js";

/** Every setting, read once from the environment at start. Names are the environment variables'. */
const ConfigSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HANDSET_HOST: z.string().default("127.0.0.1"),
  HANDSET_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  HANDSET_DATA_DIR: z.string().default("./data"),
  /** How often a server looks whether secrets.json changed (a rotation), and reloads it. */
  HANDSET_SECRETS_RELOAD_SECONDS: seconds.max(3_600).default(10),
  DATABASE_URL: z.string().optional(),
  /**
   * PostgreSQL connections per process, sized to the work in flight: a request holds one connection at
   * a time (one transaction or one read), so 16 requests at once plus 4 for the SMS dispatcher. Keep in
   * step with `POSTGRES_DEFAULTS.poolSize`.
   */
  HANDSET_DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(20),
  /** PostgreSQL: run statements as named prepared statements (off behind a PgBouncer older than 1.21). */
  HANDSET_DATABASE_PREPARED_STATEMENTS: flag.default(true),
  /** PostgreSQL: wait this long for a connection before answering 503 instead of hanging. */
  HANDSET_DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** PostgreSQL: the server cancels a statement that runs longer (0: no limit). */
  HANDSET_DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
  HANDSET_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HANDSET_DEFAULT_TENANT: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .default("default"),
  /** gRPC (HTTP/2 cleartext) for ZITADEL clients on its own port; unset leaves it off. */
  HANDSET_ZITADEL_GRPC_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /**
   * Browser origins allowed to call the ZITADEL surface across origins (CORS, as ZITADEL answers it):
   * a comma-separated list of origins (`https://app.example.com`), or `*` for any origin, which is
   * ZITADEL's own setting. Unset: no CORS headers, so browsers on other origins are refused.
   */
  HANDSET_ZITADEL_CORS_ORIGINS: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const origins = value
        .split(",")
        .map((o) => o.trim())
        .filter((o) => o !== "");
      for (const origin of origins) {
        if (origin === "*") continue;
        let parsed: URL | undefined;
        try {
          parsed = new URL(origin);
        } catch {
          parsed = undefined;
        }
        if (!parsed || parsed.origin !== origin) {
          ctx.addIssue({ code: "custom", message: `not an origin (scheme://host[:port]): ${origin}` });
        }
      }
      return origins;
    })
    .default([]),
  /**
   * Serve ZITADEL's Connect, gRPC-Web, REST and gRPC (h2c) at the root of the main port as well, as a
   * real ZITADEL does on its one port: one base URL for every ZITADEL client.
   */
  HANDSET_ZITADEL_AT_ROOT: flag.default(false),
  HANDSET_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(16_384),

  HANDSET_CODE_LENGTH: z.coerce.number().int().min(6).max(10).default(DEFAULT_OTP_POLICY.codeLength),
  HANDSET_CODE_TTL_SECONDS: seconds.max(86_400).default(DEFAULT_OTP_POLICY.ttlMs / 1000),
  HANDSET_CODE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(DEFAULT_OTP_POLICY.maxAttempts),
  HANDSET_RESEND_COOLDOWN_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .default(DEFAULT_OTP_POLICY.resendCooldownMs / 1000),
  HANDSET_MAX_SENDS_PER_VERIFICATION: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_OTP_POLICY.maxSendsPerVerification),
  HANDSET_NUMBER_GUESS_BUDGET: z.coerce.number().int().min(1).default(DEFAULT_OTP_POLICY.numberGuessBudget),
  HANDSET_NUMBER_SEND_BUDGET: z.coerce.number().int().min(1).default(DEFAULT_OTP_POLICY.numberSendBudget),
  HANDSET_NUMBER_WINDOW_SECONDS: seconds.default(DEFAULT_OTP_POLICY.numberWindowMs / 1000),
  /** Consecutive wrong codes on one number, summed over the tenants holding it, that lock it. */
  HANDSET_GUESS_LOCK_AFTER: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_GUESS_LOCK.after),
  /** How long a lock (and a streak of wrong codes) lasts after the last wrong code. */
  HANDSET_GUESS_LOCK_SECONDS: seconds.max(10 * 365 * 86_400).default(DEFAULT_GUESS_LOCK.lockMs / 1000),

  HANDSET_PHONE_VALIDATION: z.enum(["valid", "possible"]).default("valid"),
  HANDSET_ALLOW_VOIP: flag.default(false),
  HANDSET_ALLOWED_REGIONS: regionList.default([]),
  HANDSET_DENIED_REGIONS: regionList.default([]),
  HANDSET_TEST_NUMBERS: testNumbers.default(new Map()),
  /**
   * `false` (default: the socket's address is the client's), `true` (trust every proxy), a hop count,
   * or a comma-separated list of proxy addresses and CIDR ranges whose `X-Forwarded-For` is believed.
   */
  HANDSET_TRUST_PROXY: trustProxySetting,
  /** `off` removes `GET /metrics` altogether (404); `on` (default) serves it. */
  HANDSET_METRICS: z.enum(["on", "off"]).default("on"),
  /** A bearer token `GET /metrics` asks for; unset, the metrics are open to whoever reaches the port. */
  HANDSET_METRICS_TOKEN: z.string().trim().min(16, "at least 16 characters").optional(),

  /** One provider by type (`inbox`, `webhook`, `kannel`, …), its settings in `HANDSET_<TYPE>_<KEY>`. */
  HANDSET_SMS_PROVIDER: z.string().default("inbox"),
  /** A YAML or JSON file of several providers, their routes and message texts (docs/sms.md). */
  HANDSET_SMS_CONFIG: z.string().min(1).optional(),
  HANDSET_ALLOW_DEV_PROVIDER_IN_PRODUCTION: flag.default(false),
  /**
   * The URL providers reach this Handset at (`https://handset.example.com`), for their delivery
   * receipts at `/sms/callbacks/<provider>`. Unset, no receipt is asked for.
   */
  HANDSET_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The app name SMS texts say they come from (templates: `{app}`); read with the message settings. */
  HANDSET_SMS_SENDER_NAME: z.string().max(40).default("Handset"),
  HANDSET_DISPATCH_INTERVAL_MS: z.coerce.number().int().positive().default(1_000),
  HANDSET_DISPATCH_MAX_ATTEMPTS: z.coerce.number().int().positive().default(8),
  /** How long a dispatcher holds a message it is sending before another process may take it over. */
  HANDSET_DISPATCH_LEASE_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** App webhooks (docs/webhooks.md): one attempt's limit, connection to answer. */
  HANDSET_APP_WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** How often the webhook worker looks for due deliveries. */
  HANDSET_APP_WEBHOOKS_INTERVAL_MS: z.coerce.number().int().positive().default(1_000),
  /** Production only: let webhook endpoints be loopback or private addresses (always allowed otherwise). */
  HANDSET_APP_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: flag.default(false),
});

export type Env = z.input<typeof ConfigSchema>;
type Parsed = z.output<typeof ConfigSchema>;

export interface Config {
  production: boolean;
  host: string;
  port: number;
  dataDir: string;
  /** How often secrets.json is looked at for a rotation (docs/secrets.md). */
  secretsReloadMs: number;
  databaseUrl: string;
  databasePoolSize: number;
  databasePreparedStatements: boolean;
  databaseConnectTimeoutMs: number;
  databaseStatementTimeoutMs: number;
  logLevel: Parsed["HANDSET_LOG_LEVEL"];
  defaultTenant: string;
  bodyLimitBytes: number;
  zitadel: {
    grpcPort: number | null;
    /** Allowed browser origins; `["*"]` allows any; empty: no CORS. */
    corsOrigins: readonly string[];
    /** ZITADEL at the root of the main port too, HTTP/1.1 and h2c alike. */
    atRoot: boolean;
  };
  otp: typeof DEFAULT_OTP_POLICY;
  /** The lifetime guess cap (docs/fraud-guard.md, "Lifetime guess cap"). */
  guessLock: GuessLockPolicy;
  phone: {
    validation: Parsed["HANDSET_PHONE_VALIDATION"];
    allowVoip: boolean;
    allowedRegions: string[];
    deniedRegions: string[];
  };
  testNumbers: ReadonlyMap<string, string>;
  /** The wallet defence's budgets and SMS prices (src/budget-config.ts). */
  budgets: BudgetConfig;
  /** The conversion guard's settings (src/conversion-config.ts); null when it is off. */
  conversion: ConversionSettings | null;
  /** The app's own JWTs as user credentials (src/app-jwt-config.ts); null when they are off. */
  appJwt: AppJwtConfig | null;
  /**
   * Which proxies' `X-Forwarded-For` names the client (Fastify's `trustProxy`): false trusts none,
   * so the socket's address is the client's.
   */
  trustProxy: TrustProxy;
  /** Whether `GET /metrics` is served. */
  metrics: boolean;
  metricsToken: string | null;
  sms: {
    provider: Parsed["HANDSET_SMS_PROVIDER"];
    allowDevProviderInProduction: boolean;
    /** The providers and their routes; none means the development inbox. */
    routing: SmsRouting;
    /** The public URL providers call back (receipts), or null: no receipts are asked for. */
    publicUrl: string | null;
    dispatchIntervalMs: number;
    dispatchMaxAttempts: number;
    dispatchLeaseMs: number;
  };
  /** App webhooks (docs/webhooks.md). */
  webhooks: {
    timeoutMs: number;
    intervalMs: number;
    /** Loopback and private receivers allowed: outside production always, in production when set. */
    allowPrivateNetworks: boolean;
  };
}

export class ConfigError extends Error {}

/** Reads and checks the configuration; every problem is reported at once, by variable name. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const resolved = readFileVariables(env, problems);
  const result = ConfigSchema.safeParse(resolved);
  if (!result.success) {
    for (const i of result.error.issues) problems.push(`${i.path.join(".")}: ${i.message}`);
  }
  const budgets = loadBudgetConfig(resolved, problems);
  const conversion = loadConversionConfig(resolved, problems);
  const appJwt = loadAppJwtConfig(resolved, result.data?.HANDSET_DEFAULT_TENANT ?? "default", problems);
  if (problems.length > 0 || !result.success || !budgets || conversion === undefined) {
    throw new ConfigError(`invalid configuration: ${problems.join("; ")}`);
  }
  const c = result.data;
  let routing: SmsRouting;
  try {
    routing = loadSmsRouting(resolved, c.HANDSET_DISPATCH_LEASE_MS);
  } catch (error) {
    if (error instanceof SmsConfigError) throw new ConfigError(error.message);
    throw error;
  }
  return {
    production: c.NODE_ENV === "production",
    host: c.HANDSET_HOST,
    port: c.HANDSET_PORT,
    dataDir: c.HANDSET_DATA_DIR,
    secretsReloadMs: c.HANDSET_SECRETS_RELOAD_SECONDS * 1000,
    databaseUrl: c.DATABASE_URL ?? join(c.HANDSET_DATA_DIR, "handset.sqlite"),
    databasePoolSize: c.HANDSET_DATABASE_POOL_SIZE,
    databasePreparedStatements: c.HANDSET_DATABASE_PREPARED_STATEMENTS,
    databaseConnectTimeoutMs: c.HANDSET_DATABASE_CONNECT_TIMEOUT_MS,
    databaseStatementTimeoutMs: c.HANDSET_DATABASE_STATEMENT_TIMEOUT_MS,
    logLevel: c.HANDSET_LOG_LEVEL,
    defaultTenant: c.HANDSET_DEFAULT_TENANT,
    bodyLimitBytes: c.HANDSET_BODY_LIMIT_BYTES,
    zitadel: {
      grpcPort: c.HANDSET_ZITADEL_GRPC_PORT ?? null,
      corsOrigins: c.HANDSET_ZITADEL_CORS_ORIGINS,
      atRoot: c.HANDSET_ZITADEL_AT_ROOT,
    },
    otp: {
      codeLength: c.HANDSET_CODE_LENGTH,
      ttlMs: c.HANDSET_CODE_TTL_SECONDS * 1000,
      maxAttempts: c.HANDSET_CODE_MAX_ATTEMPTS,
      resendCooldownMs: c.HANDSET_RESEND_COOLDOWN_SECONDS * 1000,
      maxSendsPerVerification: c.HANDSET_MAX_SENDS_PER_VERIFICATION,
      numberGuessBudget: c.HANDSET_NUMBER_GUESS_BUDGET,
      numberSendBudget: c.HANDSET_NUMBER_SEND_BUDGET,
      numberWindowMs: c.HANDSET_NUMBER_WINDOW_SECONDS * 1000,
    },
    guessLock: { after: c.HANDSET_GUESS_LOCK_AFTER, lockMs: c.HANDSET_GUESS_LOCK_SECONDS * 1000 },
    phone: {
      validation: c.HANDSET_PHONE_VALIDATION,
      allowVoip: c.HANDSET_ALLOW_VOIP,
      allowedRegions: c.HANDSET_ALLOWED_REGIONS,
      deniedRegions: c.HANDSET_DENIED_REGIONS,
    },
    testNumbers: c.HANDSET_TEST_NUMBERS,
    budgets,
    conversion,
    appJwt,
    trustProxy: c.HANDSET_TRUST_PROXY,
    metrics: c.HANDSET_METRICS === "on",
    metricsToken: c.HANDSET_METRICS_TOKEN ?? null,
    sms: {
      provider: c.HANDSET_SMS_PROVIDER,
      allowDevProviderInProduction: c.HANDSET_ALLOW_DEV_PROVIDER_IN_PRODUCTION,
      routing,
      publicUrl: c.HANDSET_PUBLIC_URL?.replace(/\/+$/, "") ?? null,
      dispatchIntervalMs: c.HANDSET_DISPATCH_INTERVAL_MS,
      dispatchMaxAttempts: c.HANDSET_DISPATCH_MAX_ATTEMPTS,
      dispatchLeaseMs: c.HANDSET_DISPATCH_LEASE_MS,
    },
    webhooks: {
      timeoutMs: c.HANDSET_APP_WEBHOOKS_TIMEOUT_MS,
      intervalMs: c.HANDSET_APP_WEBHOOKS_INTERVAL_MS,
      allowPrivateNetworks: c.NODE_ENV !== "production" || c.HANDSET_APP_WEBHOOKS_ALLOW_PRIVATE_NETWORKS,
    },
  };
}
