import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port.js";

const SCRIPT = fileURLToPath(new URL("./smsc.pl", import.meta.url));

/** Whether Debian's libnet-smpp-perl (Perl's Net::SMPP) is here; `.ci/run` installs it. */
export const NET_SMPP_MISSING = spawnSync("perl", ["-MNet::SMPP", "-e1"]).status !== 0;

/** Says why the SMPP tests skip, so a green run never hides that they did not run. */
export function noteSmscSkipped(what: string): void {
  if (!NET_SMPP_MISSING) return;
  console.log(
    `[skipped] ${what}: perl -MNet::SMPP failed. ` +
      "Install Debian's libnet-smpp-perl package (.ci/run does) to run the SMPP tests.",
  );
}

/** A scripted SMSC (test/support/smsc.pl) and the lines it logs: one per event, `event key=value …`. */
export interface ScriptedSmsc {
  port: number;
  password: string;
  /** Every line logged so far. */
  lines(): string[];
  /** Waits for the `count`th (default first) line logged at or after index `from` that matches; returns it. */
  waitFor(pattern: RegExp, options?: { from?: number; count?: number; timeoutMs?: number }): Promise<string>;
  /** Applies a control line (see smsc.pl), resolving once the SMSC has. */
  control(line: string): Promise<void>;
  close(): Promise<void>;
}

export async function startSmsc(password = "secret"): Promise<ScriptedSmsc> {
  const port = await freePort();
  const child: ChildProcess = spawn("perl", [SCRIPT, String(port), password], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let partial = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    partial += chunk.toString("utf8");
    const complete = partial.split("\n");
    partial = complete.pop() ?? "";
    lines.push(...complete);
    for (const waiter of waiters) waiter();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });

  const smsc: ScriptedSmsc = {
    port,
    password,
    lines: () => [...lines],
    waitFor(pattern, { from = 0, count = 1, timeoutMs = 10_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = lines.slice(from).filter((l) => pattern.test(l))[count - 1];
          if (line === undefined) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(line);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `the SMSC logged no ${pattern} within ${timeoutMs} ms; it logged:\n${lines.join("\n")}\n${stderr}`,
            ),
          );
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    async control(line) {
      const from = lines.length;
      child.stdin?.write(`${line}\n`);
      await smsc.waitFor(new RegExp(`^control ${line.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`), { from });
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.stdin?.end(); // the script exits at the end of its stdin
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  try {
    await smsc.waitFor(/^listening /);
  } catch (error) {
    await smsc.close();
    throw error;
  }
  return smsc;
}
