import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { replaceFileAtomically } from "../../src/code-secrets/atomic-write.js";
import {
  createReloadingKeyring,
  type ReloadLogger,
  type Repeat,
} from "../../src/code-secrets/reloading-keyring.js";
import { rotateSecretsFile } from "../../src/code-secrets/rotation.js";
import { secretsPath } from "../../src/code-secrets/secrets-file.js";
import { ManualClock } from "../../src/domain/clock.js";

const T0 = Date.UTC(2026, 11, 2, 3, 0);
const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "handset-reload-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A timer the test fires by hand: `tick()` is one poll interval passing. */
function manualRepeat() {
  const runs: (() => void)[] = [];
  const intervals: number[] = [];
  const repeat: Repeat = (intervalMs, run) => {
    intervals.push(intervalMs);
    runs.push(run);
    return () => {
      runs.splice(runs.indexOf(run), 1);
    };
  };
  const tick = () => {
    for (const run of runs) run();
  };
  return { repeat, intervals, tick, running: () => runs.length };
}

function recordingLog() {
  const errors: string[] = [];
  const infos: string[] = [];
  const log: ReloadLogger = {
    info: (_details, message) => void infos.push(message),
    error: (_details, message) => void errors.push(message),
  };
  return { log, errors, infos };
}

const keyFile = (id: string, fill: number) =>
  `${JSON.stringify({ activeCodeKey: id, codeKeys: [{ id, secret: Buffer.alloc(32, fill).toString("base64url") }] })}\n`;

describe.concurrent("the reloading keyring", () => {
  it("picks a rotation up on the next poll, and the new key once its activation has passed", async ({
    expect,
  }) => {
    const dir = dataDir();
    const clock = new ManualClock(T0);
    const timer = manualRepeat();
    const { log, infos } = recordingLog();
    const secrets = createReloadingKeyring({
      dataDir: dir,
      clock,
      intervalMs: 10_000,
      log,
      repeat: timer.repeat,
    });
    secrets.start();
    expect(timer.intervals).toEqual([10_000]);
    const first = secrets.keyring.active.id;

    const { added } = await rotateSecretsFile({
      dataDir: dir,
      clock: new ManualClock(T0),
      activateInMs: 25_000,
      keepRetiredMs: 60_000,
    });
    expect(secrets.keyring.byId.has(added.id)).toBe(false);
    timer.tick();
    expect(infos).toEqual(["reloaded the code secrets"]);
    expect(secrets.keyring.byId.has(added.id)).toBe(true);
    // Known, but not yet used for new codes: a process that has not reloaded could not verify them.
    expect(secrets.keyring.active.id).toBe(first);
    clock.advance(25_000);
    expect(secrets.keyring.active.id).toBe(added.id);
    // Nothing changed since: the next poll reads nothing.
    timer.tick();
    expect(infos).toHaveLength(1);

    secrets.stop();
    expect(timer.running()).toBe(0);
  });

  it("ignores a file that does not parse, says so once, keeps the last good keys, and takes the next good file", ({
    expect,
  }) => {
    const dir = dataDir();
    writeFileSync(secretsPath(dir), keyFile("good", 1), { mode: 0o600 });
    const { log, errors } = recordingLog();
    const secrets = createReloadingKeyring({
      dataDir: dir,
      clock: new ManualClock(T0),
      intervalMs: 10_000,
      log,
    });

    replaceFileAtomically(secretsPath(dir), '{"activeCodeKey": "k2", "codeKeys": [');
    expect(secrets.reloadNow()).toBe(false);
    expect(secrets.reloadNow()).toBe(false);
    expect(errors).toEqual(["the code secrets file is invalid; keeping the keys in use"]);
    expect(secrets.keyring.active.id).toBe("good");
    expect(secrets.keyring.active.secret).toEqual(Buffer.alloc(32, 1));

    // Valid JSON naming an active key it does not hold is just as bad.
    replaceFileAtomically(
      secretsPath(dir),
      `${JSON.stringify({ activeCodeKey: "x", codeKeys: [{ id: "y", secret: "a".repeat(43) }] })}`,
    );
    expect(secrets.reloadNow()).toBe(false);
    expect(errors).toHaveLength(2);
    expect(secrets.keyring.active.id).toBe("good");

    replaceFileAtomically(secretsPath(dir), keyFile("better", 2));
    expect(secrets.reloadNow()).toBe(true);
    expect(secrets.keyring.active.id).toBe("better");
  });

  it("keeps its keys while the file is missing (a mount being swapped)", ({ expect }) => {
    const dir = dataDir();
    writeFileSync(secretsPath(dir), keyFile("good", 1), { mode: 0o600 });
    const { log, errors } = recordingLog();
    const secrets = createReloadingKeyring({
      dataDir: dir,
      clock: new ManualClock(T0),
      intervalMs: 10_000,
      log,
    });
    rmSync(secretsPath(dir));
    expect(secrets.reloadNow()).toBe(false);
    expect(secrets.keyring.active.id).toBe("good");
    expect(errors).toEqual(["cannot read the code secrets file; keeping the keys in use"]);
  });

  it("sees a Kubernetes-style secret update: the ..data symlink swapped to a new directory", ({ expect }) => {
    const dir = dataDir();
    // What the kubelet lays out: secrets.json -> ..data/secrets.json, ..data -> ..2026_12_02_v1
    mkdirSync(join(dir, "..v1"));
    writeFileSync(join(dir, "..v1", "secrets.json"), keyFile("v1", 1), { mode: 0o600 });
    symlinkSync("..v1", join(dir, "..data"));
    symlinkSync(join("..data", "secrets.json"), secretsPath(dir));
    const { log } = recordingLog();
    const secrets = createReloadingKeyring({
      dataDir: dir,
      clock: new ManualClock(T0),
      intervalMs: 10_000,
      log,
    });
    expect(secrets.keyring.active.id).toBe("v1");

    mkdirSync(join(dir, "..v2"));
    writeFileSync(join(dir, "..v2", "secrets.json"), keyFile("v2", 2), { mode: 0o600 });
    symlinkSync("..v2", join(dir, "..data_tmp"));
    renameSync(join(dir, "..data_tmp"), join(dir, "..data"));
    expect(secrets.reloadNow()).toBe(true);
    expect(secrets.keyring.active.id).toBe("v2");
  });
});
