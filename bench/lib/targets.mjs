// The servers under test: how each is prepared, started, and which flow the load generator runs on it.
import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { runNode } from "./server-process.mjs";

/**
 * @typedef {{ args: string[], env: Record<string, string | undefined>, port: number }} ServerSpec
 * @typedef {{ name: string, args: string[], env: Record<string, string | undefined>, readyUrl: string }} HelperSpec
 * @typedef {{ servers: ServerSpec[], readyPath: string, helpers?: HelperSpec[],
 *   load: Record<string, unknown>, countsUrl?: string, cleanup?: () => Promise<void> }} Prepared
 * @typedef {{ root: string, dataDir: string, freePort: () => Promise<number>, cpuProfDir: string | null,
 *   count: boolean, runId: string }} PrepareContext
 * @typedef {{ name: string, label: string, prepare: (ctx: PrepareContext) => Promise<Prepared> }} Target
 */

/** node's arguments to preload the SQLite statement counter (bench/lib/count-sqlite.mjs). */
const countingArgs = (root, count) => (count ? ["--import", join(root, "bench/lib/count-sqlite.mjs")] : []);

/** Environment for Handset as a user would start it in development: default limits. */
function handsetEnv(dataDir, port, databaseUrl) {
  return {
    NODE_ENV: "development",
    HANDSET_HOST: "127.0.0.1",
    HANDSET_PORT: String(port),
    HANDSET_DATA_DIR: dataDir,
    HANDSET_SMS_PROVIDER: "inbox",
    // undefined removes it: the SQLite run must not inherit the caller's DATABASE_URL.
    DATABASE_URL: databaseUrl,
    // The load is one tenant and a few backends sending far past any default budget. The budgets stay
    // on, so every send still pays for its ledger upsert as in production, with caps it cannot reach.
    ...Object.fromEntries(
      [
        "USER_NUMBERS_PER_DAY",
        "USER_SMS_PER_HOUR",
        "IP_SMS_PER_HOUR",
        "TENANT_SMS_PER_HOUR",
        "TENANT_SMS_PER_DAY",
        "COUNTRY_SMS_PER_HOUR",
        "RANGE_SMS_PER_HOUR",
        "SERVICE_SMS_PER_HOUR",
        "SERVICE_SMS_PER_DAY",
      ].map((name) => [`HANDSET_BUDGET_${name}`, "1000000000"]),
    ),
    HANDSET_BUDGET_TENANT_SPEND_PER_DAY: "99999999",
    HANDSET_BUDGET_SERVICE_SPEND_PER_DAY: "99999999",
  };
}

/** Creates an admin key with Handset's own CLI, before the server starts (this also migrates). */
async function issueAdminKey(root, bin, env) {
  const tenant = `bench-${randomBytes(4).toString("hex")}`;
  const issued = JSON.parse(
    await runNode([bin, "keys", "create", "--json", "--name", "bench", "--tenant", tenant], {
      cwd: root,
      env,
    }),
  );
  return issued.secret;
}

/** Handset on SQLite: `node dist/handset.mjs serve`, SMS to the development inbox. */
function handsetSqliteTarget(bin) {
  return {
    name: "handset",
    label: "Handset (SQLite)",
    /** @param {PrepareContext} ctx */
    async prepare({ root, dataDir, freePort, cpuProfDir, count }) {
      await mkdir(dataDir, { recursive: true });
      const port = await freePort();
      const env = handsetEnv(dataDir, port, undefined);
      const adminKey = await issueAdminKey(root, bin, env);
      const countPort = count ? await freePort() : 0;
      const profile = cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`] : [];
      return {
        servers: [
          {
            args: [...profile, ...countingArgs(root, count), bin, "serve"],
            env: { ...env, BENCH_COUNT_PORT: count ? String(countPort) : undefined },
            port,
          },
        ],
        readyPath: "/healthz",
        countsUrl: count ? `http://127.0.0.1:${countPort}/counts` : undefined,
        load: { flow: "handset", codeSource: "inbox", createUsers: "handset", adminKey },
      };
    },
  };
}

/** One statement on the PostgreSQL server of DATABASE_URL (creating and dropping the run's database). */
async function adminQuery(databaseUrl, text) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Handset on PostgreSQL, as `processes` servers sharing one fresh database (created for the run and
 * dropped after it), their SMS going through the webhook provider to one shared sink
 * (bench/servers/sms-sink.mjs) where the load generator reads the codes. With counting on, Handset
 * reaches PostgreSQL through bench/lib/pg-count-proxy.mjs, which counts round trips and statements.
 * @param {{ name: string, label: string, bin: string, databaseUrl: string, processes: number }} spec
 * @returns {Target}
 */
