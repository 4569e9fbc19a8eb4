import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { replaceFileAtomically } from "../../src/code-secrets/atomic-write.js";
import { rotateSecretsFile, withSecretsLock } from "../../src/code-secrets/rotation.js";
import {
  formatSecrets,
  openCodeKeyring,
  readSecrets,
  secretsPath,
} from "../../src/code-secrets/secrets-file.js";
import { ManualClock } from "../../src/domain/clock.js";
import { rotateSchedule, type ScheduledCodeKey } from "../../src/domain/code-key-schedule.js";

const T0 = Date.UTC(2026, 11, 2, 3, 0);
const KEEP = 15 * 60_000;
const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "handset-secrets-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const OLD_SECRET = Buffer.alloc(32, 4).toString("base64url");
/** secrets.json as Handset wrote it before rotation existed. */
function oldFormatFile(dir: string): string {
  const path = secretsPath(dir);
  writeFileSync(path, JSON.stringify({ activeCodeKey: "k1", codeKeys: [{ id: "k1", secret: OLD_SECRET }] }), {
    mode: 0o600,
  });
  return path;
}

const rotate = (dir: string, now: number) =>
  rotateSecretsFile({ dataDir: dir, clock: new ManualClock(now), activateInMs: 25_000, keepRetiredMs: KEEP });

describe.concurrent("handset secrets rotate, on the file", () => {
  it("loads a file without the new fields, then appends a scheduled key and keeps the old one", async ({
    expect,
  }) => {
    const dir = dataDir();
    const path = oldFormatFile(dir);
    expect(openCodeKeyring(dir, new ManualClock(T0)).active.id).toBe("k1");

    const { added } = await rotate(dir, T0);
    const written = JSON.parse(readFileSync(path, "utf8"));
    expect(written).toEqual({
      activeCodeKey: "k1",
      codeKeys: [
        { id: "k1", secret: OLD_SECRET, retiresAt: "2026-12-02T03:15:25.000Z" },
        {
          id: added.id,
          secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
          createdAt: "2026-12-02T03:00:00.000Z",
          activatesAt: "2026-12-02T03:00:25.000Z",
        },
      ],
    });
    expect(added.id).toBe("k20261202a");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // No temp file is left beside it; the lock is released.
    expect(readdirSync(dir).sort()).toEqual(["secrets.json"]);
  });

  it("prunes keys past their retire time at the next rotation", async ({ expect }) => {
    const dir = dataDir();
    oldFormatFile(dir);
    await rotate(dir, T0);
    const second = await rotate(dir, T0 + 60_000);
    expect(second.pruned).toEqual([]);
    const third = await rotate(dir, T0 + 25_000 + KEEP);
    expect(third.pruned).toEqual(["k1"]);
    const ids = readSecrets(secretsPath(dir)).keys.map((k) => k.id);
    expect(ids).toEqual(["k20261202a", "k20261202b", "k20261202c"]);
    expect(statSync(secretsPath(dir)).mode & 0o777).toBe(0o600);
  });

  it("creates secrets.json (0600) when there is none, then rotates it", async ({ expect }) => {
    const dir = join(dataDir(), "fresh");
    const { schedule } = await rotate(dir, T0);
    expect(schedule.keys.map((k) => k.id)).toEqual(["k20261202", "k20261202a"]);
    expect(statSync(secretsPath(dir)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("waits for a rotation in progress (the lock) and builds on what it wrote", async ({ expect }) => {
    const dir = dataDir();
    const path = oldFormatFile(dir);
    let rotation: ReturnType<typeof rotate> | undefined;
    await withSecretsLock(path, () => {
      // Another writer holds the lock and is mid-change: the rotation asked now must not read yet.
      const before = readSecrets(path);
      rotation = rotate(dir, T0);
      const theirs = { ...before.keys[0], id: "k-theirs", secret: Buffer.alloc(32, 8) } as ScheduledCodeKey;
      replaceFileAtomically(path, formatSecrets({ ...before, keys: [...before.keys, theirs] }));
    });
    const { added } = await (rotation as ReturnType<typeof rotate>);
    expect(readSecrets(path).keys.map((k) => k.id)).toEqual(["k1", "k-theirs", added.id]);
  });

  it("reads the clock once it holds the lock: a rotation that waited never prunes the one that went first", async ({
    expect,
  }) => {
    const dir = dataDir();
    const path = oldFormatFile(dir);
    const clock = new ManualClock(T0);
    let waited: Promise<Awaited<ReturnType<typeof rotateSecretsFile>>> | undefined;
    let first: Awaited<ReturnType<typeof rotateSecretsFile>> | undefined;
    await withSecretsLock(path, () => {
      // This rotation is asked at T0, then waits for the lock while another process, asked a minute
      // later, rotates (here, under the held lock, as that process would).
      waited = rotateSecretsFile({ dataDir: dir, clock, activateInMs: 25_000, keepRetiredMs: KEEP });
      clock.advance(60_000);
      const other = rotateSchedule(readSecrets(path), {
        secret: Buffer.alloc(32, 9),
        now: clock.now(),
        activateInMs: 25_000,
        keepRetiredMs: KEEP,
      });
      replaceFileAtomically(path, formatSecrets(other.schedule));
      first = other;
      clock.advance(1_000);
    });
    const second = await (waited as NonNullable<typeof waited>);
    expect(second.pruned).toEqual([]);
    expect(readSecrets(path).keys.map((k) => k.id)).toEqual(["k1", first?.added.id, second.added.id]);
    expect(second.added.activatesAt).toBe(T0 + 61_000 + 25_000);
  });

  it("refuses to rotate a file that does not parse, and leaves it as it was", async ({ expect }) => {
    const dir = dataDir();
    const path = secretsPath(dir);
    writeFileSync(path, "{ not json", { mode: 0o600 });
    await expect(rotate(dir, T0)).rejects.toThrow(/secrets\.json is not JSON/);
    expect(readFileSync(path, "utf8")).toBe("{ not json");
    expect(readdirSync(dir)).toEqual(["secrets.json"]);
  });

  it("names where a broken file fails, never quoting it (it holds secrets)", ({ expect }) => {
    const dir = dataDir();
    const path = secretsPath(dir);
    for (const broken of [
      `${OLD_SECRET} {`,
      `{"activeCodeKey":"k1","codeKeys":[{"id":"k1","secret":"${OLD_SECRET}"} ]`,
    ]) {
      writeFileSync(path, broken, { mode: 0o600 });
      let message = "";
      try {
        readSecrets(path);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/secrets\.json is not JSON/);
      expect(message).not.toContain(OLD_SECRET.slice(0, 8));
    }
  });
});
