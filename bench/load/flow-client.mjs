// The load generator, run in its own process by bench/run.mjs: a closed loop of `concurrency`
// clients, each running one verification flow after another on its own keep-alive connection, for
// a warm-up (not counted) and then a measured window. Then, when the target can count its statements,
// a short calibration: single flows one after another, with the count read between steps. Prints one
// JSON line with the figures.
//
//   node bench/load/flow-client.mjs '<json options>'
//   { target, flow: "handset" | "peer", origins: string[], codeSource: "inbox" | "sink",
//     sinkOrigin?, createUsers: "handset" | "peer" | null, concurrency, warmupMs, durationMs, adminKey?,
//     usersPerClient?, numberSeed, serverPids?, clockTicks?, countsUrl?, calibrationFlows? }
// Client c talks to origins[c % origins.length]: with two servers, the flows are spread over both.

import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import {
  createHandsetUsers,
  createPeerUsers,
  handsetFlow,
  inboxReader,
  numberSource,
  peerFlow,
  sinkReader,
} from "./flows.mjs";
import { connect } from "./http.mjs";

const options = JSON.parse(process.argv[2] ?? "{}");
const { target, concurrency, warmupMs, durationMs } = options;
const origins = options.origins ?? [options.origin];

const flow =
  options.flow === "peer"
    ? peerFlow()
    : handsetFlow({
        adminKey: options.adminKey ?? "none",
        readCode: options.codeSource === "sink" ? sinkReader() : inboxReader(),
      });
const nextNumber = numberSource(options.numberSeed ?? 0);
const clients = Array.from({ length: concurrency }, (_, c) => connect(origins[c % origins.length]));
const sinkClients = options.sinkOrigin ? clients.map(() => connect(options.sinkOrigin)) : [];

// Users to add numbers to, a separate set per client so that no two flows in flight touch one user;
// a user gathers at most (flows of its client / usersPerClient) numbers over a run. They are created
// before the clock starts, for Handset and for the peer alike.
const usersPerClient = options.usersPerClient ?? 64;
const userIdsOf = clients.map((_, c) => Array.from({ length: usersPerClient }, (_, u) => `bench-${c}-${u}`));
/** @type {{ id: string, cookie?: string }[][]} */
let usersOf = userIdsOf.map((ids) => ids.map((id) => ({ id })));
if (options.createUsers === "handset") {
  usersOf = await Promise.all(
    clients.map((client, c) => createHandsetUsers(client, options.adminKey, userIdsOf[c])),
  );
} else if (options.createUsers === "peer") {
  usersOf = await Promise.all(clients.map((client, c) => createPeerUsers(client, userIdsOf[c])));
}

/** The target's own count of statements (and round trips), where it has one; null otherwise. */
async function readCounts() {
  if (!options.countsUrl) return null;
  try {
    const response = await fetch(options.countsUrl);
    const counts = await response.json();
    return counts.available ? counts : null;
  } catch {
    return null;
  }
}

const latencies = [];
/** @type {Record<string, number[]>} */
const stepLatencies = {};
/** @type {Record<string, number>} */
const errors = {};
const stats = { polls: 0 };
/** Milliseconds from the send-code answer reaching this client to the SMS reaching the provider. */
const sendToSms = [];
let measuredPolls = 0;
let flowsMeasured = 0;
let flowsFailed = 0;
let flowsCompletedInWindow = 0;

const startedAt = performance.now();
const measureFrom = startedAt + warmupMs;
const measureUntil = measureFrom + durationMs;

/** CPU seconds the servers and this process used, and the statement counts, read at both ends of the window. */
async function cpuSeconds() {
  const pids = options.serverPids ?? (options.serverPid ? [options.serverPid] : []);
  const [counts, ...perServer] = await Promise.all([
    readCounts(),
    ...pids.map(async (pid) => {
      try {
        const stat = await readFile(`/proc/${pid}/stat`, "utf8");
        // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return (Number(fields[11]) + Number(fields[12])) / (options.clockTicks ?? 100);
      } catch {
        return null;
      }
    }),
  ]);
  const server =
    pids.length === 0 || perServer.some((v) => v === null) ? null : perServer.reduce((a, b) => a + b, 0);
  const own = process.cpuUsage();
  return { server, client: (own.user + own.system) / 1e6, counts };
}
const cpuAt = {
  from: sleep(warmupMs).then(cpuSeconds),
  until: sleep(warmupMs + durationMs).then(cpuSeconds),
};

/**
 * One flow on client c; `onStep` (calibration) is awaited after each step.
 * @param {number} c @param {number} n @param {((step: string) => Promise<void>) | null} onStep
 */
