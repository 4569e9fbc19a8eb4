import type { CodeKey, CodeKeyring } from "./code.js";

/** A code key with the times a rotation gave it; a key from a file older than rotation has none. */
export interface ScheduledCodeKey extends CodeKey {
  createdAt: number | null;
  /** From when new verifications use it; null: since always if it is `activeCodeKey`, else never. */
  activatesAt: number | null;
  /** From when no code issued with it can still be redeemed, so the next rotation may drop it. */
  retiresAt: number | null;
}

/** The content of secrets.json: every key, and the one that was active when the file was written. */
export interface CodeKeySchedule {
  /** Kept for processes that do not read activation times, and for keys written without one. */
  activeCodeKey: string;
  keys: readonly ScheduledCodeKey[];
}

/** When a key takes over: its own time, since always for an untimed `activeCodeKey`, never otherwise. */
function activationOf(schedule: CodeKeySchedule, key: ScheduledCodeKey): number {
  if (key.activatesAt !== null) return key.activatesAt;
  return key.id === schedule.activeCodeKey ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}

/**
 * The key new verifications use at `now`: the one activated last among those whose activation has
 * passed (a later entry wins a tie). Before any has, `activeCodeKey` (a hand-written schedule).
 */
export function activeKeyAt(schedule: CodeKeySchedule, now: number): ScheduledCodeKey {
  let best: ScheduledCodeKey | undefined;
  let bestAt = Number.NEGATIVE_INFINITY;
  for (const key of schedule.keys) {
    const at = activationOf(schedule, key);
    if (at <= now && (best === undefined || at >= bestAt)) {
      best = key;
      bestAt = at;
    }
  }
  const named = schedule.keys.find((k) => k.id === schedule.activeCodeKey);
  const chosen = best ?? named;
  if (!chosen) throw new Error(`activeCodeKey ${schedule.activeCodeKey} is not among codeKeys`);
  return chosen;
}

/** Checks what `activeKeyAt` relies on: unique ids, and `activeCodeKey` among them. */
export function scheduleProblem(schedule: CodeKeySchedule): string | null {
  const ids = new Set<string>();
  for (const key of schedule.keys) {
    if (ids.has(key.id)) return `key id ${key.id} appears twice`;
    ids.add(key.id);
  }
  if (!ids.has(schedule.activeCodeKey)) {
    return `activeCodeKey ${schedule.activeCodeKey} is not among codeKeys`;
  }
  return null;
}

/**
 * A keyring that follows a schedule through time: `active` is asked at each use, so a key rotated in
 * takes over at its activation without anyone calling in, and `current()` may swap the schedule for a
 * newer one (a reloaded file). Every key of the schedule verifies, pending ones included: another
 * process may already be using a key this one has not yet switched to.
 */
export function scheduledKeyring(current: () => CodeKeySchedule, now: () => number): CodeKeyring {
  let cachedFor: CodeKeySchedule | undefined;
  let byId: ReadonlyMap<string, CodeKey> = new Map();
  return {
    get active(): CodeKey {
      return activeKeyAt(current(), now());
    },
    get byId(): ReadonlyMap<string, CodeKey> {
      const schedule = current();
      if (schedule !== cachedFor) {
        byId = new Map(schedule.keys.map((k) => [k.id, k]));
        cachedFor = schedule;
      }
      return byId;
    },
  };
}

export interface RotationPlan {
  /** The new key's secret (random, chosen by the caller: this module does no I/O). */
  secret: Buffer;
  now: number;
  /** How long after `now` the new key takes over: long enough for every process to have reloaded. */
  activateInMs: number;
  /** How long a key stays after it is superseded: the code lifetime plus a margin. */
  keepRetiredMs: number;
}

export interface Rotation {
  schedule: CodeKeySchedule;
  added: ScheduledCodeKey;
  pruned: readonly string[];
}

const DAY_ID = (now: number) => `k${new Date(now).toISOString().slice(0, 10).replaceAll("-", "")}`;

/** `a`, `b`, ... `z`, `aa`, `ab`, ...: the suffix of the n-th key of a day. */
function letters(n: number): string {
  let text = "";
  for (let rest = n; rest >= 0; rest = Math.floor(rest / 26) - 1) {
    text = String.fromCharCode(97 + (rest % 26)) + text;
  }
  return text;
}

/** `k20261202a`, or the next free letter when that day has rotated before. */
export function nextKeyId(taken: ReadonlySet<string>, now: number): string {
  const day = DAY_ID(now);
  for (let n = 0; ; n++) {
    const id = `${day}${letters(n)}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * Adds a key that takes over at `now + activateInMs`. Every key it supersedes (the active one and any
 * still pending from a rotation just before) is kept until the codes issued with it have expired:
 * `retiresAt` = the new key's activation + `keepRetiredMs`, or sooner if it had an earlier one. Keys
 * whose `retiresAt` has passed are dropped, and so is a pending key set to activate after the new one
 * (an earlier rotation with a longer delay): never the key active now. `activeCodeKey` names the key
 * active now, so a process reading the file without the times keeps issuing codes everyone verifies.
 */
export function rotateSchedule(schedule: CodeKeySchedule, plan: RotationPlan): Rotation {
  const activatesAt = plan.now + plan.activateInMs;
  const retiresAt = activatesAt + plan.keepRetiredMs;
  const activeNow = activeKeyAt(schedule, plan.now);
  const pruned: string[] = [];
  const kept: ScheduledCodeKey[] = [];
  for (const key of schedule.keys) {
    const expired = key.retiresAt !== null && key.retiresAt <= plan.now;
    // A key set to take over after the new one would supersede it; it has issued no code yet.
    const overtaken = key.activatesAt !== null && key.activatesAt > activatesAt;
    if (key !== activeNow && (expired || overtaken)) {
      pruned.push(key.id);
      continue;
    }
    kept.push({ ...key, retiresAt: Math.min(key.retiresAt ?? Number.POSITIVE_INFINITY, retiresAt) });
  }
  const added: ScheduledCodeKey = {
    id: nextKeyId(new Set(schedule.keys.map((k) => k.id)), plan.now),
    secret: plan.secret,
    createdAt: plan.now,
    activatesAt,
    retiresAt: null,
  };
  return { schedule: { activeCodeKey: activeNow.id, keys: [...kept, added] }, added, pruned };
}
