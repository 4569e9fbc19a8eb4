import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DEFAULT_OTP_POLICY } from "./domain/otp-policy.js";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const seconds = z.coerce.number().int().positive();
const regionList = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((r) => r.trim().toUpperCase())
      .filter((r) => r.length > 0),
  )
  .pipe(z.array(z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 region")));

/** `+41781234567=123456,+15555550100=000000`: numbers that receive no SMS and take a fixed code. */
const testNumbers = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p.length > 0),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(/^\+[1-9]\d{6,14}=\d{4,10}$/, "a pair like +15555550100=123456 (E.164 number = fixed code)"),
    ),
  )
  .transform((pairs) => new Map(pairs.map((p) => p.split("=") as [string, string])));

/** Every setting, read once from the environment at start. Names are the environment variables'. */
const ConfigSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HANDSET_HOST: z.string().default("127.0.0.1"),
  HANDSET_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  HANDSET_DATA_DIR: z.string().default("./data"),
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

  HANDSET_PHONE_VALIDATION: z.enum(["valid", "possible"]).default("valid"),
  HANDSET_ALLOW_VOIP: flag.default(false),
  HANDSET_ALLOWED_REGIONS: regionList.default([]),
  HANDSET_DENIED_REGIONS: regionList.default([]),
  HANDSET_TEST_NUMBERS: testNumbers.default(new Map()),

  HANDSET_SMS_PROVIDER: z.enum(["inbox", "webhook", "kannel"]).default("inbox"),
  HANDSET_ALLOW_DEV_PROVIDER_IN_PRODUCTION: flag.default(false),
  HANDSET_WEBHOOK_URL: z.url().optional(),
  /** A Standard Webhooks secret, `whsec_` and base64. */
  HANDSET_WEBHOOK_SECRET: z.string().optional(),
  HANDSET_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Kannel smsbox's sendsms interface, e.g. http://127.0.0.1:13013/cgi-bin/sendsms. */
  HANDSET_KANNEL_SENDSMS_URL: z.url({ protocol: /^https?$/ }).optional(),
  HANDSET_KANNEL_USERNAME: z.string().min(1).optional(),
  HANDSET_KANNEL_PASSWORD: z.string().min(1).optional(),
  /** A file holding the password (a mounted secret); its trailing newline is dropped. */
  HANDSET_KANNEL_PASSWORD_FILE: z.string().min(1).optional(),
  /** The sender (`from`): a number, or up to 11 letters and digits. Unset, Kannel's default sender. */
  HANDSET_KANNEL_FROM: z
    .string()
    .regex(/^(\+?\d{1,15}|[A-Za-z0-9 ]{1,11})$/, "a number (up to 15 digits) or up to 11 letters and digits")
    .optional(),
  HANDSET_KANNEL_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  HANDSET_SMS_SENDER_NAME: z.string().max(40).default("Handset"),
  HANDSET_DISPATCH_INTERVAL_MS: z.coerce.number().int().positive().default(1_000),
  HANDSET_DISPATCH_MAX_ATTEMPTS: z.coerce.number().int().positive().default(8),
  /** How long a dispatcher holds a message it is sending before another process may take it over. */
  HANDSET_DISPATCH_LEASE_MS: z.coerce.number().int().min(1_000).default(60_000),
});

export type Env = z.input<typeof ConfigSchema>;
type Parsed = z.output<typeof ConfigSchema>;

export interface Config {
  production: boolean;
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
  databasePoolSize: number;
  databasePreparedStatements: boolean;
  databaseConnectTimeoutMs: number;
  databaseStatementTimeoutMs: number;
  logLevel: Parsed["HANDSET_LOG_LEVEL"];
  defaultTenant: string;
  bodyLimitBytes: number;
  zitadel: { grpcPort: number | null };
  otp: typeof DEFAULT_OTP_POLICY;
  phone: {
    validation: Parsed["HANDSET_PHONE_VALIDATION"];
    allowVoip: boolean;
    allowedRegions: string[];
    deniedRegions: string[];
  };
  testNumbers: ReadonlyMap<string, string>;
  sms: {
    provider: Parsed["HANDSET_SMS_PROVIDER"];
    allowDevProviderInProduction: boolean;
    webhookUrl: string | undefined;
    webhookSecret: string | undefined;
    webhookTimeoutMs: number;
    /** The Kannel provider's settings, when it is the one configured. */
    kannel: KannelSettings | null;
    senderName: string;
    dispatchIntervalMs: number;
    dispatchMaxAttempts: number;
    dispatchLeaseMs: number;
  };
}

export interface KannelSettings {
  sendsmsUrl: string;
  username: string;
  password: string;
  from: string | undefined;
  timeoutMs: number;
}

export class ConfigError extends Error {}

