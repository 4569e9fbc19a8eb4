import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BuildOptions, buildApp, type HandsetApp } from "../../src/app/server.js";
import { loadConfig } from "../../src/config.js";
import type { SmsProvider } from "../../src/delivery/provider.js";
import { ManualClock } from "../../src/domain/clock.js";
import { type CodeKeyring, createKeyring } from "../../src/domain/code.js";
import type { Scope } from "../../src/domain/scopes.js";

export interface TestAppOptions {
  /** Extra environment, as the server would read it. */
  env?: Record<string, string>;
  clock?: ManualClock;
  smsProvider?: SmsProvider;
  runDispatcher?: boolean;
  /** Reuse a data directory (to restart on the same database); a fresh temp dir otherwise. */
  dataDir?: string;
  /** The code secrets: TEST_KEYRING unless given; "secrets-file" reads (or creates) the data dir's secrets.json. */
  keyring?: CodeKeyring | "secrets-file";
  /** Fastify's logger option (tests that read the log pass a stream); no logging otherwise. */
  logger?: BuildOptions["logger"];
  onRoute?: BuildOptions["onRoute"];
  processMetrics?: boolean;
}

export interface TestApp extends HandsetApp {
  clock: ManualClock;
  dataDir: string;
  /** An admin key of the default tenant. */
  adminKey: string;
  adminKeyFor(tenantId: string, scopes?: Scope[]): Promise<string>;
  tokenFor(
    userId: string,
    options?: { tenantId?: string; scopes?: Scope[]; expiresAt?: number },
  ): Promise<string>;
  /** Closes the app; removes the data directory unless `keepData`. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** A fixed code secret, so tests can derive the code the server sends. */
export const TEST_KEYRING = createKeyring({ id: "test", secret: Buffer.alloc(32, 7) });

/**
 * The real app on a SQLite file in a temp dir, with a manual clock. Nothing is mocked: the store,
 * the services and the surfaces are the ones `npm start` runs.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "handset-test-"));
  const clock = options.clock ?? new ManualClock(Date.UTC(2026, 0, 1, 12));
  const config = loadConfig({
    NODE_ENV: "test",
    HANDSET_DATA_DIR: dataDir,
    HANDSET_LOG_LEVEL: "silent",
    ...options.env,
  });
  const built = await buildApp(config, {
    clock,
    keyring: options.keyring === "secrets-file" ? undefined : (options.keyring ?? TEST_KEYRING),
    smsProvider: options.smsProvider,
    runDispatcher: options.runDispatcher,
    logger: options.logger ?? false,
    onRoute: options.onRoute,
    processMetrics: options.processMetrics,
  });
  await built.app.ready();
  const adminKeyFor = async (tenantId: string, scopes?: Scope[]) =>
    (await built.handset.credentials.issueAdminKey({ tenantId, scopes })).secret;
  const adminKey = await adminKeyFor(config.defaultTenant);
  return {
    ...built,
    clock,
    dataDir,
    adminKey,
    adminKeyFor,
    async tokenFor(userId, tokenOptions = {}) {
      const issued = await built.handset.credentials.issueUserToken({
        tenantId: tokenOptions.tenantId ?? config.defaultTenant,
        userId,
        scopes: tokenOptions.scopes,
        expiresAt: tokenOptions.expiresAt,
      });
      return issued.secret;
    },
    async close(closeOptions = {}) {
      await built.app.close();
      if (!closeOptions.keepData && options.dataDir === undefined)
        rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

/** Numbers that pass the default policy (valid mobiles), distinct per call. */
let sequence = 0;
export function mobileNumber(): string {
  sequence += 1;
  // French mobiles: +33 6 1x xx xx xx is an assigned MOBILE range.
  const tail = (Number.parseInt(randomBytes(3).toString("hex"), 16) % 100_000) * 100 + (sequence % 100);
  return `+3361${String(tail).padStart(7, "0")}`;
}
