import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  ensurePrivateDir,
  type LooseFileMode,
  preparePrivateSqliteFile,
} from "../../src/store/file-modes.js";

const modeOf = (path: string) => statSync(path).mode & 0o7777;

describe("data file modes", () => {
  let root = "";
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("creates a missing database 0600 in a new 0700 directory, and reports nothing", () => {
    root = mkdtempSync(join(tmpdir(), "handset-file-modes-"));
    const found: LooseFileMode[] = [];
    const file = join(root, "a", "b", "handset.sqlite");
    preparePrivateSqliteFile(file, (f) => found.push(f));
    expect(modeOf(join(root, "a", "b"))).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
    expect(found).toEqual([]);
  });

  it("sets a stricter file to 0600 without a warning: it was never open to others", () => {
    root = mkdtempSync(join(tmpdir(), "handset-file-modes-"));
    const file = join(root, "handset.sqlite");
    writeFileSync(file, "");
    chmodSync(file, 0o400);
    const found: LooseFileMode[] = [];
    preparePrivateSqliteFile(file, (f) => found.push(f));
    expect(modeOf(file)).toBe(0o600);
    expect(found).toEqual([]);
  });

  it("leaves the database's existing directory alone: DATABASE_URL may point into a shared one", () => {
    root = mkdtempSync(join(tmpdir(), "handset-file-modes-"));
    chmodSync(root, 0o755);
    preparePrivateSqliteFile(join(root, "handset.sqlite"));
    expect(modeOf(root)).toBe(0o755);
  });

  it("does not close a shared sticky directory such as /tmp used as the data dir", () => {
    root = mkdtempSync(join(tmpdir(), "handset-file-modes-"));
    chmodSync(root, 0o1777);
    const found: LooseFileMode[] = [];
    ensurePrivateDir(root, (f) => found.push(f));
    expect(modeOf(root)).toBe(0o1777);
    expect(found).toEqual([]);
  });
});