/** The Kannel settings, checked together; each problem names its variable. */
function kannelSettings(c: Parsed): KannelSettings | null {
  if (c.HANDSET_SMS_PROVIDER !== "kannel") return null;
  const problems: string[] = [];
  if (!c.HANDSET_KANNEL_SENDSMS_URL)
    problems.push("HANDSET_KANNEL_SENDSMS_URL: required by the kannel provider");
  if (!c.HANDSET_KANNEL_USERNAME) problems.push("HANDSET_KANNEL_USERNAME: required by the kannel provider");
  let password = c.HANDSET_KANNEL_PASSWORD;
  if (password && c.HANDSET_KANNEL_PASSWORD_FILE) {
    problems.push("HANDSET_KANNEL_PASSWORD_FILE: set either it or HANDSET_KANNEL_PASSWORD, not both");
  } else if (c.HANDSET_KANNEL_PASSWORD_FILE) {
    try {
      password = readFileSync(c.HANDSET_KANNEL_PASSWORD_FILE, "utf8").replace(/\r?\n$/, "");
      if (!password) problems.push("HANDSET_KANNEL_PASSWORD_FILE: the file is empty");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
      problems.push(`HANDSET_KANNEL_PASSWORD_FILE: cannot read the file (${code})`);
    }
  } else if (!password) {
    problems.push(
      "HANDSET_KANNEL_PASSWORD: required by the kannel provider (or HANDSET_KANNEL_PASSWORD_FILE)",
    );
  }
  if (c.HANDSET_KANNEL_TIMEOUT_MS >= c.HANDSET_DISPATCH_LEASE_MS) {
    problems.push(
      "HANDSET_KANNEL_TIMEOUT_MS: must be shorter than HANDSET_DISPATCH_LEASE_MS, " +
        "or a slow gateway could be sent the same message twice",
    );
  }
  if (problems.length > 0) throw new ConfigError(`invalid configuration: ${problems.join("; ")}`);
  return {
    sendsmsUrl: c.HANDSET_KANNEL_SENDSMS_URL as string,
    username: c.HANDSET_KANNEL_USERNAME as string,
    password: password as string,
    from: c.HANDSET_KANNEL_FROM,
    timeoutMs: c.HANDSET_KANNEL_TIMEOUT_MS,
  };
}

/** Reads and checks the configuration; every problem is reported at once, by variable name. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  const c = result.data;
  if (c.HANDSET_WEBHOOK_TIMEOUT_MS >= c.HANDSET_DISPATCH_LEASE_MS) {
    throw new ConfigError(
      "invalid configuration: HANDSET_WEBHOOK_TIMEOUT_MS must be shorter than HANDSET_DISPATCH_LEASE_MS, " +
        "or a slow receiver could be sent the same message twice",
    );
  }
  if (c.HANDSET_SMS_PROVIDER === "webhook" && (!c.HANDSET_WEBHOOK_URL || !c.HANDSET_WEBHOOK_SECRET)) {
    throw new ConfigError(
      "invalid configuration: the webhook provider needs HANDSET_WEBHOOK_URL and HANDSET_WEBHOOK_SECRET",
    );
  }
  const kannel = kannelSettings(c);
  return {
    production: c.NODE_ENV === "production",
    host: c.HANDSET_HOST,
    port: c.HANDSET_PORT,
    dataDir: c.HANDSET_DATA_DIR,
    databaseUrl: c.DATABASE_URL ?? join(c.HANDSET_DATA_DIR, "handset.sqlite"),
    databasePoolSize: c.HANDSET_DATABASE_POOL_SIZE,
    databasePreparedStatements: c.HANDSET_DATABASE_PREPARED_STATEMENTS,
    databaseConnectTimeoutMs: c.HANDSET_DATABASE_CONNECT_TIMEOUT_MS,
    databaseStatementTimeoutMs: c.HANDSET_DATABASE_STATEMENT_TIMEOUT_MS,
    logLevel: c.HANDSET_LOG_LEVEL,
    defaultTenant: c.HANDSET_DEFAULT_TENANT,
    bodyLimitBytes: c.HANDSET_BODY_LIMIT_BYTES,
    zitadel: { grpcPort: c.HANDSET_ZITADEL_GRPC_PORT ?? null },
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
    phone: {
      validation: c.HANDSET_PHONE_VALIDATION,
      allowVoip: c.HANDSET_ALLOW_VOIP,
      allowedRegions: c.HANDSET_ALLOWED_REGIONS,
      deniedRegions: c.HANDSET_DENIED_REGIONS,
    },
    testNumbers: c.HANDSET_TEST_NUMBERS,
    sms: {
      provider: c.HANDSET_SMS_PROVIDER,
      allowDevProviderInProduction: c.HANDSET_ALLOW_DEV_PROVIDER_IN_PRODUCTION,
      webhookUrl: c.HANDSET_WEBHOOK_URL,
      webhookSecret: c.HANDSET_WEBHOOK_SECRET,
      webhookTimeoutMs: c.HANDSET_WEBHOOK_TIMEOUT_MS,
      kannel,
      senderName: c.HANDSET_SMS_SENDER_NAME,
      dispatchIntervalMs: c.HANDSET_DISPATCH_INTERVAL_MS,
      dispatchMaxAttempts: c.HANDSET_DISPATCH_MAX_ATTEMPTS,
      dispatchLeaseMs: c.HANDSET_DISPATCH_LEASE_MS,
    },
  };
}
