import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { type Clock, systemClock } from "../domain/clock.js";
import type { CodeKeyring } from "../domain/code.js";
import {
  type CodeKeySchedule,
  type ScheduledCodeKey,
  scheduledKeyring,
  scheduleProblem,
} from "../domain/code-key-schedule.js";
import { ensurePrivateDir, ensurePrivateFile, type OnLooseFileMode } from "../store/file-modes.js";
import { createFileAtomically } from "./atomic-write.js";

const isoTime = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), "an ISO 8601 time")
  .transform((v) => Date.parse(v));

/**
 * `<dataDir>/secrets.json`. The three times are optional and written by `handset secrets rotate`; a
 * file without them (written before rotation existed, or by hand) means what it always did.
 */
const SecretsFile = z.object({
  activeCodeKey: z.string(),
  codeKeys: z
    .array(
      z.object({
        id: z.string().min(1),
        secret: z.string().min(43),
        createdAt: isoTime.optional(),
        activatesAt: isoTime.optional(),
        retiresAt: isoTime.optional(),
      }),
    )
    .min(1),
});

/** secrets.json is unreadable, not JSON, or not a valid schedule. */
export class SecretsFileError extends Error {}

export const secretsPath = (dataDir: string) => join(dataDir, "secrets.json");

export function parseSecrets(text: string, path: string): CodeKeySchedule {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the text around the fault, which may be part of a secret: only the place.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new SecretsFileError(`${path} is not JSON${at === undefined ? "" : ` (at character ${at})`}`);
  }
  const parsed = SecretsFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SecretsFileError(`${path}: ${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"}`);
  }
  const schedule: CodeKeySchedule = {
    activeCodeKey: parsed.data.activeCodeKey,
    keys: parsed.data.codeKeys.map((k) => ({
      id: k.id,
      secret: Buffer.from(k.secret, "base64url"),
      createdAt: k.createdAt ?? null,
      activatesAt: k.activatesAt ?? null,
      retiresAt: k.retiresAt ?? null,
    })),
  };
  const problem = scheduleProblem(schedule);
  if (problem) throw new SecretsFileError(`${path}: ${problem}`);
  return schedule;
}

const iso = (at: number) => new Date(at).toISOString();

function keyJson(key: ScheduledCodeKey): Record<string, string> {
  return {
    id: key.id,
    secret: key.secret.toString("base64url"),
    ...(key.createdAt === null ? {} : { createdAt: iso(key.createdAt) }),
    ...(key.activatesAt === null ? {} : { activatesAt: iso(key.activatesAt) }),
    ...(key.retiresAt === null ? {} : { retiresAt: iso(key.retiresAt) }),
  };
}

export function formatSecrets(schedule: CodeKeySchedule): string {
  const body = { activeCodeKey: schedule.activeCodeKey, codeKeys: schedule.keys.map(keyJson) };
  return `${JSON.stringify(body, null, 2)}\n`;
}

export function readSecrets(path: string): CodeKeySchedule {
  return parseSecrets(readFileSync(path, "utf8"), path);
}

/**
 * Creates secrets.json with one random key when there is none (0600, in a 0700 data dir), and
 * tightens looser modes, telling `onLoose`. Returns its path.
 */
export function ensureSecretsFile(dataDir: string, now: number, onLoose?: OnLooseFileMode): string {
  const path = secretsPath(dataDir);
  ensurePrivateDir(dataDir, onLoose);
  if (!existsSync(path)) {
    const id = `k${new Date(now).toISOString().slice(0, 10).replaceAll("-", "")}`;
    const first: ScheduledCodeKey = {
      id,
      secret: randomBytes(32),
      createdAt: now,
      activatesAt: null,
      retiresAt: null,
    };
    // Another process starting at the same moment may win: then its file is used, never half of it.
    createFileAtomically(path, formatSecrets({ activeCodeKey: id, keys: [first] }));
  }
  ensurePrivateFile(path, onLoose);
  return path;
}

/** The keyring of secrets.json as it is now, created if missing: for a task that runs once. */
export function openCodeKeyring(dataDir: string, clock: Clock = systemClock): CodeKeyring {
  const schedule = readSecrets(ensureSecretsFile(dataDir, clock.now()));
  return scheduledKeyring(
    () => schedule,
    () => clock.now(),
  );
}
