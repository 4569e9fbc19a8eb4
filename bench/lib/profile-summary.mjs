// Reads a V8 .cpuprofile (from `node --cpu-prof`) and says where the busy time went: by area
// (a package, a Handset file, Node's core, the garbage collector) and by function, self and total.
import { readFile } from "node:fs/promises";

const IDLE = new Set(["(idle)", "(root)"]);

/** @param {{ functionName: string, url: string }} frame */
function areaOf(frame) {
  const { url, functionName } = frame;
  if (!url) return functionName || "(anonymous native)";
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1];
  const own = /\/(dist|src)\/(.+)$/.exec(url);
  if (own) return `handset ${own[2]}`;
  if (url.startsWith("node:")) return "node core";
  return url.replace(/^file:\/\//, "");
}

/** @param {{ functionName: string, url: string, lineNumber: number }} frame */
function functionOf(frame) {
  const area = areaOf(frame);
  if (!frame.url) return area;
  return `${frame.functionName || "(anonymous)"} ${area}:${frame.lineNumber + 1}`;
}

/**
 * @param {string} path a .cpuprofile file
 * @param {{ top?: number }} [options]
 */
export async function summariseProfile(path, options = {}) {
  const top = options.top ?? 20;
  const profile = JSON.parse(await readFile(path, "utf8"));
  /** @type {Map<number, any>} */
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  let busy = 0;
  const selfByArea = new Map();
  const selfByFunction = new Map();
  const totalByFunction = new Map();
  for (const [id, us] of self) {
    const node = nodes.get(id);
    if (!node || IDLE.has(node.callFrame.functionName)) continue;
    busy += us;
    const area = areaOf(node.callFrame);
    selfByArea.set(area, (selfByArea.get(area) ?? 0) + us);
    const fn = functionOf(node.callFrame);
    selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + us);
    // Total (inclusive) time: credit every distinct function on the stack once.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = nodes.get(at).callFrame;
      if (IDLE.has(frame.functionName)) continue;
      const key = functionOf(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      totalByFunction.set(key, (totalByFunction.get(key) ?? 0) + us);
    }
  }
  const wall = profile.endTime - profile.startTime;
  const rank = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: busy ? us / busy : 0 }));
  return {
    wallMs: wall / 1000,
    busyMs: busy / 1000,
    selfByArea: rank(selfByArea),
    selfByFunction: rank(selfByFunction),
    totalByFunction: rank(totalByFunction),
  };
}

/** @param {Awaited<ReturnType<typeof summariseProfile>>} summary */
export function formatProfile(summary) {
  const pct = (share) => `${(share * 100).toFixed(1).padStart(5)}%`;
  const lines = [
    `busy ${summary.busyMs.toFixed(0)} ms of ${summary.wallMs.toFixed(0)} ms profiled (shares are of busy time)`,
    "",
    "self time by area:",
    ...summary.selfByArea.map((r) => `  ${pct(r.share)}  ${r.name}`),
    "",
    "self time by function:",
    ...summary.selfByFunction.map((r) => `  ${pct(r.share)}  ${r.name}`),
    "",
    "total time (self + callees) by function:",
    ...summary.totalByFunction.map((r) => `  ${pct(r.share)}  ${r.name}`),
  ];
  return lines.join("\n");
}
