import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/harness.js";

/** A mode as `ls -l` readers and the warning write it: "0600". */
const modeOf = (path: string) => `0${(statSync(path).mode & 0o777).toString(8)}`;

/** DESIGN.md: `./data` is 0700 and the files in it 0600, whatever the process umask. */
describe("the data directory's permissions", () => {
  const apps: TestApp[] = [];
  let root = "";
  let umask = 0;
  beforeAll(() => {
    // The loosest umask: the modes must come from Handset, not from the environment.
    umask = process.umask(0);
  });
  afterAll(() => {
    process.umask(umask);
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** The app on `<root>/data`, reading its secrets from the data dir as `npm start` does, with its warnings. */
  async function start() {
    const warnings: { path: string; mode: string; msg: string }[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        warnings.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const t = await createTestApp({
      dataDir: join(root, "data"),
      keyring: "secrets-file",
      logger: { level: "warn", stream },
    });
    apps.push(t);
    return { t, warnings };
  }

  const files = () => {
    const dir = join(root, "data");
    const db = join(dir, "handset.sqlite");
    return { dir, db, wal: `${db}-wal`, shm: `${db}-shm`, secrets: join(dir, "secrets.json") };
  };

  const modesOf = (f: ReturnType<typeof files>) => ({
    dir: modeOf(f.dir),
    db: modeOf(f.db),
    wal: modeOf(f.wal),
    shm: modeOf(f.shm),
    secrets: modeOf(f.secrets),
  });

  it("creates the directory 0700 and the database, its WAL, its shared memory and secrets.json 0600", async () => {
    root = mkdtempSync(join(tmpdir(), "handset-modes-"));
    const { warnings } = await start();
    // Starting wrote (migrations, the default tenant, an admin key), so the WAL and -shm exist.
    const f = files();
    expect(existsSync(f.wal) && existsSync(f.shm)).toBe(true);
    expect(modesOf(f)).toEqual({ dir: "0700", db: "0600", wal: "0600", shm: "0600", secrets: "0600" });
    expect(warnings).toEqual([]);
  });

  it("tightens a directory and files that others can read, and says so in the log", async () => {
    root = mkdtempSync(join(tmpdir(), "handset-modes-"));
    const first = await start();
    await first.t.close();
    apps.pop();
    // As an older release left them, with the WAL of a process that died.
    const f = files();
    chmodSync(f.dir, 0o755);
    chmodSync(f.db, 0o644);
    chmodSync(f.secrets, 0o644);
    writeFileSync(f.wal, "", { mode: 0o644 });
    writeFileSync(f.shm, "", { mode: 0o644 });

    const { warnings } = await start();
    expect(modesOf(f)).toEqual({ dir: "0700", db: "0600", wal: "0600", shm: "0600", secrets: "0600" });
    expect(
      warnings.map((w) => ({ path: w.path, mode: w.mode })).sort((a, b) => a.path.localeCompare(b.path)),
    ).toEqual(
      [
        { path: f.dir, mode: "0755" },
        { path: f.db, mode: "0644" },
        { path: f.wal, mode: "0644" },
        { path: f.shm, mode: "0644" },
        { path: f.secrets, mode: "0644" },
      ].sort((a, b) => a.path.localeCompare(b.path)),
    );
  });
});
