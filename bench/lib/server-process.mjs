// Starting a server under test as its own process, timing it to ready, reading its peak memory,
// and stopping it so that it can write its CPU profile.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { request } from "node:http";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** The parent's environment with `overrides` applied; an undefined value removes the variable. */
export function childEnv(overrides = {}) {
  const env = { ...process.env, ...overrides };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}

/** A free TCP port on 127.0.0.1, from the kernel. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** @param {string} url */
function answersOk(url) {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, timeout: 1_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode === 200));
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

/**
 * Spawns `node <args>` and waits until GET <readyUrl> answers 200. Start-to-ready is measured from
 * just before the spawn to the first 200.
 * @param {{ name: string, args: string[], env: Record<string, string>, cwd: string, readyUrl: string,
 *   logFile: string, timeoutMs?: number }} spec
 */
export async function startServer(spec) {
  const log = createWriteStream(spec.logFile);
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, spec.args, {
    cwd: spec.cwd,
    env: childEnv(spec.env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = null;
  const exit = new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });
  const deadline = spawnedAt + (spec.timeoutMs ?? 30_000);
  for (;;) {
    if (exited)
      throw new Error(
        `${spec.name} exited before it was ready (${JSON.stringify(exited)}); see ${spec.logFile}`,
      );
    if (await answersOk(spec.readyUrl)) break;
    if (performance.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(
        `${spec.name} was not ready within ${spec.timeoutMs ?? 30_000} ms; see ${spec.logFile}`,
      );
    }
    await sleep(2);
  }
  const readyMs = performance.now() - spawnedAt;
  return {
    pid: child.pid,
    readyMs,
    /** Peak resident set size (VmHWM) so far, in MiB; null where /proc is missing. */
    async peakRssMiB() {
      try {
        const status = await readFile(`/proc/${child.pid}/status`, "utf8");
        const kb = /^VmHWM:\s+(\d+) kB/m.exec(status);
        return kb ? Number(kb[1]) / 1024 : null;
      } catch {
        return null;
      }
    },
    /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
    async stop(graceMs = 10_000) {
      if (!exited) child.kill("SIGTERM");
      const done = await Promise.race([exit, sleep(graceMs).then(() => null)]);
      if (!done) {
        child.kill("SIGKILL");
        await exit;
      }
      log.end();
      return exited;
    },
  };
}

/**
 * Runs a node script to completion and answers its stdout (throws with its stderr on failure).
 * @param {string[]} args
 * @param {{ cwd: string, env?: Record<string, string> }} options
 */
export function runNode(args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: childEnv(options.env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`node ${args.join(" ").slice(0, 200)} exited with ${code}: ${stderr.trim()}`));
    });
  });
}