async function oneFlow(c, n, onStep) {
  const users = usersOf[c];
  const begin = performance.now();
  let last = begin;
  /** @type {[string, number][]} */
  const steps = [];
  const flowStats = { polls: 0 };
  /** @type {number | null} */
  let smsLatency = null;
  const f = {
    user: users[n % users.length],
    origin: origins[c % origins.length],
    phone: nextNumber(),
    stats: flowStats,
    sinkClient: sinkClients[c],
    sendToSms(ms) {
      smsLatency = ms;
    },
    mark(step) {
      const now = performance.now();
      steps.push([step, now - last]);
      last = now;
      return onStep ? onStep(step) : undefined;
    },
  };
  await flow(clients[c], f);
  return { begin, end: performance.now(), steps, polls: flowStats.polls, smsLatency };
}

async function runClient(c) {
  for (let n = 0; performance.now() < measureUntil; n++) {
    let outcome;
    const begin = performance.now();
    try {
      outcome = await oneFlow(c, n, null);
    } catch (error) {
      const key = error.step ? `${error.step} ${error.status}` : String(error.message ?? error);
      errors[key] = (errors[key] ?? 0) + 1;
      if (begin >= measureFrom) flowsFailed += 1;
      continue;
    }
    stats.polls += outcome.polls;
    if (outcome.end >= measureFrom && outcome.end <= measureUntil) flowsCompletedInWindow += 1;
    if (outcome.begin < measureFrom || outcome.end > measureUntil) continue;
    flowsMeasured += 1;
    measuredPolls += outcome.polls;
    latencies.push(outcome.end - outcome.begin);
    if (outcome.smsLatency !== null) sendToSms.push(outcome.smsLatency);
    for (const [step, ms] of outcome.steps) {
      stepLatencies[step] ??= [];
      stepLatencies[step].push(ms);
    }
  }
}

await Promise.all(clients.map((_, c) => runClient(c)));

/** The counts once they stop moving (background work, such as delivering an SMS, has finished). */
async function settledCounts() {
  let previous = await readCounts();
  const deadline = performance.now() + 1_000;
  for (;;) {
    await sleep(25);
    const now = await readCounts();
    const same =
      now === null ||
      previous === null ||
      (now.statements === previous.statements && now.roundTrips === previous.roundTrips);
    if (same || performance.now() > deadline) return now;
    previous = now;
  }
}

/**
 * Statements (and round trips) per step: single flows one after another on an otherwise idle server,
 * the count read once it settles after each step. A step's figure includes the background work it
 * set off (send-code: the SMS's delivery), since the count is read only after that work is done.
 */
async function calibrate(flows) {
  /** @type {Record<string, { statements: number, roundTrips: number | null }>} */
  const total = {};
  let done = 0;
  const failures = [];
  for (let i = 0; i < flows; i++) {
    let before = await settledCounts();
    if (before === null) return null;
    /** @type {[string, number, number | null][]} */
    const steps = [];
    try {
      await oneFlow(0, 1_000_000 + i, async (step) => {
        const after = await settledCounts();
        if (after === null || before === null) return;
        const trips =
          after.roundTrips === undefined || before.roundTrips === undefined
            ? null
            : after.roundTrips - before.roundTrips;
        steps.push([step, after.statements - before.statements, trips]);
        before = after;
      });
    } catch (error) {
      failures.push(String(error.message ?? error));
      continue;
    }
    done += 1;
    for (const [step, statements, trips] of steps) {
      total[step] ??= { statements: 0, roundTrips: trips === null ? null : 0 };
      total[step].statements += statements;
      if (trips !== null && total[step].roundTrips !== null) total[step].roundTrips += trips;
    }
  }
  if (done === 0) return { flows: 0, failures };
  const perStep = Object.fromEntries(
    Object.entries(total).map(([step, t]) => [
      step,
      { statements: t.statements / done, roundTrips: t.roundTrips === null ? null : t.roundTrips / done },
    ]),
  );
  const sum = (key) =>
    Object.values(perStep).some((v) => v[key] === null)
      ? null
      : Object.values(perStep).reduce((a, v) => a + v[key], 0);
  return {
    flows: done,
    perStep,
    perFlow: { statements: sum("statements"), roundTrips: sum("roundTrips") },
    failures,
  };
}

const calibrationFlows = options.calibrationFlows ?? 10;
const calibration = options.countsUrl && calibrationFlows > 0 ? await calibrate(calibrationFlows) : null;

await Promise.all([...clients, ...sinkClients].map((client) => client.close()));

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
/** @param {"statements" | "roundTrips"} key */
const countedPerFlow = (key) => {
  const from = cpuFrom.counts?.[key];
  const until = cpuUntil.counts?.[key];
  if (from === undefined || until === undefined || flowsCompletedInWindow === 0) return null;
  return (until - from) / flowsCompletedInWindow;
};
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
  // From the send-code answer reaching this client to the SMS reaching the provider (negative: the
  // SMS got there before the answer got here).
  sendToSmsMs: sendToSms.length ? summary(sendToSms) : null,
  // Counted by the target (SQLite: in the server process; PostgreSQL: on the wire) over the window,
  // divided by the flows that ended in the window.
  flowsCompletedInWindow,
  statementsPerFlow: countedPerFlow("statements"),
  roundTripsPerFlow: countedPerFlow("roundTrips"),
  calibration,
  errors,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
