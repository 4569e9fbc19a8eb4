#!/usr/bin/env node
// `npm run bench`: Handset against its peer (better-auth's phone-number plugin) and the ceiling (bare
// Fastify), one after another in one run, with the same load generator in its own process.
// See BENCHMARKS.md for what is measured and how to read it; `npm run bench -- --help` for options.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatProfile, summariseProfile } from "./lib/profile-summary.mjs";
import { machine, machineLoad, stepTable, table, targetChecks } from "./lib/report.mjs";
import { freePort, runNode, startServer } from "./lib/server-process.mjs";
import { allTargets } from "./lib/targets.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const USAGE = `usage: npm run bench -- [options]

  --concurrency N     flows in flight at once (closed loop)            default 16
  --duration S        measured seconds per target                      default 20
  --warmup S          seconds run before measuring, not counted        default 5
  --targets LIST      comma-separated: handset,peer,ceiling,handset-pg  default all
                      (handset-pg runs only when DATABASE_URL is set)
  --users-per-client N  users each client adds its numbers to          default 64
  --profile           run Handset under --cpu-prof and print where its CPU time went
  --no-build          use dist/ as it is (default: npm run build first)
  --handset-bin PATH  Handset's CLI to start (default dist/handset.mjs): to compare two builds
  --out FILE          write the figures as JSON                        default bench/results/latest.json
  --keep              keep the temporary data directories and server logs

Environment: DATABASE_URL adds Handset on PostgreSQL (a fresh tenant per run), BENCH_TMPDIR picks where
the SQLite files go (default: the OS temp dir).`;

const { values: opts } = parseArgs({
  options: {
    concurrency: { type: "string", default: "16" },
    duration: { type: "string", default: "20" },
    warmup: { type: "string", default: "5" },
    targets: { type: "string" },
    "users-per-client": { type: "string", default: "64" },
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

const databaseUrl = process.env.DATABASE_URL || undefined;
const handsetBin = resolve(opts["handset-bin"] ?? join(root, "dist/handset.mjs"));
const available = allTargets({ databaseUrl, handsetBin });
const wanted = opts.targets?.split(",").map((t) => t.trim()) ?? available.map((t) => t.name);
for (const name of wanted) {
  if (!available.some((t) => t.name === name)) {
    const why = name === "handset-pg" ? " (set DATABASE_URL)" : "";
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

const rows = [];
for (const [index, target] of targets.entries()) {
  const port = await freePort();
  const dataDir = join(scratch, target.name);
  const isHandset = target.name.startsWith("handset");
  const prepared = await target.prepare({
    root,
    dataDir,
    port,
    cpuProfDir: opts.profile && isHandset ? profileDir : null,
  });
  const origin = `http://127.0.0.1:${port}`;
  process.stdout.write(`[${index + 1}/${targets.length}] ${target.label}: starting ... `);
  const server = await startServer({
    name: target.label,
    args: prepared.args,
    env: prepared.env,
    cwd: root,
    readyUrl: `${origin}${prepared.readyPath}`,
    logFile: join(scratch, `${target.name}.log`),
  });
  process.stdout.write(`ready in ${server.readyMs.toFixed(0)} ms; loading ... `);
  let load;
  let peakRssMiB = null;
  try {
    const output = await runNode(
      [
        join(root, "bench/load/flow-client.mjs"),
        JSON.stringify({
          ...prepared.load,
          origin,
          concurrency,
          warmupMs,
          durationMs,
          usersPerClient,
          serverPid: server.pid,
          clockTicks,
          numberSeed: Math.floor(Math.random() * 90_000_000),
        }),
      ],
      { cwd: root },
    );
    load = JSON.parse(output.trim().split("\n").pop() ?? "{}");
  } finally {
    peakRssMiB = await server.peakRssMiB();
    await server.stop();
  }
  console.log(`${load.flowsPerSecond.toFixed(0)} flows/s`);
  if (Object.keys(load.errors).length > 0) console.log(`  errors: ${JSON.stringify(load.errors)}`);
  rows.push({ name: target.name, label: target.label, readyMs: server.readyMs, peakRssMiB, load });
}

const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
console.log(`\n${table(rows)}\n`);
console.log(`median of each step inside a flow (ms):\n${stepTable(rows)}\n`);

const handset = byName.handset;
const ratios = {};
for (const [name, row] of Object.entries(byName)) {
  if (!name.startsWith("handset")) continue;
  for (const other of ["peer", "ceiling"]) {
    if (!byName[other]) continue;
    ratios[`${name}/${other}`] = row.load.flowsPerSecond / byName[other].load.flowsPerSecond;
  }
}
if (Object.keys(ratios).length > 0) {
  console.log("ratios (flows/s, measured in this run):");
  for (const [pair, ratio] of Object.entries(ratios))
    console.log(`  ${pair.padEnd(20)} ${ratio.toFixed(2)}x`);
  console.log("");
}
if (handset) {
  const note =
    concurrency === 16
      ? ""
      : ` (the targets are stated at 16 concurrent flows; this run used ${concurrency})`;
  console.log(`targets${note}:\n${targetChecks(handset, byName.peer, byName.ceiling)}\n`);
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
      options: { concurrency, durationMs, warmupMs, usersPerClient },
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
