import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { type CodeKeyring, createKeyring } from "./domain/code.js";
import { ensurePrivateDir, ensurePrivateFile, type OnLooseFileMode } from "./store/file-modes.js";

const SecretsFile = z.object({
  activeCodeKey: z.string(),
  codeKeys: z.array(z.object({ id: z.string().min(1), secret: z.string().min(43) })).min(1),
});

/**
 * The server's code secrets live in `<dataDir>/secrets.json`, created with mode 0600 on first start.
 * The data dir is kept 0700 and the file 0600: looser modes are tightened and told to `onLoose`.
 * Rotation: add a key, point `activeCodeKey` at it, keep the old one until its codes have expired.
 */
export function loadOrCreateKeyring(dataDir: string, onLoose?: OnLooseFileMode): CodeKeyring {
  const path = join(dataDir, "secrets.json");
  ensurePrivateDir(dataDir, onLoose);
  if (!existsSync(path)) {
    const id = `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}`;
    const body = { activeCodeKey: id, codeKeys: [{ id, secret: randomBytes(32).toString("base64url") }] };
    try {
      writeFileSync(path, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process starting at the same moment wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  ensurePrivateFile(path, onLoose);
  const parsed = SecretsFile.parse(JSON.parse(readFileSync(path, "utf8")));
  const keys = parsed.codeKeys.map((k) => ({ id: k.id, secret: Buffer.from(k.secret, "base64url") }));
  const active = keys.find((k) => k.id === parsed.activeCodeKey);
  if (!active) throw new Error(`${path}: activeCodeKey ${parsed.activeCodeKey} is not among codeKeys`);
  return createKeyring(
    active,
    keys.filter((k) => k !== active),
  );
}
