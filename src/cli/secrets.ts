import { type Command, InvalidArgumentError } from "commander";
import type { Config } from "../config.js";
import { systemClock } from "../domain/clock.js";
import { activeKeyAt, type CodeKeySchedule, type ScheduledCodeKey } from "../domain/code-key-schedule.js";
import type { CliIo } from "./main.js";

/** Kept past a superseded key's last possible code: clock skew between hosts, a check at the last moment. */
export const RETIRE_MARGIN_MS = 5 * 60_000;

/** Two reload intervals guarantee every process has looked once; the rest covers a slow look. */
export const propagationDelayMs = (config: Config) => 2 * config.secretsReloadMs + 5_000;

/** `25s`, `2m`, `1h`, `0s`. */
function parseDuration(value: string): number {
  const match = /^(\d+)([smh])$/.exec(value);
  if (!match) throw new InvalidArgumentError("expected a duration like 30s, 5m or 1h");
  const unit = { s: 1_000, m: 60_000, h: 3_600_000 }[match[2] as "s" | "m" | "h"];
  return Number(match[1]) * unit;
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

type KeyStatus = "active" | "pending" | "retiring" | "retired" | "verifying";

function statusOf(key: ScheduledCodeKey, activeId: string, now: number): KeyStatus {
  if (key.id === activeId) return "active";
  if (key.activatesAt !== null && key.activatesAt > now) return "pending";
  if (key.retiresAt !== null) return key.retiresAt <= now ? "retired" : "retiring";
  return "verifying";
}

/** A key as `secrets list --json` shows it: never its secret. */
export function keyView(key: ScheduledCodeKey, activeId: string, now: number) {
  return {
    id: key.id,
    status: statusOf(key, activeId, now),
    created_at: iso(key.createdAt),
    activates_at: iso(key.activatesAt),
    retires_at: iso(key.retiresAt),
  };
}

type KeyView = ReturnType<typeof keyView>;

function keysText(keys: readonly KeyView[]): string {
  const rows = [
    ["ID", "STATUS", "CREATED", "ACTIVATES", "RETIRES"],
    ...keys.map((k) => [k.id, k.status, k.created_at ?? "-", k.activates_at ?? "-", k.retires_at ?? "-"]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function scheduleViews(schedule: CodeKeySchedule, now: number): KeyView[] {
  const activeId = activeKeyAt(schedule, now).id;
  return schedule.keys.map((k) => keyView(k, activeId, now));
}

/**
 * `handset secrets list | rotate`: the code secrets in `<HANDSET_DATA_DIR>/secrets.json`. A rotation
 * schedules the new key to take over once every running process has reloaded the file.
 */
export function registerSecretsCommands(program: Command, io: CliIo, config: () => Promise<Config>): void {
  const secrets = program
    .command("secrets")
    .description("The code secrets (secrets.json): list them, rotate them (never prints a secret)");

  secrets
    .command("list")
    .description("List the code keys: id, status, created, activation and retire times")
    .option("--json", "print the result as JSON")
    .action(async (opts: { json?: boolean }) => {
      const cfg = await config();
      const { readSecretsSchedule } = await import("../code-secrets/rotation.js");
      const now = Date.now();
      const keys = scheduleViews(readSecretsSchedule(cfg.dataDir), now);
      io.stdout(opts.json ? `${JSON.stringify({ keys })}\n` : `${keysText(keys)}\n`);
    });

  secrets
    .command("rotate")
    .description(
      "Add a new random code key that takes over once every process has reloaded; drop keys past their retire time",
    )
    .option(
      "--activate-in <duration>",
      "when the new key takes over, e.g. 30s or 5m (default: two reload intervals plus 5s)",
      parseDuration,
    )
    .option("--json", "print the result as JSON")
    .action(async (opts: { activateIn?: number; json?: boolean }) => {
      const cfg = await config();
      const { rotateSecretsFile } = await import("../code-secrets/rotation.js");
      const activateInMs = opts.activateIn ?? propagationDelayMs(cfg);
      if (activateInMs < 2 * cfg.secretsReloadMs) {
        io.stderr(
          `warning: --activate-in is shorter than two reload intervals (HANDSET_SECRETS_RELOAD_SECONDS=${cfg.secretsReloadMs / 1000}): ` +
            "a process that has not reloaded yet will refuse codes issued with the new key\n",
        );
      }
      const rotation = await rotateSecretsFile({
        dataDir: cfg.dataDir,
        clock: systemClock,
        activateInMs,
        keepRetiredMs: cfg.otp.ttlMs + RETIRE_MARGIN_MS,
      });
      const keys = scheduleViews(rotation.schedule, Date.now());
      const added = keys.find((k) => k.id === rotation.added.id);
      if (opts.json) {
        io.stdout(`${JSON.stringify({ added, pruned: rotation.pruned, keys })}\n`);
        return;
      }
      const lines = [
        `added ${rotation.added.id}: it takes over at ${added?.activates_at} (in ${Math.round(activateInMs / 1000)}s)`,
        ...(rotation.pruned.length > 0 ? [`pruned: ${rotation.pruned.join(", ")}`] : []),
        "",
        keysText(keys),
      ];
      io.stdout(`${lines.join("\n")}\n`);
    });
}
