import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { handsetCommand } from "../support/handset-process.js";
import { inProcessCli } from "./in-process-cli.js";

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "handset-cli-secrets-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const OLD_SECRET = Buffer.alloc(32, 6).toString("base64url");
function oldFormatFile(dir: string): string {
  const path = join(dir, "secrets.json");
  writeFileSync(path, JSON.stringify({ activeCodeKey: "k1", codeKeys: [{ id: "k1", secret: OLD_SECRET }] }), {
    mode: 0o600,
  });
  return path;
}

interface KeyJson {
  id: string;
  status: string;
  created_at: string | null;
  activates_at: string | null;
  retires_at: string | null;
}

/** `handset secrets rotate --json` in a process of its own: resolves with its exit code and output. */
function rotateInProcess(dir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, handsetCommand(["secrets", "rotate", "--json"]), {
    env: { PATH: process.env.PATH, NODE_ENV: "test", HANDSET_DATA_DIR: dir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe.concurrent("handset secrets", () => {
  it("rotate --json adds a pending key, retires the old one after the code lifetime, and prints no secret", async ({
    expect,
  }) => {
    const dir = dataDir();
    const path = oldFormatFile(dir);
    const cli = inProcessCli(dir);
    const before = Date.now();
    const result = await cli(["secrets", "rotate", "--json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout) as { added: KeyJson; pruned: string[]; keys: KeyJson[] };
    const file = JSON.parse(readFileSync(path, "utf8")) as { codeKeys: { id: string; secret: string }[] };
    for (const key of file.codeKeys) expect(result.stdout).not.toContain(key.secret);
    expect(Object.keys(out.added).sort()).toEqual([
      "activates_at",
      "created_at",
      "id",
      "retires_at",
      "status",
    ]);
    expect(out.added).toMatchObject({
      id: expect.stringMatching(/^k\d{8}a$/),
      status: "pending",
      retires_at: null,
    });
    // Two reload intervals (10 s each by default) and 5 s.
    const activatesAt = Date.parse(out.added.activates_at ?? "");
    expect(activatesAt - Date.parse(out.added.created_at ?? "")).toBe(25_000);
    expect(activatesAt).toBeGreaterThanOrEqual(before + 25_000);
    // The old key: still active, kept until the code lifetime (600 s) and 5 minutes after the switch.
    expect(out.keys[0]).toMatchObject({ id: "k1", status: "active", activates_at: null, created_at: null });
    expect(Date.parse(out.keys[0]?.retires_at ?? "") - activatesAt).toBe(600_000 + 300_000);
    expect(out.pruned).toEqual([]);
    expect(statSync(path).mode & 0o777).toBe(0o600);

    const listed = await cli(["secrets", "list", "--json"]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual({ keys: out.keys });
  });

  it("list prints a table of ids, statuses and times; --activate-in and the reload setting move the switch", async ({
    expect,
  }) => {
    const dir = dataDir();
    oldFormatFile(dir);
    const cli = inProcessCli(dir);
    const slow = await cli(["secrets", "rotate", "--json"], {
      HANDSET_SECRETS_RELOAD_SECONDS: "30",
      HANDSET_CODE_TTL_SECONDS: "300",
    });
    const slowKey = (JSON.parse(slow.stdout) as { added: KeyJson }).added;
    expect(Date.parse(slowKey.activates_at ?? "") - Date.parse(slowKey.created_at ?? "")).toBe(65_000);
    const chosen = await cli(["secrets", "rotate", "--activate-in", "2m"]);
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toMatch(/^added k\d{8}b: it takes over at \S+ \(in 120s\)$/m);

    const table = await cli(["secrets", "list"]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID\s+STATUS\s+CREATED\s+ACTIVATES\s+RETIRES$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 2))).toEqual([
      ["k1", "active"],
      [slowKey.id, "pending"],
      [expect.stringMatching(/b$/), "pending"],
    ]);
    expect(table.stdout).not.toContain(OLD_SECRET);
  });

  it("warns when the delay is shorter than two reload intervals, and refuses a malformed one", async ({
    expect,
  }) => {
    const dir = dataDir();
    oldFormatFile(dir);
    const cli = inProcessCli(dir);
    const hasty = await cli(["secrets", "rotate", "--activate-in", "5s"]);
    expect(hasty.code).toBe(0);
    expect(hasty.stderr).toMatch(/^warning: --activate-in is shorter than two reload intervals/);
    const before = readFileSync(join(dir, "secrets.json"), "utf8");
    const wrong = await cli(["secrets", "rotate", "--activate-in", "soon"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("expected a duration like 30s, 5m or 1h");
    expect(readFileSync(join(dir, "secrets.json"), "utf8")).toBe(before);
  });

  it("list without a secrets.json says so and creates nothing; a corrupt file is named", async ({
    expect,
  }) => {
    const dir = dataDir();
    const cli = inProcessCli(dir);
    const missing = await cli(["secrets", "list"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/secrets\.json does not exist yet/);
    expect(() => statSync(join(dir, "secrets.json"))).toThrow();

    writeFileSync(join(dir, "secrets.json"), "{}", { mode: 0o600 });
    const corrupt = await cli(["secrets", "rotate"]);
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toMatch(/secrets\.json: activeCodeKey/);
    expect(readFileSync(join(dir, "secrets.json"), "utf8")).toBe("{}");
  });

  it("rotations racing in separate processes all land, and the file stays whole and 0600", async ({
    expect,
  }) => {
    const dir = dataDir();
    const path = oldFormatFile(dir);
    const runs = await Promise.all([1, 2, 3].map(() => rotateInProcess(dir)));
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0, stderr: "" });
    const added = runs.map((run) => (JSON.parse(run.stdout) as { added: KeyJson }).added.id);
    const file = JSON.parse(readFileSync(path, "utf8")) as { codeKeys: { id: string }[] };
    const ids = file.codeKeys.map((k) => k.id);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    expect(ids).toEqual(expect.arrayContaining(["k1", ...added]));
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
