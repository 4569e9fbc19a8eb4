// Printing a run: the machine, one row per target, the ratios, and the targets Handset aims at.
import { availableParallelism, cpus, loadavg, release, totalmem } from "node:os";

export function machine() {
  return {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model?.trim() ?? "unknown",
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${process.platform} ${release()}`,
  };
}

/** The 1-minute load average, and a warning when other work already keeps the CPUs busy. */
export function machineLoad() {
  const [oneMinute] = loadavg();
  const cores = availableParallelism();
  const busy = oneMinute > cores * 0.5;
  return {
    oneMinute,
    warning: busy
      ? `load average ${oneMinute.toFixed(2)} on ${cores} CPUs: other work is running, figures will be low and noisy`
      : null,
  };
}

const fixed = (value, digits) =>
  value === null || value === undefined || Number.isNaN(value) ? "-" : value.toFixed(digits);

/**
 * @param {{ name: string, label: string, load: any, readyMs: number, peakRssMiB: number | null }[]} rows
 */
export function table(rows) {
  const header = [
    "target",
    "flows/s",
    "p50 ms",
    "p99 ms",
    "peak RSS MiB",
    "start→ready ms",
    "server CPU ms/flow",
    "server busy",
    "client busy",
    "failed",
  ];
  const percent = (share) => (share === null || share === undefined ? "-" : `${(share * 100).toFixed(0)}%`);
  const body = rows.map((r) => [
    r.label,
    fixed(r.load.flowsPerSecond, 0),
    fixed(r.load.latencyMs.p50, 2),
    fixed(r.load.latencyMs.p99, 2),
    r.processes > 1
      ? `${fixed(r.peakRssMiB, 0)} (sum ${fixed(r.peakRssMiBTotal, 0)})`
      : fixed(r.peakRssMiB, 0),
    fixed(r.readyMs, 0),
    fixed(r.load.serverCpuMsPerFlow, 2),
    percent(r.load.serverCpuShare),
    percent(r.load.clientCpuShare),
    String(r.load.failedFlows),
  ]);
  return align(header, body);
}

/** Each step's median inside a flow, to see where a flow's time goes. */
export function stepTable(rows) {
  return rows
    .map((r) => {
      const steps = Object.entries(r.load.stepLatencyMs)
        .map(([step, s]) => `${step} ${fixed(s.p50, 2)}`)
        .join(", ");
      const reads = r.load.codeReadsPerFlow === null ? "-" : r.load.codeReadsPerFlow.toFixed(2);
      return `  ${r.label}: ${steps} (code reads per flow ${reads})`;
    })
    .join("\n");
}

/** Lines up a table: the first column left, the others right. @param {string[]} header @param {string[][]} body */
function align(header, body) {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

/**
 * What each flow cost the database, and how soon its SMS got out: statements and round trips per flow
 * over the window, the same per step from the calibration's single flows, send→SMS p50/p99.
 * @param {{ label: string, load: any }[]} rows
 */
export function workTable(rows) {
  const header = [
    "target",
    "statements/flow",
    "round trips/flow",
    "send→SMS p50 ms",
    "send→SMS p99 ms",
    "per step: statements (round trips)",
  ];
  const body = rows.map((r) => {
    const steps = r.load.calibration?.perStep
      ? Object.entries(r.load.calibration.perStep)
          .map(
            ([step, v]) =>
              `${step} ${fixed(v.statements, 1)}${v.roundTrips === null ? "" : ` (${fixed(v.roundTrips, 1)})`}`,
          )
          .join(", ")
      : "-";
    return [
      r.label,
      fixed(r.load.statementsPerFlow, 1),
      fixed(r.load.roundTripsPerFlow, 1),
      fixed(r.load.sendToSmsMs?.p50, 2),
      fixed(r.load.sendToSmsMs?.p99, 2),
      steps,
    ];
  });
  return align(header, body);
}

/**
 * The issue's targets at 16 concurrent flows; figures, not assertions. SQLite: against the peer and
 * the durable minimal, latency, memory and start-up. PostgreSQL: against the peer, two processes
 * against one, and round trips per request on add, send and verify (authentication included).
 * @param {Record<string, any>} byName the rows of this run by target name
 */
export function targetChecks(byName) {
  const { handset, peer } = byName;
  const durable = byName["durable-minimal"];
  const pg = byName["handset-pg"];
  const pg2 = byName["handset-pg-2"];
  const checks = [];
  const check = (what, ok, figure) => checks.push(`  ${ok ? "met   " : "MISSED"}  ${what}: ${figure}`);
  const flows = (row) => row?.load.flowsPerSecond ?? 0;
  if (handset) {
    if (flows(peer) > 0) {
      const ratio = flows(handset) / flows(peer);
      check("SQLite: flows/s >= 5x the peer (stretch 10x)", ratio >= 5, `${ratio.toFixed(2)}x`);
    }
    if (flows(durable) > 0) {
      const ratio = flows(handset) / flows(durable);
      check("SQLite: flows/s >= 50% of durable-minimal", ratio >= 0.5, `${(ratio * 100).toFixed(0)}%`);
    }
    const p99 = handset.load.latencyMs.p99;
    check("SQLite: p99 flow latency < 20 ms", p99 !== null && p99 < 20, `${fixed(p99, 2)} ms`);
    check(
      "SQLite: peak RSS < 150 MiB",
      handset.peakRssMiB !== null && handset.peakRssMiB < 150,
      `${fixed(handset.peakRssMiB, 0)} MiB`,
    );
    check("SQLite: start-to-ready < 250 ms", handset.readyMs < 250, `${fixed(handset.readyMs, 0)} ms`);
  }
  if (pg && flows(peer) > 0) {
    const ratio = flows(pg) / flows(peer);
    check("PostgreSQL: flows/s >= 3x the peer (one process)", ratio >= 3, `${ratio.toFixed(2)}x`);
  }
  if (pg && pg2) {
    const ratio = flows(pg2) / Math.max(flows(pg), 1e-9);
    check("PostgreSQL: two processes not slower than one", ratio >= 1, `${ratio.toFixed(2)}x`);
  }
  // Per step, from the calibration's single flows: a step's figure includes the background work it
  // set off (send-code's includes the SMS delivery's own write, one round trip) and any poll of the
  // dispatcher's fallback loop that fell in it.
  const steps = pg?.load.calibration?.perStep;
  if (steps) {
    for (const [step, background] of [
      ["add-number", 0],
      ["send-code", 1],
      ["verify", 0],
    ]) {
      const trips = steps[step]?.roundTrips;
      if (trips === null || trips === undefined) continue;
      const request = trips - background;
      const note = background > 0 ? ` (${fixed(trips, 1)} with the SMS delivery's own write)` : "";
      check(`PostgreSQL: <= 3 round trips per ${step} request`, request < 3.5, `${fixed(request, 1)}${note}`);
    }
  }
  return checks.join("\n");
}
