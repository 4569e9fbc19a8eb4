// The load generator, run in its own process by bench/run.mjs: a closed loop of `concurrency`
// clients, each running one verification flow after another on its own keep-alive connection, for
// a warm-up (not counted) and then a measured window. Prints one JSON line with the figures.
//
//   node bench/load/flow-client.mjs '<json options>'
//   { target: "handset" | "ceiling" | "peer", origin, concurrency, warmupMs, durationMs,
//     adminKey?, usersPerClient?, numberSeed }

import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { createHandsetUsers, handsetFlow, numberSource, peerFlow } from "./flows.mjs";
import { connect } from "./http.mjs";

const options = JSON.parse(process.argv[2] ?? "{}");
const { target, origin, concurrency, warmupMs, durationMs } = options;

const flow = target === "peer" ? peerFlow() : handsetFlow({ adminKey: options.adminKey ?? "none" });
const nextNumber = numberSource(options.numberSeed ?? 0);
const clients = Array.from({ length: concurrency }, () => connect(origin));

// Users to add numbers to, a separate set per client so that no two flows in flight touch one user;
// a user gathers at most (flows of its client / usersPerClient) numbers over a run.
const usersPerClient = options.usersPerClient ?? 64;
const usersOf = clients.map((_, c) => Array.from({ length: usersPerClient }, (_, u) => `bench-${c}-${u}`));
if (target === "handset") {
  await Promise.all(clients.map((client, c) => createHandsetUsers(client, options.adminKey, usersOf[c])));
}

const latencies = [];
/** @type {Record<string, number[]>} */
const stepLatencies = {};
/** @type {Record<string, number>} */
const errors = {};
const stats = { polls: 0 };
let measuredPolls = 0;
let flowsMeasured = 0;
let flowsFailed = 0;

const startedAt = performance.now();
const measureFrom = startedAt + warmupMs;
const measureUntil = measureFrom + durationMs;

/** CPU seconds the server and this process used, read at both ends of the measured window. */
async function cpuSeconds() {
  let server = null;
  if (options.serverPid) {
    try {
      const stat = await readFile(`/proc/${options.serverPid}/stat`, "utf8");
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      server = (Number(fields[11]) + Number(fields[12])) / (options.clockTicks ?? 100);
    } catch {
      server = null;
    }
  }
  const own = process.cpuUsage();
  return { server, client: (own.user + own.system) / 1e6 };
}
const cpuAt = {
  from: sleep(warmupMs).then(cpuSeconds),
  until: sleep(warmupMs + durationMs).then(cpuSeconds),
};

async function runClient(c) {
  const client = clients[c];
  const users = usersOf[c];
  for (let n = 0; performance.now() < measureUntil; n++) {
    const begin = performance.now();
    let last = begin;
    /** @type {[string, number][]} */
    const steps = [];
    const flowStats = { polls: 0 };
    const f = {
      userId: users[n % users.length],
      phone: nextNumber(),
      stats: flowStats,
      mark(step) {
        const now = performance.now();
        steps.push([step, now - last]);
        last = now;
      },
    };
    try {
      await flow(client, f);
    } catch (error) {
      const key = error.step ? `${error.step} ${error.status}` : String(error.message ?? error);
      errors[key] = (errors[key] ?? 0) + 1;
      if (begin >= measureFrom) flowsFailed += 1;
      continue;
    } finally {
      stats.polls += flowStats.polls;
    }
    const end = performance.now();
    if (begin < measureFrom || end > measureUntil) continue;
    flowsMeasured += 1;
    measuredPolls += flowStats.polls;
    latencies.push(end - begin);
    for (const [step, ms] of steps) {
      stepLatencies[step] ??= [];
      stepLatencies[step].push(ms);
    }
  }
}

await Promise.all(clients.map((_, c) => runClient(c)));
await Promise.all(clients.map((client) => client.close()));

/** @param {number[]} sorted @param {number} p */
const percentile = (sorted, p) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (values) => {
  const sorted = Float64Array.from(values).sort();
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : null,
    mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null,
  };
};

const cpuFrom = await cpuAt.from;
const cpuUntil = await cpuAt.until;
const cpuUsed = (which) =>
  cpuFrom[which] === null || cpuUntil[which] === null ? null : cpuUntil[which] - cpuFrom[which];
const serverCpu = cpuUsed("server");
const clientCpu = cpuUsed("client");
const result = {
  target,
  concurrency,
  durationMs,
  warmupMs,
  flows: flowsMeasured,
  failedFlows: flowsFailed,
  flowsPerSecond: flowsMeasured / (durationMs / 1000),
  latencyMs: summary(latencies),
  stepLatencyMs: Object.fromEntries(Object.entries(stepLatencies).map(([k, v]) => [k, summary(v)])),
  // Busy share of one core over the window, and CPU milliseconds the server spent per flow: these
  // hold up better than flows/s when other work shares the machine.
  serverCpuShare: serverCpu === null ? null : serverCpu / (durationMs / 1000),
  serverCpuMsPerFlow: serverCpu === null || flowsMeasured === 0 ? null : (serverCpu * 1000) / flowsMeasured,
  clientCpuShare: clientCpu === null ? null : clientCpu / (durationMs / 1000),
  codeReadsPerFlow: flowsMeasured ? measuredPolls / flowsMeasured : null,
  errors,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
