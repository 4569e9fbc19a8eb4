// The servers under test: how each is prepared, started, and which flow the load generator runs on it.
import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { runNode } from "./server-process.mjs";

/**
 * @typedef {{ args: string[], env: Record<string, string>, readyPath: string,
 *   load: Record<string, unknown> }} Prepared
 * @typedef {{ name: string, label: string, prepare: (ctx: { root: string, dataDir: string, port: number,
 *   cpuProfDir: string | null }) => Promise<Prepared> }} Target
 */

/** Environment for Handset as a user would start it in development: inbox provider, default limits. */
function handsetEnv(dataDir, port, databaseUrl) {
  const env = {
    NODE_ENV: "development",
    HANDSET_HOST: "127.0.0.1",
    HANDSET_PORT: String(port),
    HANDSET_DATA_DIR: dataDir,
    HANDSET_SMS_PROVIDER: "inbox",
    // undefined removes it: the SQLite run must not inherit the caller's DATABASE_URL.
    DATABASE_URL: databaseUrl,
  };
  return env;
}

/**
 * @param {{ name: string, label: string, bin: string, databaseUrl?: string }} spec
 * @returns {Target}
 */
function handsetTarget(spec) {
  return {
    name: spec.name,
    label: spec.label,
    async prepare({ root, dataDir, port, cpuProfDir }) {
      await mkdir(dataDir, { recursive: true });
      const env = handsetEnv(dataDir, port, spec.databaseUrl);
      // A fresh tenant per run keeps runs against one PostgreSQL database apart.
      const tenant = `bench-${randomBytes(4).toString("hex")}`;
      const { bin } = spec;
      const issued = JSON.parse(
        await runNode([bin, "keys", "create", "--json", "--name", "bench", "--tenant", tenant], {
          cwd: root,
          env,
        }),
      );
      const profile = cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`] : [];
      return {
        args: [...profile, bin, "serve"],
        env,
        readyPath: "/healthz",
        load: { target: "handset", adminKey: issued.secret },
      };
    },
  };
}

/** @param {{ databaseUrl?: string, handsetBin: string }} options @returns {Target[]} */
export function allTargets(options) {
  /** @type {Target[]} */
  const targets = [
    handsetTarget({ name: "handset", label: "Handset (SQLite)", bin: options.handsetBin }),
    {
      name: "peer",
      label: "better-auth phone-number (SQLite)",
      async prepare({ root, dataDir, port }) {
        await mkdir(dataDir, { recursive: true });
        return {
          args: [join(root, "bench/peers/better-auth-server.mjs")],
          env: { NODE_ENV: "development", PEER_PORT: String(port), PEER_DATA_DIR: dataDir },
          readyPath: "/healthz",
          load: { target: "peer" },
        };
      },
    },
    {
      name: "ceiling",
      label: "ceiling: bare Fastify",
      async prepare({ root, port }) {
        return {
          args: [join(root, "bench/servers/ceiling.mjs")],
          env: { NODE_ENV: "development", CEILING_PORT: String(port) },
          readyPath: "/healthz",
          load: { target: "ceiling" },
        };
      },
    },
  ];
  if (options.databaseUrl) {
    targets.push(
      handsetTarget({
        name: "handset-pg",
        label: "Handset (PostgreSQL)",
        bin: options.handsetBin,
        databaseUrl: options.databaseUrl,
      }),
    );
  }
  return targets;
}
