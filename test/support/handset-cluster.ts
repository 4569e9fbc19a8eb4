import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withHandset } from "../../src/cli/offline.js";
import { openCodeKeyring } from "../../src/code-secrets/secrets-file.js";
import { loadConfig } from "../../src/config.js";
import { type CodeKey, deriveCode } from "../../src/domain/code.js";
import type { Handset } from "../../src/services/handset.js";
import { type HandsetServer, spawnHandsetServer } from "./handset-process.js";
import { createTestSchema, type TestSchema } from "./postgres.js";
import { type SmsReceiver, startSmsReceiver } from "./sms-receiver.js";

/** Several `handset serve` processes on one PostgreSQL schema, delivering SMS to one local receiver. */
export interface HandsetCluster {
  schema: TestSchema;
  /** The data directory every process shares: it holds the one code secret they all derive codes from. */
  dataDir: string;
  receiver: SmsReceiver;
  servers: Record<string, HandsetServer>;
  /** Environment each server got (minus its own webhook path), to start another like them. */
  env: Record<string, string>;
  /** Starts one more server on the same database; its SMS go to the receiver path `name`. */
  spawn(name: string, extraEnv?: Record<string, string>): Promise<HandsetServer>;
  /** Runs a task straight against the shared database, as `handset` CLI commands do. */
  offline<T>(task: (handset: Handset) => Promise<T>): Promise<T>;
  tokenFor(userId: string): Promise<string>;
  /** The code the servers derive for a verification, from the shared secret. */
  codeFor(verificationId: string): string;
  close(): Promise<void>;
}

export async function startHandsetCluster(
  names: readonly string[],
  env: Record<string, string> = {},
): Promise<HandsetCluster> {
  const schema = await createTestSchema();
  const dataDir = mkdtempSync(join(tmpdir(), "handset-cluster-"));
  // Written before any process starts, so that none reads a half-written secrets file.
  const key: CodeKey = openCodeKeyring(dataDir).active;
  const receiver = await startSmsReceiver();
  const sharedEnv: Record<string, string> = {
    DATABASE_URL: schema.url,
    HANDSET_DATA_DIR: dataDir,
    HANDSET_DATABASE_POOL_SIZE: "6",
    HANDSET_SMS_PROVIDER: "webhook",
    HANDSET_WEBHOOK_SECRET: receiver.secret,
    ...env,
  };
  const servers: Record<string, HandsetServer> = {};
  const spawn = async (name: string, extraEnv: Record<string, string> = {}) => {
    const server = await spawnHandsetServer(name, {
      ...sharedEnv,
      HANDSET_WEBHOOK_URL: receiver.urlFor(name),
      ...extraEnv,
    });
    servers[name] = server;
    return server;
  };
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: schema.url, HANDSET_DATA_DIR: dataDir });
  const offline = <T>(task: (handset: Handset) => Promise<T>) => withHandset(config, task);
  const cluster: HandsetCluster = {
    schema,
    dataDir,
    receiver,
    servers,
    env: sharedEnv,
    spawn,
    offline,
    tokenFor: async (userId) =>
      offline(async (h) => (await h.credentials.issueUserToken({ tenantId: "default", userId })).secret),
    codeFor: (verificationId) => deriveCode(key, verificationId, config.otp.codeLength),
    close: async () => {
      await Promise.all(Object.values(servers).map((s) => s.stop()));
      await receiver.close();
      await schema.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    // All at once: they migrate the empty schema concurrently, as a fleet rolling out does.
    await Promise.all(names.map((name) => spawn(name)));
  } catch (error) {
    await cluster.close().catch(() => undefined);
    throw error;
  }
  return cluster;
}

export interface HttpAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test reads arbitrary JSON bodies
  body: any;
}

/** One JSON request to a server, with a user token. */
export async function call(
  server: HandsetServer,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<HttpAnswer> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
