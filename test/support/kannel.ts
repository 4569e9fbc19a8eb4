import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.js";

/** Debian's `kannel` (bearerbox, smsbox) and `kannel-extras` (fakesmsc); `.ci/run` installs them. */
export const KANNEL_BINARIES = {
  bearerbox: "/usr/sbin/bearerbox",
  smsbox: "/usr/sbin/smsbox",
  fakesmsc: "/usr/lib/kannel/test/fakesmsc",
};

export const KANNEL_MISSING = Object.values(KANNEL_BINARIES).filter((path) => !existsSync(path));

/** Says why the Kannel tests skip, so a green run never hides that they did not run. */
export function noteKannelSkipped(what: string): void {
  if (KANNEL_MISSING.length === 0) return;
  console.log(
    `[skipped] ${what}: ${KANNEL_MISSING.join(", ")} not found. ` +
      "Install Debian's kannel and kannel-extras packages (.ci/run does) to run the Kannel tests.",
  );
}

export interface KannelGateway {
  sendsmsUrl: string;
  username: string;
  password: string;
  /** Everything fakesmsc printed so far: one `Got message N: <from to type text>` line per SMS. */
  fakesmscOutput(): string;
  /** Waits until fakesmsc has printed a line containing every one of `parts`; returns that line. */
  waitForMessage(parts: string[], timeoutMs?: number): Promise<string>;
  stopSmsbox(): Promise<void>;
  startSmsbox(): Promise<void>;
  close(): Promise<void>;
}

/** Polls `probe` until it gives a value: for what Kannel's processes do in their own time. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * A real Kannel in a temp dir: bearerbox (admin and smsbox ports), smsbox (sendsms on its own port,
 * one `sendsms-user`) and fakesmsc as the SMSC, every port free and on 127.0.0.1. Ready when bearerbox
 * reports the smsbox connected and the fake SMSC online, and smsbox's sendsms port answers.
 */
export async function startKannel(): Promise<KannelGateway> {
  const dir = mkdtempSync(join(tmpdir(), "handset-kannel-"));
  const [adminPort, boxPort, smscPort, sendsmsPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const adminPassword = "admin-secret";
  const username = "handset";
  const password = "kannel-secret";
  mkdirSync(join(dir, "spool"));
  const conf = join(dir, "kannel.conf");
  writeFileSync(
    conf,
    `group = core
admin-port = ${adminPort}
admin-interface = 127.0.0.1
admin-password = ${adminPassword}
smsbox-port = ${boxPort}
smsbox-interface = 127.0.0.1
box-allow-ip = 127.0.0.1
log-level = 1
log-file = "${join(dir, "bearerbox.log")}"
store-type = spool
store-location = "${join(dir, "spool")}"

group = smsc
smsc = fake
smsc-id = fake
port = ${smscPort}
connect-allow-ip = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = ${boxPort}
sendsms-port = ${sendsmsPort}
sendsms-interface = 127.0.0.1
log-level = 1
log-file = "${join(dir, "smsbox.log")}"

group = sendsms-user
username = ${username}
password = ${password}
`,
  );
  const children: ChildProcess[] = [];
  const launch = (path: string, args: string[]): ChildProcess => {
    const child = spawn(path, args, { cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
    children.push(child);
    return child;
  };
  let output = "";
  let smsbox: ChildProcess | undefined;
  const statusUrl = `http://127.0.0.1:${adminPort}/status.txt?password=${adminPassword}`;
  const sendsmsUrl = `http://127.0.0.1:${sendsmsPort}/cgi-bin/sendsms`;

  const startSmsbox = async () => {
    const child = launch(KANNEL_BINARIES.smsbox, [conf]);
    child.stdout?.resume();
    child.stderr?.resume();
    smsbox = child;
    await until("smsbox to connect to bearerbox and open its sendsms port", async () => {
      const status = await (await fetch(statusUrl)).text();
      if (!/smsbox:\(none\), IP 127\.0\.0\.1/.test(status)) return undefined;
      const answer = await fetch(sendsmsUrl);
      await answer.text();
      return true;
    });
  };

  const gateway: KannelGateway = {
    sendsmsUrl,
    username,
    password,
    fakesmscOutput: () => output,
    async waitForMessage(parts, timeoutMs = 10_000) {
      return until(
        `fakesmsc to print ${parts.join(" and ")}`,
        async () =>
          output
            .split("\n")
            .find((line) => line.includes("Got message") && parts.every((part) => line.includes(part))),
        timeoutMs,
      );
    },
    async stopSmsbox() {
      if (smsbox) await stop(smsbox);
      await until("bearerbox to see smsbox gone", async () => {
        const status = await (await fetch(statusUrl)).text();
        return /smsbox:\(none\), IP/.test(status) ? undefined : true;
      });
    },
    startSmsbox,
    async close() {
      for (const child of children.reverse()) await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };

  try {
    const bearerbox = launch(KANNEL_BINARIES.bearerbox, [conf]);
    bearerbox.stdout?.resume();
    bearerbox.stderr?.resume();
    await until("bearerbox's admin port", async () => ((await fetch(statusUrl)).ok ? true : undefined));
    // fakesmsc without messages to send reads them from stdin, and stops at its end: the pipe stays open.
    const fakesmsc = launch(KANNEL_BINARIES.fakesmsc, [
      "-H",
      "127.0.0.1",
      "-r",
      String(smscPort),
      "-i",
      "0",
      "-m",
      "0",
    ]);
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
    };
    fakesmsc.stdout?.on("data", collect);
    fakesmsc.stderr?.on("data", collect);
    await until("the fake SMSC to come online", async () => {
      const status = await (await fetch(statusUrl)).text();
      return /fake\[fake\]\s+FAKE:\d+ \(online/.test(status) ? true : undefined;
    });
    await startSmsbox();
    return gateway;
  } catch (error) {
    await gateway.close();
    throw error;
  }
}
