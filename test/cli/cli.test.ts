import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseExpiry, runCli } from "../../src/cli/main.js";
import { handsetCommand } from "../support/handset-process.js";
import { bearer, createTestApp } from "../support/harness.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const tempDirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "handset-cli-"));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A clean environment: nothing from the test runner leaks into the CLI's configuration. */
function environment(extra: Record<string, string>): Record<string, string | undefined> {
  return { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", ...extra };
}

/**
 * The CLI run in this process, as bin.ts runs it, with its environment and output injected: a command
 * line costs milliseconds here, where a process of its own costs a Node start-up.
 */
async function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    env: environment({ HANDSET_DATA_DIR: dataDir(), ...env }),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

/** The shipped executable, `node dist/handset.mjs` (built by the global setup), in its own process. */
function spawnHandset(args: string[], env: Record<string, string>, cwd: string): ChildProcess {
  return spawn(process.execPath, handsetCommand(args), {
    cwd,
    env: environment(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs the executable to its end on a fresh data directory (unless `env` names one). */
function run(args: string[], env: Record<string, string> = {}): Promise<Run & { signal: string | null }> {
  return new Promise((done, fail) => {
    const child = spawnHandset(args, { HANDSET_DATA_DIR: dataDir(), ...env }, dataDir());
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", fail);
    child.on("close", (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

/** Non-empty lines of an output. */
const lines = (text: string) => text.split("\n").filter((line) => line.trim().length > 0);

// The few command lines proven on the shipped executable run side by side, each in its own process on its
// own data directory; every other command line runs in this process.
describe.concurrent("the shipped executable (node dist/handset.mjs)", () => {
  it("prints its help and exits 0", async ({ expect }) => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    for (const command of ["serve", "migrate", "keys", "tokens", "phone"]) {
      expect(result.stdout).toContain(command);
    }
    expect(result.stderr).toBe("");
  });

  it("exits 2 with one line on stderr for a bad command line", async ({ expect }) => {
    const result = await run(["tokens", "create", "--user", "u", "--scopes", "phone:read,nope"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "handset: option '--scopes <list>' argument 'phone:read,nope' is invalid. unknown scope nope\n",
    );
    expect(result.stdout).toBe("");
  });
});

describe.concurrent("handset --help", () => {
  it("lists every command and exits 0", async ({ expect }) => {
    const result = await cli(["--help"]);
    expect(result.code).toBe(0);
    for (const command of ["serve", "migrate", "keys", "tokens", "phone", "providers"]) {
      expect(result.stdout).toContain(command);
    }
    expect(result.stderr).toBe("");
  });

  it.for<[string[], string[]]>([
    [
      ["keys", "create", "--help"],
      ["--tenant", "--scopes", "--json", "--format"],
    ],
    [
      ["tokens", "create", "--help"],
      ["--user", "--scopes", "--expires", "--json"],
    ],
    [["serve", "--help"], ["Run the HTTP server"]],
    [["migrate", "--help"], ["latest version"]],
    [
      ["phone", "--help"],
      ["sms-code-send", "verify", "delete"],
    ],
  ])("handset %j describes its options and exits 0", async ([args, expected], { expect }) => {
    const result = await cli(args);
    expect(result.code).toBe(0);
    for (const text of expected) expect(result.stdout).toContain(text);
    expect(result.stderr).toBe("");
  });
});

describe.concurrent("bad arguments", () => {
  it.for<[string, string[], RegExp]>([
    ["an unknown command", ["frobnicate"], /unknown command 'frobnicate'/],
    ["an unknown option", ["keys", "create", "--bogus"], /unknown option '--bogus'/],
    ["an unknown top-level option", ["--bogus"], /unknown option '--bogus'/],
    ["a missing --user", ["tokens", "create"], /--user/],
    ["an unknown scope", ["tokens", "create", "--user", "u", "--scopes", "phone:read,nope"], /nope/],
    ["an unknown admin scope", ["keys", "create", "--scopes", "everything"], /everything/],
    ["a bad --expires", ["tokens", "create", "--user", "u", "--expires", "soon"], /--expires/],
    [
      "an --expires beyond any date",
      ["tokens", "create", "--user", "u", "--expires", "999999999d"],
      /--expires/,
    ],
    ["an option without its value", ["tokens", "create", "--user"], /--user/],
    ["an empty --scopes", ["tokens", "create", "--user", "u", "--scopes", ""], /--scopes.*at least one/],
    ["an empty admin --scopes", ["keys", "create", "--scopes", " , "], /--scopes.*at least one/],
    [
      "an admin scope on a user token",
      ["tokens", "create", "--user", "u", "--scopes", "users:read"],
      /users:read/,
    ],
    ["a malformed --tenant", ["keys", "create", "--tenant", "bad tenant"], /--tenant/],
    ["a malformed token --tenant", ["tokens", "create", "--user", "u", "--tenant", "a/b"], /--tenant/],
    ["a malformed user id", ["tokens", "create", "--user", "bad/id"], /user id/],
    [
      "an expiry in the past",
      ["tokens", "create", "--user", "u", "--expires", "2020-01-01T00:00:00Z"],
      /future/,
    ],
  ])("%s: one line on stderr, exit 2", async ([, args, message], { expect }) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^handset: /);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });

  it("no command at all: the usage on stderr, exit 2", async ({ expect }) => {
    const result = await cli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: handset/);
    expect(result.stdout).toBe("");
  });

  it("a bad configuration: one line naming the variable, exit 2", async ({ expect }) => {
    const result = await cli(["migrate"], { HANDSET_PORT: "abc" });
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^handset: invalid configuration: .*HANDSET_PORT/);
  });

  it("a webhook provider without its URL: one line, exit 2", async ({ expect }) => {
    const result = await cli(["keys", "create"], { HANDSET_SMS_PROVIDER: "webhook" });
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/HANDSET_WEBHOOK_URL/);
  });
});

describe("handset migrate", () => {
  it("applies the migrations once, then says the schema is up to date", async () => {
    const dir = dataDir();
    const first = await cli(["migrate"], { HANDSET_DATA_DIR: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^applied: \S+/);
    expect(existsSync(join(dir, "handset.sqlite"))).toBe(true);
    const second = await cli(["migrate"], { HANDSET_DATA_DIR: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe("schema is up to date\n");
  });
});

describe.concurrent("credentials from the CLI", () => {
  it("keys create --json (its own process) prints a secret the server accepts, and keeps secrets.json at 0600", async ({
    expect,
  }) => {
    const dir = dataDir();
    const result = await run(["keys", "create", "--json"], { HANDSET_DATA_DIR: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const issued = JSON.parse(result.stdout) as { secret: string; tenant_id: string; expires_at: null };
    // The same snake_case shape as POST /v1/credentials answers.
    expect(issued.tenant_id).toBe("default");
    expect(issued.expires_at).toBeNull();
    expect(issued.secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, "secrets.json")).mode & 0o777).toBe(0o600);

    const t = await createTestApp({ dataDir: dir });
    try {
      const ok = await t.app.inject({ method: "GET", url: "/v1/users", headers: bearer(issued.secret) });
      expect(ok.statusCode).toBe(200);
      const wrong = await t.app.inject({
        method: "GET",
        url: "/v1/users",
        headers: bearer(`${issued.secret}x`),
      });
      expect(wrong.statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });

  it("tightens a secrets.json left readable by others back to 0600", async ({ expect }) => {
    const dir = dataDir();
    const path = join(dir, "secrets.json");
    const secret = Buffer.alloc(32, 3).toString("base64url");
    writeFileSync(path, JSON.stringify({ activeCodeKey: "k1", codeKeys: [{ id: "k1", secret }] }), {
      mode: 0o644,
    });
    chmodSync(path, 0o644);
    const result = await cli(["keys", "create"], { HANDSET_DATA_DIR: dir });
    expect(result.code).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // The existing key is kept: codes already sent stay redeemable.
    expect(JSON.parse(readFileSync(path, "utf8")).codeKeys[0].secret).toBe(secret);
  });

  it("keys create without --json shows the secret once, in words", async ({ expect }) => {
    const result = await cli(["keys", "create", "--tenant", "acme", "--name", "ci"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^tenant: +acme$/m);
    expect(result.stdout).toMatch(/^secret: +\S{32,}$/m);
    expect(result.stdout).toContain("shown this once");
  });

  it("tokens create --user u --json prints a token for that user only", async ({ expect }) => {
    const dir = dataDir();
    const result = await cli(["tokens", "create", "--user", "u", "--json", "--expires", "30d"], {
      HANDSET_DATA_DIR: dir,
    });
    expect(result.code).toBe(0);
    const issued = JSON.parse(result.stdout) as {
      secret: string;
      user_id: string;
      scopes: string[];
      expires_at: string;
    };
    expect(issued.user_id).toBe("u");
    expect(issued.scopes).toEqual(expect.arrayContaining(["phone:read", "phone:write", "phone:verify"]));
    // 30 days from the CLI's run, give or take the test's own duration.
    expect(Math.abs(Date.parse(issued.expires_at) - (Date.now() + 30 * 86_400_000))).toBeLessThan(120_000);
    expect(statSync(join(dir, "secrets.json")).mode & 0o777).toBe(0o600);

    const t = await createTestApp({ dataDir: dir });
    try {
      const me = await t.app.inject({ method: "GET", url: "/v1/me", headers: bearer(issued.secret) });
      expect(me.statusCode).toBe(200);
      expect(me.json().id).toBe("u");
      // A user token is not an admin key.
      const users = await t.app.inject({ method: "GET", url: "/v1/users", headers: bearer(issued.secret) });
      expect(users.statusCode).toBe(403);
    } finally {
      await t.close();
    }
  });

  it("tokens create --scopes keeps exactly the scopes given", async ({ expect }) => {
    const result = await cli(["tokens", "create", "--user", "u", "--scopes", "phone:read", "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).scopes).toEqual(["phone:read"]);
  });
});

describe.concurrent("handset serve (its own process)", () => {
  it("exits 1 with one line when its port is taken", async ({ expect }) => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, "127.0.0.1", done));
    try {
      const port = String((blocker.address() as AddressInfo).port);
      const result = await run(["serve"], { HANDSET_PORT: port, HANDSET_LOG_LEVEL: "silent" });
      expect(result.code).toBe(1);
      expect(lines(result.stderr)).toHaveLength(1);
      expect(result.stderr).toMatch(/^handset: .*EADDRINUSE/);
    } finally {
      await new Promise<void>((done) => blocker.close(() => done()));
    }
  });

  it("refuses the inbox provider in production", async ({ expect }) => {
    const result = await run(["serve"], { NODE_ENV: "production", HANDSET_PORT: "0" });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/refusing to start/);
    expect(result.stderr).toMatch(/HANDSET_ALLOW_DEV_PROVIDER_IN_PRODUCTION/);
  });

  it("starts in production with the inbox provider when explicitly allowed, and stops on SIGTERM", async ({
    expect,
    onTestFinished,
  }) => {
    const dir = dataDir();
    const started = spawnHandset(
      ["serve"],
      {
        NODE_ENV: "production",
        HANDSET_ALLOW_DEV_PROVIDER_IN_PRODUCTION: "true",
        HANDSET_PORT: "0",
        HANDSET_DATA_DIR: dir,
        HANDSET_LOG_LEVEL: "info",
      },
      dir,
    );
    onTestFinished(() => {
      if (started.exitCode === null && started.signalCode === null) started.kill("SIGKILL");
    });
    let stderr = "";
    started.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const address = await new Promise<string>((done, fail) => {
      let stdout = "";
      started.stdout?.on("data", (chunk: Buffer) => {
        stdout += chunk.toString("utf8");
        const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (listening?.[1]) done(listening[1]);
      });
      started.on("exit", (code) => fail(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    const health = await fetch(`${address}/healthz`);
    expect(health.status).toBe(200);
    // Production hides the development inbox even when the inbox provider is allowed.
    expect((await fetch(`${address}/dev/inbox`)).status).toBe(404);
    expect(statSync(join(dir, "secrets.json")).mode & 0o777).toBe(0o600);

    const exited = new Promise<number | null>((done) => started.on("exit", (code) => done(code)));
    started.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

describe("parseExpiry", () => {
  const now = Date.UTC(2026, 0, 1);
  it.each([
    ["45s", now + 45_000],
    ["90m", now + 90 * 60_000],
    ["12h", now + 12 * 3_600_000],
    ["30d", now + 30 * 86_400_000],
    ["2026-02-01T00:00:00Z", Date.UTC(2026, 1, 1)],
    ["2026-02-01", Date.UTC(2026, 1, 1)],
    ["2026-02-01T10:00Z", Date.UTC(2026, 1, 1, 10)],
    ["2026-02-01T10:00:30.5+02:00", Date.UTC(2026, 1, 1, 8, 0, 30, 500)],
    ["2028-02-29T00:00:00Z", Date.UTC(2028, 1, 29)],
  ])("reads %s", (input, expected) => {
    expect(parseExpiry(input, now)).toBe(expected);
  });

  it.each([
    "soon",
    "30",
    "d",
    "-5d",
    "30 days",
    // V8's Date.parse reads these as dates in 2001; they are not ISO 8601.
    "1",
    "12",
    "Jan 5",
    "2030/01/05",
    // Dates that do not exist, which Date.parse rolls over into the next month.
    "2030-02-30",
    "2027-02-29T00:00:00Z",
    "2030-01-05T25:00Z",
    // Beyond what a date can hold: the credential would be stored, then its expiry not printable.
    "999999999d",
  ])("refuses %s", (input) => {
    expect(() => parseExpiry(input, now)).toThrow(/duration/);
  });
});
