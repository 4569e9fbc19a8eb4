#!/usr/bin/env node
// `npm run bench`: Handset against its peer (better-auth's phone-number plugin), the durable minimal
// (node:http + better-sqlite3 doing Handset's durable writes: the limit of this disk and runtime) and
// the no-op ceiling (bare Fastify), one after another in one run, with the same load generator in its
// own process; with DATABASE_URL, Handset on PostgreSQL as one process and as two.
// See BENCHMARKS.md for what is measured and how to read it; `npm run bench -- --help` for options.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatProfile, summariseProfile } from "./lib/profile-summary.mjs";
import { machine, machineLoad, stepTable, table, targetChecks, workTable } from "./lib/report.mjs";
import { freePort, runNode, startServer } from "./lib/server-process.mjs";
import { allTargets } from "./lib/targets.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const USAGE = `usage: npm run bench -- [options]

  --concurrency N     flows in flight at once (closed loop)            default 16
  --duration S        measured seconds per target                      default 20
  --warmup S          seconds run before measuring, not counted        default 5
  --targets LIST      comma-separated, default all of:
                        handset          Handset on SQLite (the embedded default), SMS to the inbox
                        peer             better-auth's phone-number plugin on SQLite
                        durable-minimal  node:http + better-sqlite3, Handset's durable writes, group
                                         commit: the limit of this disk and runtime
                        ceiling          bare Fastify, routes that do nothing (HTTP and JSON alone)
                        handset-pg       Handset on PostgreSQL, one process      } need DATABASE_URL;
                        handset-pg-2     two processes, one database, flows      } a fresh database
                                         spread over both                        } per target
  --users-per-client N  users each client adds its numbers to          default 64
  --calibration-flows N single flows run after the load to count statements per step  default 10
  --no-count          count nothing: no statement counter preloaded, no proxy before PostgreSQL
  --profile           run Handset under --cpu-prof and print where its CPU time went
  --no-build          use dist/ as it is (default: npm run build first)
  --handset-bin PATH  Handset's CLI to start (default dist/handset.mjs): to compare two builds
  --out FILE          write the figures as JSON                        default bench/results/latest.json
  --keep              keep the temporary data directories and server logs

Environment: DATABASE_URL adds handset-pg and handset-pg-2: each creates a database handset_bench_<run>_<target>
on that server (the user must be allowed to) and drops it afterwards; their SMS go through Handset's
webhook provider to a sink in the bench. BENCH_TMPDIR picks where the SQLite files go (default: the
OS temp dir).`;

const { values: opts } = parseArgs({
  options: {
    concurrency: { type: "string", default: "16" },
    duration: { type: "string", default: "20" },
    warmup: { type: "string", default: "5" },
    targets: { type: "string" },
    "users-per-client": { type: "string", default: "64" },
    "calibration-flows": { type: "string", default: "10" },
    "no-count": { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    "handset-bin": { type: "string" },
    out: { type: "string", default: join(root, "bench/results/latest.json") },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}

const positive = (name, value) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`bench: --${name} must be a positive number (got ${value})\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
};
const concurrency = Math.round(positive("concurrency", opts.concurrency));
const durationMs = positive("duration", opts.duration) * 1000;
const warmupMs = Number(opts.warmup) * 1000;
const usersPerClient = Math.round(positive("users-per-client", opts["users-per-client"]));
const calibrationFlows = Math.max(0, Math.round(Number(opts["calibration-flows"]) || 0));
const count = !opts["no-count"];

const databaseUrl = process.env.DATABASE_URL || undefined;
const handsetBin = resolve(opts["handset-bin"] ?? join(root, "dist/handset.mjs"));
const available = allTargets({ databaseUrl, handsetBin });
const wanted = opts.targets?.split(",").map((t) => t.trim()) ?? available.map((t) => t.name);
for (const name of wanted) {
  if (!available.some((t) => t.name === name)) {
    const why = name.startsWith("handset-pg") ? " (set DATABASE_URL)" : "";
    console.error(`bench: unknown or unavailable target ${name}${why}`);
    process.exit(2);
  }
}
const targets = available.filter((t) => wanted.includes(t.name));

/** @param {string} command @param {string[]} args */
function run(command, args) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolveRun() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
if (!opts["no-build"]) {
  console.log("building Handset (npm run build) ...");
  await run(npm, ["run", "build", "--silent"]);
}
if (targets.some((t) => t.name === "peer") || !existsSync(join(root, "bench/peers/node_modules/undici"))) {
  if (!existsSync(join(root, "bench/peers/node_modules/better-auth/package.json"))) {
    console.log("installing the peer and the load generator's client (npm ci --prefix bench/peers) ...");
    await run(npm, ["ci", "--prefix", "bench/peers", "--no-audit", "--no-fund"]);
  }
}

const scratch = await mkdtemp(join(process.env.BENCH_TMPDIR ?? tmpdir(), "handset-bench-"));
const resultsDir = dirname(resolve(opts.out));
const profileDir = join(resultsDir, "profiles");
if (opts.profile) {
  await rm(profileDir, { recursive: true, force: true });
  await mkdir(profileDir, { recursive: true });
}

const host = machine();
const clockTicks = Number(
  (() => {
    try {
      return execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim();
    } catch {
      return "100";
    }
  })(),
);
console.log(
  `\nmachine: ${host.nproc} CPUs (${host.cpu}), ${host.memoryGiB} GiB, node ${host.node}, ${host.os}\n` +
    `load: ${concurrency} concurrent flows, ${warmupMs / 1000} s warm-up, ${durationMs / 1000} s measured per target\n`,
);

const loadBefore = machineLoad();
if (loadBefore.warning) console.log(`warning: ${loadBefore.warning}\n`);