function handsetPostgresTarget(spec) {
  return {
    name: spec.name,
    label: spec.label,
    async prepare({ root, dataDir, freePort, cpuProfDir, count, runId }) {
      await mkdir(dataDir, { recursive: true });
      const database = `handset_bench_${runId}_${spec.name.replace(/\W/g, "_")}`;
      await adminQuery(spec.databaseUrl, `CREATE DATABASE "${database}"`);
      const cleanup = async () => {
        await adminQuery(spec.databaseUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      };
      try {
        const direct = new URL(spec.databaseUrl);
        direct.pathname = `/${database}`;
        const viaProxy = new URL(direct);
        /** @type {HelperSpec[]} */
        const helpers = [];
        let countsUrl;
        if (count) {
          const proxyPort = await freePort();
          const controlPort = await freePort();
          viaProxy.hostname = "127.0.0.1";
          viaProxy.port = String(proxyPort);
          countsUrl = `http://127.0.0.1:${controlPort}/counts`;
          helpers.push({
            name: "PostgreSQL counting proxy",
            args: [join(root, "bench/lib/pg-count-proxy.mjs")],
            env: {
              PROXY_PORT: String(proxyPort),
              UPSTREAM_HOST: direct.hostname || "127.0.0.1",
              UPSTREAM_PORT: direct.port || "5432",
              CONTROL_PORT: String(controlPort),
            },
            readyUrl: `http://127.0.0.1:${controlPort}/healthz`,
          });
        }
        const sinkPort = await freePort();
        helpers.push({
          name: "SMS sink",
          args: [join(root, "bench/servers/sms-sink.mjs")],
          env: { SINK_PORT: String(sinkPort) },
          readyUrl: `http://127.0.0.1:${sinkPort}/healthz`,
        });
        const webhook = {
          HANDSET_SMS_PROVIDER: "webhook",
          HANDSET_WEBHOOK_URL: `http://127.0.0.1:${sinkPort}/sms`,
          HANDSET_WEBHOOK_SECRET: `whsec_${randomBytes(32).toString("base64")}`,
        };
        // The key is made (and the schema migrated) once, before any server starts.
        const adminKey = await issueAdminKey(root, spec.bin, {
          ...handsetEnv(dataDir, 0, direct.href),
          ...webhook,
        });
        const profile = cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`] : [];
        const servers = [];
        for (let i = 0; i < spec.processes; i++) {
          const port = await freePort();
          servers.push({
            args: [...profile, spec.bin, "serve"],
            env: { ...handsetEnv(dataDir, port, viaProxy.href), ...webhook },
            port,
          });
        }
        return {
          servers,
          readyPath: "/healthz",
          helpers,
          countsUrl,
          cleanup,
          load: {
            flow: "handset",
            codeSource: "sink",
            sinkOrigin: `http://127.0.0.1:${sinkPort}`,
            createUsers: "handset",
            adminKey,
          },
        };
      } catch (error) {
        await cleanup();
        throw error;
      }
    },
  };
}

/** @param {{ databaseUrl?: string, handsetBin: string }} options @returns {Target[]} */
export function allTargets(options) {
  /** @type {Target[]} */
  const targets = [
    handsetSqliteTarget(options.handsetBin),
    {
      name: "peer",
      label: "better-auth phone-number (SQLite)",
      async prepare({ root, dataDir, freePort, count }) {
        await mkdir(dataDir, { recursive: true });
        const port = await freePort();
        const countPort = count ? await freePort() : 0;
        return {
          servers: [
            {
              args: [...countingArgs(root, count), join(root, "bench/peers/better-auth-server.mjs")],
              env: {
                NODE_ENV: "development",
                PEER_PORT: String(port),
                PEER_DATA_DIR: dataDir,
                BENCH_COUNT_PORT: count ? String(countPort) : undefined,
              },
              port,
            },
          ],
          readyPath: "/healthz",
          countsUrl: count ? `http://127.0.0.1:${countPort}/counts` : undefined,
          load: { flow: "peer", createUsers: "peer" },
        };
      },
    },
    {
      name: "durable-minimal",
      label: "durable minimal: node:http + SQLite",
      async prepare({ root, dataDir, freePort, count }) {
        await mkdir(dataDir, { recursive: true });
        const port = await freePort();
        const countPort = count ? await freePort() : 0;
        const adminKey = randomBytes(16).toString("hex");
        return {
          servers: [
            {
              args: [...countingArgs(root, count), join(root, "bench/servers/durable-minimal.mjs")],
              env: {
                NODE_ENV: "development",
                DURABLE_PORT: String(port),
                DURABLE_DATA_DIR: dataDir,
                DURABLE_ADMIN_KEY: adminKey,
                BENCH_COUNT_PORT: count ? String(countPort) : undefined,
              },
              port,
            },
          ],
          readyPath: "/healthz",
          countsUrl: count ? `http://127.0.0.1:${countPort}/counts` : undefined,
          load: { flow: "handset", codeSource: "inbox", createUsers: "handset", adminKey },
        };
      },
    },
    {
      name: "ceiling",
      label: "no-op ceiling: bare Fastify",
      async prepare({ root, freePort }) {
        const port = await freePort();
        return {
          servers: [
            {
              args: [join(root, "bench/servers/ceiling.mjs")],
              env: { NODE_ENV: "development", CEILING_PORT: String(port) },
              port,
            },
          ],
          readyPath: "/healthz",
          load: { flow: "handset", codeSource: "inbox", createUsers: null },
        };
      },
    },
  ];
  if (options.databaseUrl) {
    targets.push(
      handsetPostgresTarget({
        name: "handset-pg",
        label: "Handset (PostgreSQL)",
        bin: options.handsetBin,
        databaseUrl: options.databaseUrl,
        processes: 1,
      }),
      handsetPostgresTarget({
        name: "handset-pg-2",
        label: "Handset (PostgreSQL, 2 processes)",
        bin: options.handsetBin,
        databaseUrl: options.databaseUrl,
        processes: 2,
      }),
    );
  }
  return targets;
}
