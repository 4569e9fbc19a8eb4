import { describe, expect, it } from "vitest";
import {
  activeKeyAt,
  type CodeKeySchedule,
  nextKeyId,
  rotateSchedule,
  type ScheduledCodeKey,
  scheduledKeyring,
  scheduleProblem,
} from "./code-key-schedule.js";

const T0 = Date.UTC(2026, 11, 2, 3, 0);
const MINUTE = 60_000;

function key(id: string, times: Partial<ScheduledCodeKey> = {}): ScheduledCodeKey {
  return {
    id,
    secret: Buffer.alloc(32, id.length),
    createdAt: null,
    activatesAt: null,
    retiresAt: null,
    ...times,
  };
}

/** A file as every Handset before rotation wrote it: one key, no times. */
const untimed: CodeKeySchedule = { activeCodeKey: "k20260101", keys: [key("k20260101")] };

const plan = (now: number, activateInMs = 25_000) => ({
  secret: Buffer.alloc(32, 9),
  now,
  activateInMs,
  keepRetiredMs: 15 * MINUTE,
});

describe("activeKeyAt", () => {
  it("reads a file without times as before: activeCodeKey is active, other keys only verify", () => {
    const handEdited: CodeKeySchedule = { activeCodeKey: "b", keys: [key("a"), key("b"), key("c")] };
    expect(activeKeyAt(handEdited, T0).id).toBe("b");
    expect(activeKeyAt(untimed, T0).id).toBe("k20260101");
  });

  it("switches to a scheduled key at its activation, not a millisecond before", () => {
    const schedule: CodeKeySchedule = {
      activeCodeKey: "old",
      keys: [key("old"), key("new", { activatesAt: T0 + MINUTE })],
    };
    expect(activeKeyAt(schedule, T0 + MINUTE - 1).id).toBe("old");
    expect(activeKeyAt(schedule, T0 + MINUTE).id).toBe("new");
  });

  it("takes the key activated last among several passed, whatever their order in the file", () => {
    const schedule: CodeKeySchedule = {
      activeCodeKey: "a",
      keys: [key("c", { activatesAt: T0 + 2 * MINUTE }), key("a"), key("b", { activatesAt: T0 + MINUTE })],
    };
    expect(activeKeyAt(schedule, T0 + 90_000).id).toBe("b");
    expect(activeKeyAt(schedule, T0 + 3 * MINUTE).id).toBe("c");
  });

  it("falls back to activeCodeKey while no key has activated yet", () => {
    const schedule: CodeKeySchedule = { activeCodeKey: "a", keys: [key("a", { activatesAt: T0 + MINUTE })] };
    expect(activeKeyAt(schedule, T0).id).toBe("a");
  });
});

describe("scheduleProblem", () => {
  it("names a duplicate id and an activeCodeKey that is not there", () => {
    expect(scheduleProblem(untimed)).toBeNull();
    expect(scheduleProblem({ activeCodeKey: "a", keys: [key("a"), key("a")] })).toMatch(/a appears twice/);
    expect(scheduleProblem({ activeCodeKey: "x", keys: [key("a")] })).toMatch(/activeCodeKey x/);
  });
});

describe("rotateSchedule", () => {
  it("appends a key that activates after the delay and keeps the old one until its codes expired", () => {
    const { schedule, added, pruned } = rotateSchedule(untimed, plan(T0));
    expect(added).toMatchObject({
      id: "k20261202a",
      createdAt: T0,
      activatesAt: T0 + 25_000,
      retiresAt: null,
    });
    expect(pruned).toEqual([]);
    expect(schedule.keys.map((k) => k.id)).toEqual(["k20260101", "k20261202a"]);
    expect(schedule.keys[0]?.retiresAt).toBe(T0 + 25_000 + 15 * MINUTE);
    // Written for readers without times: the key in use now, not the pending one.
    expect(schedule.activeCodeKey).toBe("k20260101");
    expect(activeKeyAt(schedule, T0 + 24_999).id).toBe("k20260101");
    expect(activeKeyAt(schedule, T0 + 25_000).id).toBe("k20261202a");
  });

  it("prunes keys past their retire time at the next rotation, never the active key", () => {
    const first = rotateSchedule(untimed, plan(T0)).schedule;
    const tooEarly = rotateSchedule(first, plan(T0 + 10 * MINUTE));
    expect(tooEarly.pruned).toEqual([]);
    const later = rotateSchedule(first, plan(T0 + 30 * MINUTE));
    expect(later.pruned).toEqual(["k20260101"]);
    expect(later.schedule.keys.map((k) => k.id)).toEqual(["k20261202a", "k20261202b"]);
    expect(later.schedule.activeCodeKey).toBe("k20261202a");
  });

  it("keeps both keys of two rotations in a row; the second takes over, the first retires after it", () => {
    const first = rotateSchedule(untimed, plan(T0)).schedule;
    const { schedule } = rotateSchedule(first, plan(T0 + 1_000));
    expect(schedule.keys.map((k) => k.id)).toEqual(["k20260101", "k20261202a", "k20261202b"]);
    // The untimed key keeps the earlier retire time the first rotation gave it.
    expect(schedule.keys[0]?.retiresAt).toBe(T0 + 25_000 + 15 * MINUTE);
    expect(schedule.keys[1]?.retiresAt).toBe(T0 + 26_000 + 15 * MINUTE);
    expect(activeKeyAt(schedule, T0 + 25_500).id).toBe("k20261202a");
    expect(activeKeyAt(schedule, T0 + 26_000).id).toBe("k20261202b");
  });

  it("drops a pending key that would take over after the new one (a longer delay asked before)", () => {
    const slow = rotateSchedule(untimed, plan(T0, 60 * MINUTE)).schedule;
    const { schedule, pruned } = rotateSchedule(slow, plan(T0 + 1_000, 0));
    expect(pruned).toEqual(["k20261202a"]);
    expect(activeKeyAt(schedule, T0 + 2 * 60 * MINUTE).id).toBe("k20261202b");
  });
});

describe("nextKeyId", () => {
  it("is k + the UTC day + the first free letter", () => {
    expect(nextKeyId(new Set(), T0)).toBe("k20261202a");
    expect(nextKeyId(new Set(["k20261202a", "k20261202b"]), T0)).toBe("k20261202c");
    const day = Array.from({ length: 26 }, (_, i) => `k20261202${String.fromCharCode(97 + i)}`);
    expect(nextKeyId(new Set(day), T0)).toBe("k20261202aa");
  });
});

describe("scheduledKeyring", () => {
  it("answers the active key by the clock at each use, and every key by id", () => {
    const { schedule } = rotateSchedule(untimed, plan(T0));
    let now = T0;
    const ring = scheduledKeyring(
      () => schedule,
      () => now,
    );
    expect(ring.active.id).toBe("k20260101");
    // A pending key already verifies: another process may have switched to it a moment earlier.
    expect([...ring.byId.keys()]).toEqual(["k20260101", "k20261202a"]);
    now = T0 + 25_000;
    expect(ring.active.id).toBe("k20261202a");
  });
});