const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
const rows = [];
for (const [index, target] of targets.entries()) {
  const dataDir = join(scratch, target.name);
  const isHandset = target.name.startsWith("handset");
  process.stdout.write(`[${index + 1}/${targets.length}] ${target.label}: starting ... `);
  const prepared = await target.prepare({
    root,
    dataDir,
    freePort,
    cpuProfDir: opts.profile && isHandset ? profileDir : null,
    count,
    runId,
  });
  /** @type {Awaited<ReturnType<typeof startServer>>[]} */
  const helpers = [];
  /** @type {Awaited<ReturnType<typeof startServer>>[]} */
  let servers = [];
  let load;
  let peakRss = [];
  try {
    for (const [h, helper] of (prepared.helpers ?? []).entries()) {
      helpers.push(
        await startServer({ ...helper, cwd: root, logFile: join(scratch, `${target.name}-helper-${h}.log`) }),
      );
    }
    // Several processes start together, as a deployment would start them; ready when all are.
    servers = await Promise.all(
      prepared.servers.map((server, i) =>
        startServer({
          name: prepared.servers.length > 1 ? `${target.label} #${i + 1}` : target.label,
          args: server.args,
          env: server.env,
          cwd: root,
          readyUrl: `http://127.0.0.1:${server.port}${prepared.readyPath}`,
          logFile: join(scratch, `${target.name}${i > 0 ? `-${i + 1}` : ""}.log`),
        }),
      ),
    );
    const readyMs = Math.max(...servers.map((s) => s.readyMs));
    process.stdout.write(`ready in ${readyMs.toFixed(0)} ms; loading ... `);
    try {
      const output = await runNode(
        [
          join(root, "bench/load/flow-client.mjs"),
          JSON.stringify({
            ...prepared.load,
            target: target.name,
            origins: prepared.servers.map((server) => `http://127.0.0.1:${server.port}`),
            concurrency,
            warmupMs,
            durationMs,
            usersPerClient,
            serverPids: servers.map((server) => server.pid),
            clockTicks,
            numberSeed: Math.floor(Math.random() * 90_000_000),
            countsUrl: prepared.countsUrl,
            calibrationFlows,
          }),
        ],
        { cwd: root },
      );
      load = JSON.parse(output.trim().split("\n").pop() ?? "{}");
    } finally {
      peakRss = await Promise.all(servers.map((server) => server.peakRssMiB()));
    }
    console.log(`${load.flowsPerSecond.toFixed(0)} flows/s`);
    if (Object.keys(load.errors).length > 0) console.log(`  errors: ${JSON.stringify(load.errors)}`);
    rows.push({
      name: target.name,
      label: target.label,
      processes: servers.length,
      readyMs,
      // The largest process's peak (the per-process budget); each process's and their sum beside it.
      peakRssMiB: peakRss.some((v) => v === null) ? null : Math.max(...peakRss),
      peakRssMiBEach: peakRss,
      peakRssMiBTotal: peakRss.some((v) => v === null) ? null : peakRss.reduce((a, b) => a + b, 0),
      load,
    });
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    for (const helper of helpers.reverse()) await helper.stop();
    await prepared.cleanup?.();
  }
}

const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
console.log(`\n${table(rows)}\n`);
console.log(`median of each step inside a flow (ms):\n${stepTable(rows)}\n`);

console.log(
  `work per flow (counted over the window; per step from ${calibrationFlows} single flows):\n${workTable(rows)}\n`,
);

const ratios = {};
for (const [name, row] of Object.entries(byName)) {
  if (!name.startsWith("handset")) continue;
  for (const other of ["peer", "durable-minimal", "ceiling"]) {
    if (!byName[other] || !(byName[other].load.flowsPerSecond > 0)) continue;
    ratios[`${name}/${other}`] = row.load.flowsPerSecond / byName[other].load.flowsPerSecond;
  }
}
if (Object.keys(ratios).length > 0) {
  console.log("ratios (flows/s, measured in this run):");
  for (const [pair, ratio] of Object.entries(ratios))
    console.log(`  ${pair.padEnd(30)} ${ratio.toFixed(2)}x`);
  console.log("");
}
const checks = targetChecks(byName);
if (checks) {
  const note =
    concurrency === 16
      ? ""
      : ` (the targets are stated at 16 concurrent flows; this run used ${concurrency})`;
  console.log(`targets${note}:\n${checks}\n`);
}

const profiles = [];
if (opts.profile) {
  for (const file of (await readdir(profileDir)).filter((f) => f.endsWith(".cpuprofile"))) {
    const summary = await summariseProfile(join(profileDir, file));
    profiles.push({ file: join(profileDir, file), summary });
    console.log(`CPU profile of Handset: ${join(profileDir, file)}\n${formatProfile(summary)}\n`);
  }
}

await mkdir(resultsDir, { recursive: true });
await writeFile(
  resolve(opts.out),
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      machine: {
        ...host,
        loadAverageAtStart: loadBefore.oneMinute,
        loadAverageAtEnd: machineLoad().oneMinute,
      },
      options: { concurrency, durationMs, warmupMs, usersPerClient, calibrationFlows, count },
      results: rows,
      ratios,
      profiles: profiles.map((p) => ({ file: p.file, ...p.summary })),
    },
    null,
    2,
  )}\n`,
);
console.log(`figures written to ${resolve(opts.out)}`);
const failing = rows.filter((r) => r.load.failedFlows > 0.01 * (r.load.flows + r.load.failedFlows));
if (failing.length > 0) {
  console.error(
    `bench: more than 1% of flows failed on ${failing.map((r) => r.label).join(", ")}: these figures do not count`,
  );
  process.exitCode = 1;
}
if (opts.keep) console.log(`data directories and server logs kept in ${scratch}`);
else await rm(scratch, { recursive: true, force: true });
