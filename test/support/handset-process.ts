import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/**
 * What ships: the bundle `npm start` and the `handset` bin run. test/support/global-setup.ts builds
 * it afresh at the start of every test run, so it is never stale.
 */
export const HANDSET_BIN = "dist/handset.mjs";

/** `node dist/handset.mjs ...args` as `npm start` runs it; its path is absolute, so any cwd will do. */
export function handsetCommand(args: readonly string[]): string[] {
  return ["--enable-source-maps", join(ROOT, HANDSET_BIN), ...args];
}

/** One `handset` CLI run in its own OS process. */
export interface HandsetProcess {
  name: string;
  child: ChildProcess;
  /** stdout and stderr so far, for failure messages. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/** A `handset serve` process listening on a free port of 127.0.0.1. */
export interface HandsetServer extends HandsetProcess {
  baseUrl: string;
  /** SIGTERM: a clean shutdown. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies where it stands, as in a crash or an OOM kill. */
  kill(): Promise<void>;
}

/** Environment for the child: the parent's, minus any Handset setting that would leak into it. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith("HANDSET_") && key !== "DATABASE_URL" && !key.startsWith("VITEST"),
    ),
  );
  return { ...base, NODE_ENV: "test", ...env };
}

export function runHandset(name: string, args: string[], env: Record<string, string>): HandsetProcess {
  const child = spawn(process.execPath, handsetCommand(args), {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
  });
  return { name, child, output: () => output, exited };
}

/** Runs a CLI command to its end; resolves with its exit code and output. */
export async function runHandsetToEnd(
  name: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | string; output: string }> {
  const run = runHandset(name, args, env);
  const code = await run.exited;
  return { code, output: run.output() };
}

/**
 * Starts `handset serve` with the given environment (port 0: the OS picks one) and resolves once it
 * listens, reading the address from its log line.
 */
export async function spawnHandsetServer(
  name: string,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<HandsetServer> {
  const run = runHandset(name, ["serve"], {
    HANDSET_HOST: "127.0.0.1",
    HANDSET_PORT: "0",
    HANDSET_LOG_LEVEL: "info",
    ...env,
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      run.child.kill("SIGKILL");
      reject(new Error(`${name} did not listen within ${timeoutMs} ms:\n${run.output()}`));
    }, timeoutMs);
    const onData = () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(run.output());
      if (match?.[1]) {
        clearTimeout(timer);
        run.child.stdout?.off("data", onData);
        resolve(match[1]);
      }
    };
    run.child.stdout?.on("data", onData);
    void run.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before listening:\n${run.output()}`));
    });
  });
  const end = async (signal: NodeJS.Signals) => {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill(signal);
    await run.exited;
  };
  return { ...run, baseUrl, stop: () => end("SIGTERM"), kill: () => end("SIGKILL") };
}
