import { describe, expect, it } from "vitest";
import { ERROR_CODES, type ErrorCode, HandsetError } from "./errors.js";
import {
  assertMaySendProfileCode,
  assertProfilePhoneChanges,
  CLERK_RULES,
  findHeld,
  HANDSET_RULES,
  type HeldNumber,
  type NewNumber,
  type NumberChange,
  type NumberSetRules,
  profilePhone,
  withAdded,
  withChanged,
  withRemoved,
} from "./number-set.js";

/**
 * A set written as flags per number, in order: `p` primary, `v` verified, `r` reserved for second
 * factor, `d` default second factor. `{ a: "pv", b: "vrd" }` is a verified primary `a` and a verified
 * `b` that is the default second factor. Every set is frozen, so a function that mutated its input
 * would throw instead of passing.
 */
type Flags = Record<string, string>;

const e164Of = (id: string) => `+3361000${String(id.charCodeAt(0)).padStart(4, "0")}`;

function set(flags: Flags): readonly HeldNumber[] {
  return Object.freeze(
    Object.entries(flags).map(([id, f]) =>
      Object.freeze({
        id,
        e164: e164Of(id),
        primary: f.includes("p"),
        verified: f.includes("v"),
        reservedForSecondFactor: f.includes("r"),
        defaultSecondFactor: f.includes("d"),
      }),
    ),
  );
}

function flagsOf(numbers: readonly HeldNumber[]): Flags {
  return Object.fromEntries(
    numbers.map((n) => [
      n.id,
      (n.primary ? "p" : "") +
        (n.verified ? "v" : "") +
        (n.reservedForSecondFactor ? "r" : "") +
        (n.defaultSecondFactor ? "d" : ""),
    ]),
  );
}

/** The catalogue error `run` threw; fails the test if it returned instead. */
function refusal(run: () => unknown): HandsetError {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (!(error instanceof HandsetError)) throw error;
    return error;
  }
  throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
}

const added = (id: string, extra: Partial<NewNumber> = {}): NewNumber => ({
  id,
  e164: e164Of(id),
  verified: false,
  ...extra,
});

const RULE_SETS: Array<[string, NumberSetRules]> = [
  ["HANDSET_RULES", HANDSET_RULES],
  ["CLERK_RULES", CLERK_RULES],
];

describe("rule sets", () => {
  it("the native API has only the invariants; Clerk adds keep-identification and default-by-naming", () => {
    expect(HANDSET_RULES).toEqual({ keepIdentification: false, defaultMovesOnlyByNaming: false });
    expect(CLERK_RULES).toEqual({ keepIdentification: true, defaultMovesOnlyByNaming: true });
  });
});

describe("findHeld", () => {
  it("finds a number by id, and refuses an unknown one with PHONE_NUMBER_NOT_FOUND", () => {
    const numbers = set({ a: "pv", b: "" });
    expect(findHeld(numbers, "b").id).toBe("b");
    expect(refusal(() => findHeld(numbers, "zz")).code).toBe("PHONE_NUMBER_NOT_FOUND");
  });
});

describe("withAdded", () => {
  describe.each(RULE_SETS)("under %s", (_name, rules) => {
    it.each([
      ["without primary", {}],
      ["with primary: true", { primary: true }],
      ["with primary: false", { primary: false }],
    ])("the first number becomes primary, %s", (_label, extra) => {
      expect(flagsOf(withAdded(set({}), added("a", extra), rules))).toEqual({ a: "p" });
    });

    it.each<[string, Flags, Partial<NewNumber>, Flags]>([
      ["a later number is not primary", { a: "p" }, {}, { a: "p", b: "" }],
      ["primary: false changes nothing", { a: "p" }, { primary: false }, { a: "p", b: "" }],
      ["primary: true moves the flag", { a: "pv", b: "v" }, { primary: true }, { a: "v", b: "v", c: "p" }],
      ["a set whose primary was removed stays without one", { a: "v" }, {}, { a: "v", c: "" }],
      ["primary: true gives such a set one again", { a: "v" }, { primary: true }, { a: "v", c: "p" }],
      ["verified is kept", { a: "p" }, { verified: true }, { a: "p", c: "v" }],
    ])("%s", (_label, before, extra, after) => {
      const id = Object.keys(after).at(-1) ?? "";
      expect(flagsOf(withAdded(set(before), added(id, extra), rules))).toEqual(after);
    });

    it("refuses to reserve an unverified number with PHONE_NUMBER_NOT_VERIFIED", () => {
      const numbers = set({ a: "pv" });
      const error = refusal(() => withAdded(numbers, added("b", { reservedForSecondFactor: true }), rules));
      expect(error.code).toBe("PHONE_NUMBER_NOT_VERIFIED");
    });

    it("makes the first reserved number the default, and leaves the default where it is after", () => {
      const first = withAdded(
        set({ a: "pv" }),
        added("b", { verified: true, reservedForSecondFactor: true }),
        rules,
      );
      expect(flagsOf(first)).toEqual({ a: "pv", b: "vrd" });
      const second = withAdded(first, added("c", { verified: true, reservedForSecondFactor: true }), rules);
      expect(flagsOf(second)).toEqual({ a: "pv", b: "vrd", c: "vr" });
    });
  });

  it("HANDSET_RULES let a user's only number be reserved: primary, reserved and the default at once", () => {
    const after = withAdded(
      set({}),
      added("a", { verified: true, reservedForSecondFactor: true }),
      HANDSET_RULES,
    );
    expect(flagsOf(after)).toEqual({ a: "pvrd" });
  });

  it.each<[string, Flags]>([
    ["the user has no number yet", {}],
    ["every number the user has is reserved", { a: "pvrd", b: "vr" }],
  ])(
    "CLERK_RULES refuse to add a reserved number when %s: PHONE_NUMBER_LAST_IDENTIFICATION",
    (_l, before) => {
      const error = refusal(() =>
        withAdded(set(before), added("c", { verified: true, reservedForSecondFactor: true }), CLERK_RULES),
      );
      expect(error.code).toBe("PHONE_NUMBER_LAST_IDENTIFICATION");
    },
  );

  it("CLERK_RULES add a reserved number while another identifies the user", () => {
    const after = withAdded(
      set({ a: "p" }),
      added("b", { verified: true, reservedForSecondFactor: true }),
      CLERK_RULES,
    );
    expect(flagsOf(after)).toEqual({ a: "p", b: "vrd" });
  });

  it("CLERK_RULES add an identifying number to a set that has only reserved ones", () => {
    expect(flagsOf(withAdded(set({ a: "pvrd" }), added("b"), CLERK_RULES))).toEqual({ a: "pvrd", b: "" });
  });
});

describe("withChanged", () => {
  describe.each(RULE_SETS)("under %s", (_name, rules) => {
    it("refuses an unknown number with PHONE_NUMBER_NOT_FOUND", () => {
      expect(refusal(() => withChanged(set({ a: "p" }), "zz", { primary: true }, rules)).code).toBe(
        "PHONE_NUMBER_NOT_FOUND",
      );
    });

    // biome-ignore format: one case per row reads as a table
    it.each<[string, Flags, string, NumberChange, Flags]>([
      ["primary: true moves the flag", { a: "p", b: "", c: "" }, "c", { primary: true }, { a: "", b: "", c: "p" }],
      ["primary: true on the primary changes nothing", { a: "p", b: "" }, "a", { primary: true }, { a: "p", b: "" }],
      ["primary: true gives a set without one its primary", { a: "", b: "" }, "b", { primary: true }, { a: "", b: "p" }],
      ["primary: false on the primary clears it", { a: "p", b: "" }, "a", { primary: false }, { a: "", b: "" }],
      ["primary: false on another changes nothing", { a: "p", b: "" }, "b", { primary: false }, { a: "p", b: "" }],
      ["an empty change changes nothing", { a: "pv", b: "vrd", c: "vr" }, "c", {}, { a: "pv", b: "vrd", c: "vr" }],
      ["verified: true verifies", { a: "p" }, "a", { verified: true }, { a: "pv" }],
      ["verified: false un-verifies", { a: "pv" }, "a", { verified: false }, { a: "p" }],
      ["verifying and reserving at once", { a: "p", b: "" }, "b", { verified: true, reservedForSecondFactor: true }, { a: "p", b: "vrd" }],
      ["the first reserved number becomes the default", { a: "pv", b: "v" }, "b", { reservedForSecondFactor: true }, { a: "pv", b: "vrd" }],
      ["a second reserved number is not the default", { a: "pv", b: "vrd", c: "v" }, "c", { reservedForSecondFactor: true }, { a: "pv", b: "vrd", c: "vr" }],
      ["un-verifying drops the reservation", { a: "pv", b: "vrd" }, "b", { verified: false }, { a: "pv", b: "" }],
      ["un-verifying the default hands it on", { a: "pv", b: "vrd", c: "vr" }, "b", { verified: false }, { a: "pv", b: "", c: "vrd" }],
      ["un-verifying and un-reserving at once", { a: "pv", b: "vrd", c: "vr" }, "b", { verified: false, reservedForSecondFactor: false }, { a: "pv", b: "", c: "vrd" }],
      ["un-reserving a number that is not the default", { a: "pv", b: "vrd", c: "vr" }, "c", { reservedForSecondFactor: false }, { a: "pv", b: "vrd", c: "v" }],
      ["un-reserving the only reserved number leaves no default", { a: "pv", b: "vrd" }, "b", { reservedForSecondFactor: false }, { a: "pv", b: "v" }],
      ["un-reserving the default hands it to the next reserved", { a: "pv", b: "vrd", c: "vr" }, "b", { reservedForSecondFactor: false }, { a: "pv", b: "v", c: "vrd" }],
      ["un-reserving the default hands it to an earlier reserved", { a: "pv", b: "vr", c: "vrd" }, "c", { reservedForSecondFactor: false }, { a: "pv", b: "vrd", c: "v" }],
      ["un-reserving the first-listed default never hands it back to itself", { a: "pvrd", b: "v", c: "vr" }, "a", { reservedForSecondFactor: false }, { a: "pv", b: "v", c: "vrd" }],
      ["defaultSecondFactor: true moves the default", { a: "pv", b: "vrd", c: "vr" }, "c", { defaultSecondFactor: true }, { a: "pv", b: "vr", c: "vrd" }],
      ["defaultSecondFactor: true on the default changes nothing", { a: "pv", b: "vrd" }, "b", { defaultSecondFactor: true }, { a: "pv", b: "vrd" }],
      ["reserving as the default at once", { a: "pv", b: "vrd", c: "v" }, "c", { reservedForSecondFactor: true, defaultSecondFactor: true }, { a: "pv", b: "vr", c: "vrd" }],
      ["defaultSecondFactor: false on a number that is not the default changes nothing", { a: "pv", b: "vrd", c: "vr" }, "c", { defaultSecondFactor: false }, { a: "pv", b: "vrd", c: "vr" }],
      ["reserving, not as the default, beside a default", { a: "pv", b: "vrd", c: "v" }, "c", { reservedForSecondFactor: true, defaultSecondFactor: false }, { a: "pv", b: "vrd", c: "vr" }],
    ])("%s", (_label, before, id, change, after) => {
      expect(flagsOf(withChanged(set(before), id, change, rules))).toEqual(after);
    });

    // biome-ignore format: one case per row reads as a table
    it.each<[string, Flags, string, NumberChange, ErrorCode]>([
      ["reserving an unverified number", { a: "pv", b: "" }, "b", { reservedForSecondFactor: true }, "PHONE_NUMBER_NOT_VERIFIED"],
      ["reserving while un-verifying", { a: "pv", b: "v" }, "b", { verified: false, reservedForSecondFactor: true }, "PHONE_NUMBER_NOT_VERIFIED"],
      ["making an unverified number the default", { a: "pv", b: "" }, "b", { defaultSecondFactor: true }, "PHONE_NUMBER_NOT_VERIFIED"],
      ["un-verifying the number made the default", { a: "pv", b: "vrd", c: "vr" }, "c", { verified: false, defaultSecondFactor: true }, "PHONE_NUMBER_NOT_VERIFIED"],
      ["making a verified, unreserved number the default", { a: "pv", b: "v" }, "b", { defaultSecondFactor: true }, "PHONE_NUMBER_NOT_RESERVED"],
      ["un-reserving the number made the default", { a: "pv", b: "vrd", c: "vr" }, "c", { reservedForSecondFactor: false, defaultSecondFactor: true }, "PHONE_NUMBER_NOT_RESERVED"],
      ["switching off the only reserved number's default", { a: "pv", b: "vrd" }, "b", { defaultSecondFactor: false }, "DEFAULT_SECOND_FACTOR_REQUIRED"],
      ["reserving a number as the only one, but not as the default", { a: "pv", b: "v" }, "b", { reservedForSecondFactor: true, defaultSecondFactor: false }, "DEFAULT_SECOND_FACTOR_REQUIRED"],
    ])("refuses %s", (_label, before, id, change, code) => {
      expect(refusal(() => withChanged(set(before), id, change, rules)).code).toBe(code);
    });
  });

  describe("defaultSecondFactor: false on the default while another number is reserved", () => {
    const numbers = set({ a: "pv", b: "vr", c: "vrd" });

    it("HANDSET_RULES hand the default to the other reserved number", () => {
      expect(flagsOf(withChanged(numbers, "c", { defaultSecondFactor: false }, HANDSET_RULES))).toEqual({
        a: "pv",
        b: "vrd",
        c: "vr",
      });
    });

    it("CLERK_RULES refuse: the default moves only by naming another (DEFAULT_SECOND_FACTOR_REQUIRED)", () => {
      const error = refusal(() => withChanged(numbers, "c", { defaultSecondFactor: false }, CLERK_RULES));
      expect(error.code).toBe("DEFAULT_SECOND_FACTOR_REQUIRED");
    });

    it("CLERK_RULES move it by naming the other", () => {
      expect(flagsOf(withChanged(numbers, "b", { defaultSecondFactor: true }, CLERK_RULES))).toEqual({
        a: "pv",
        b: "vrd",
        c: "vr",
      });
    });
  });

  describe("keeping an identification", () => {
    it.each<[string, Flags, string]>([
      ["the user's only number", { a: "pv" }, "a"],
      ["the only number not reserved", { a: "pv", b: "vrd" }, "a"],
      ["the last identification beside several reserved", { a: "vrd", b: "pv", c: "vr" }, "b"],
    ])("CLERK_RULES refuse to reserve %s: PHONE_NUMBER_LAST_IDENTIFICATION", (_label, before, id) => {
      const error = refusal(() =>
        withChanged(set(before), id, { reservedForSecondFactor: true }, CLERK_RULES),
      );
      expect(error.code).toBe("PHONE_NUMBER_LAST_IDENTIFICATION");
    });

    it("CLERK_RULES reserve a number while another identifies the user", () => {
      expect(
        flagsOf(withChanged(set({ a: "pv", b: "v" }), "b", { reservedForSecondFactor: true }, CLERK_RULES)),
      ).toEqual({
        a: "pv",
        b: "vrd",
      });
    });

    it("CLERK_RULES accept a change to a number already reserved in a set with no identification", () => {
      const numbers = set({ a: "pvrd", b: "vr" });
      expect(flagsOf(withChanged(numbers, "b", { reservedForSecondFactor: true }, CLERK_RULES))).toEqual({
        a: "pvrd",
        b: "vr",
      });
      expect(flagsOf(withChanged(numbers, "b", { defaultSecondFactor: true }, CLERK_RULES))).toEqual({
        a: "pvr",
        b: "vrd",
      });
    });

    it("HANDSET_RULES reserve the user's last identification", () => {
      expect(
        flagsOf(withChanged(set({ a: "pv" }), "a", { reservedForSecondFactor: true }, HANDSET_RULES)),
      ).toEqual({
        a: "pvrd",
      });
    });
  });
});

describe("withRemoved", () => {
  describe.each(RULE_SETS)("under %s", (_name, rules) => {
    it("refuses an unknown number with PHONE_NUMBER_NOT_FOUND", () => {
      expect(refusal(() => withRemoved(set({ a: "p" }), "zz", rules)).code).toBe("PHONE_NUMBER_NOT_FOUND");
    });

    // biome-ignore format: one case per row reads as a table
    it.each<[string, Flags, string, Flags]>([
      ["the primary: nothing is promoted", { a: "pv", b: "v" }, "a", { b: "v" }],
      ["a number that is not the primary", { a: "pv", b: "v" }, "b", { a: "pv" }],
      ["the default: it goes to another reserved number", { a: "pv", b: "vrd", c: "v", d: "vr" }, "b", { a: "pv", c: "v", d: "vrd" }],
      ["the only reserved number: no default remains", { a: "pv", b: "vrd" }, "b", { a: "pv" }],
      ["a reserved number that is not the default", { a: "pv", b: "vrd", c: "vr" }, "c", { a: "pv", b: "vrd" }],
    ])("removes %s", (_label, before, id, after) => {
      expect(flagsOf(withRemoved(set(before), id, rules))).toEqual(after);
    });
  });

  // biome-ignore format: one case per row reads as a table
  it.each<[string, Flags, string, Flags]>([
    ["the very last number", { a: "pv" }, "a", {}],
    ["the very last number, reserved", { a: "pvrd" }, "a", {}],
  ])("HANDSET_RULES remove %s: a Handset user may hold no number", (_label, before, id, after) => {
    expect(flagsOf(withRemoved(set(before), id, HANDSET_RULES))).toEqual(after);
  });

  it.each<[string, Flags, string]>([
    ["the very last number (Clerk: a user keeps an identification)", { a: "pv" }, "a"],
    ["the very last number, unverified", { a: "p" }, "a"],
    ["the only number not reserved", { a: "pv", b: "vrd" }, "a"],
    ["the primary, when the rest are reserved", { a: "pv", b: "vrd", c: "vr" }, "a"],
    ["a reserved number of a set without identification", { a: "pvrd", b: "vr" }, "b"],
  ])("CLERK_RULES refuse to remove %s: PHONE_NUMBER_LAST_IDENTIFICATION", (_label, before, id) => {
    expect(refusal(() => withRemoved(set(before), id, CLERK_RULES)).code).toBe(
      "PHONE_NUMBER_LAST_IDENTIFICATION",
    );
  });

  it("HANDSET_RULES remove the only number not reserved", () => {
    expect(flagsOf(withRemoved(set({ a: "pv", b: "vrd" }), "a", HANDSET_RULES))).toEqual({ b: "vrd" });
  });

  it("CLERK_RULES remove one identification while another remains", () => {
    expect(flagsOf(withRemoved(set({ a: "pv", b: "", c: "vrd" }), "a", CLERK_RULES))).toEqual({
      b: "",
      c: "vrd",
    });
  });
});

describe("profilePhone", () => {
  it.each<[string, Flags, string | undefined]>([
    ["no number", {}, undefined],
    ["a verified primary", { a: "v", b: "pv" }, "b"],
    ["an unverified primary", { a: "v", b: "p" }, undefined],
    ["verified numbers but no primary", { a: "v", b: "vrd" }, undefined],
  ])("%s", (_label, numbers, id) => {
    expect(profilePhone(set(numbers))?.id).toBe(id);
  });
});

describe("assertMaySendProfileCode", () => {
  const b = e164Of("b");

  it.each<[string, Flags]>([
    ["the user holds no number", {}],
    ["the number is the unverified primary", { b: "p" }],
    ["the number is held unverified beside an unverified primary", { a: "p", b: "" }],
    ["the profile phone is another number, not verified yet", { a: "p" }],
    ["a verified number is held but none is primary", { a: "v" }],
  ])("lets a code go when %s", (_label, numbers) => {
    expect(() => assertMaySendProfileCode(set(numbers), b)).not.toThrow();
  });

  // biome-ignore format: one case per row reads as a table
  it.each<[string, Flags, ErrorCode, RegExp]>([
    ["the number is the verified profile phone", { b: "pv" }, "PHONE_NUMBER_ALREADY_VERIFIED", /for this profile/],
    ["the profile has another verified number", { a: "pv" }, "PROFILE_PHONE_ALREADY_VERIFIED", /delete it/],
    ["the profile has another verified number, and holds this one too", { a: "pv", b: "" }, "PROFILE_PHONE_ALREADY_VERIFIED", /delete it/],
    ["the number is verified but not the primary", { a: "p", b: "v" }, "PHONE_NUMBER_ALREADY_VERIFIED", /not the primary/],
  ])("refuses when %s", (_label, numbers, code, message) => {
    const error = refusal(() => assertMaySendProfileCode(set(numbers), b));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.details.field).toBe("phone_number");
  });
});

describe("assertProfilePhoneChanges", () => {
  const b = e164Of("b");

  it.each<[string, Flags]>([
    ["the user holds no number", {}],
    ["the primary is another number", { a: "pv" }],
    ["the number is held but not primary", { a: "p", b: "v" }],
  ])("accepts a number when %s", (_label, numbers) => {
    expect(() => assertProfilePhoneChanges(set(numbers), b)).not.toThrow();
  });

  it.each<[string, Flags]>([
    ["verified", { a: "v", b: "pv" }],
    ["not verified yet", { b: "p" }],
  ])("refuses the primary's own number, %s, with PROFILE_PHONE_UNCHANGED", (_label, numbers) => {
    expect(refusal(() => assertProfilePhoneChanges(set(numbers), b)).code).toBe("PROFILE_PHONE_UNCHANGED");
  });
});

/** mulberry32: a tiny seeded PRNG, so a failing sequence replays exactly from its seed. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}
type Random = ReturnType<typeof prng>;

const FLAG_CHOICES = [undefined, true, false] as const;
const isReserved = (n: HeldNumber) => n.reservedForSecondFactor;
const identifies = (n: HeldNumber) => !n.reservedForSecondFactor;

/** A set that keeps the invariants (numbers written through any surface's rules look like this). */
function randomSet(random: Random, nextId: () => string): HeldNumber[] {
  const numbers: HeldNumber[] = [];
  for (let i = random.int(6); i > 0; i -= 1) {
    const id = nextId();
    const verified = random.chance(0.6);
    numbers.push({
      id,
      e164: `+3361${id.padStart(7, "0")}`,
      primary: false,
      verified,
      reservedForSecondFactor: verified && random.chance(0.5),
      defaultSecondFactor: false,
    });
  }
  const reserved = numbers.filter(isReserved);
  if (reserved.length > 0) random.pick(reserved).defaultSecondFactor = true;
  if (numbers.length > 0 && random.chance(0.8)) random.pick(numbers).primary = true;
  return numbers;
}

type Step =
  | { op: "add"; added: NewNumber }
  | { op: "change"; id: string; change: NumberChange }
  | { op: "remove"; id: string };

function randomStep(random: Random, numbers: readonly HeldNumber[], nextId: () => string): Step {
  const existing = () => (numbers.length > 0 && random.chance(0.95) ? random.pick(numbers).id : "missing");
  const kind = random.pick(["add", "change", "change", "change", "remove"] as const);
  if (kind === "add") {
    const id = nextId();
    const added: NewNumber = { id, e164: `+3361${id.padStart(7, "0")}`, verified: random.chance(0.6) };
    const primary = random.pick(FLAG_CHOICES);
    const reserved = random.pick(FLAG_CHOICES);
    if (primary !== undefined) added.primary = primary;
    if (reserved !== undefined) added.reservedForSecondFactor = reserved;
    return { op: "add", added };
  }
  if (kind === "remove") return { op: "remove", id: existing() };
  const change: NumberChange = {};
  for (const key of ["primary", "verified", "reservedForSecondFactor", "defaultSecondFactor"] as const) {
    const value = random.chance(0.4) ? random.pick([true, false]) : undefined;
    if (value !== undefined) change[key] = value;
  }
  return { op: "change", id: existing(), change };
}

function apply(numbers: readonly HeldNumber[], step: Step, rules: NumberSetRules): HeldNumber[] {
  if (step.op === "add") return withAdded(numbers, step.added, rules);
  if (step.op === "change") return withChanged(numbers, step.id, step.change, rules);
  return withRemoved(numbers, step.id, rules);
}

/** The catalogue codes each function may refuse with, under each rule set. */
function allowedCodes(op: Step["op"], rules: NumberSetRules): ErrorCode[] {
  const clerk: ErrorCode[] = rules.keepIdentification ? ["PHONE_NUMBER_LAST_IDENTIFICATION"] : [];
  if (op === "add") return ["PHONE_NUMBER_NOT_VERIFIED", ...clerk];
  if (op === "remove") return ["PHONE_NUMBER_NOT_FOUND", ...clerk];
  return [
    "PHONE_NUMBER_NOT_FOUND",
    "PHONE_NUMBER_NOT_VERIFIED",
    "PHONE_NUMBER_NOT_RESERVED",
    "DEFAULT_SECOND_FACTOR_REQUIRED",
    ...clerk,
  ];
}

/** Every way `after` may be wrong, as sentences; empty when the step kept every rule. */
function violations(
  before: readonly HeldNumber[],
  step: Step,
  after: readonly HeldNumber[],
  rules: NumberSetRules,
) {
  const found: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) found.push(what);
  };
  const byId = new Map(after.map((n) => [n.id, n]));
  const targetId = step.op === "add" ? step.added.id : step.id;
  const target = byId.get(targetId);

  // the set: what was asked for is there, nothing else came or went, numbers keep their e164
  const expectedIds =
    step.op === "add"
      ? [...before.map((n) => n.id), step.added.id]
      : step.op === "remove"
        ? before.filter((n) => n.id !== step.id).map((n) => n.id)
        : before.map((n) => n.id);
  check(
    JSON.stringify(after.map((n) => n.id)) === JSON.stringify(expectedIds),
    "the ids are the ones expected",
  );
  for (const n of before) check(!byId.has(n.id) || byId.get(n.id)?.e164 === n.e164, `${n.id} keeps its e164`);

  // the invariants
  const primaries = after.filter((n) => n.primary);
  const defaults = after.filter((n) => n.defaultSecondFactor);
  const reserved = after.filter(isReserved);
  check(primaries.length <= 1, "at most one primary");
  const primaryBefore = before.find((n) => n.primary);
  const primaryLost =
    primaryBefore !== undefined &&
    ((step.op === "remove" && step.id === primaryBefore.id) ||
      (step.op === "change" && step.id === primaryBefore.id && step.change.primary === false));
  if (primaryBefore && !primaryLost) check(primaries.length === 1, "a primary remains");
  if (before.length === 0 && after.length > 0) check(primaries.length === 1, "the first number is primary");
  check(
    after.every((n) => !n.reservedForSecondFactor || n.verified),
    "reserved implies verified",
  );
  check(
    after.every((n) => !n.defaultSecondFactor || n.reservedForSecondFactor),
    "default implies reserved",
  );
  check(defaults.length === (reserved.length > 0 ? 1 : 0), "exactly one default iff any reserved");
  if (rules.keepIdentification && after.length > 0 && !after.some(identifies)) {
    check(before.length > 0 && !before.some(identifies), "an identification remains (CLERK_RULES)");
  }

  // the change did what it said, to its number only
  if (step.op === "add") {
    check(target?.verified === step.added.verified, "an added number keeps its verification");
    if (step.added.primary) check(target?.primary === true, "primary: true on add makes it primary");
    check(
      target?.reservedForSecondFactor === (step.added.reservedForSecondFactor === true),
      "an added number is reserved as asked",
    );
  }
  if (step.op === "change" && target) {
    const c = step.change;
    if (c.primary !== undefined) check(target.primary === c.primary, "primary is as asked");
    if (c.verified !== undefined) check(target.verified === c.verified, "verified is as asked");
    if (c.reservedForSecondFactor !== undefined) {
      check(target.reservedForSecondFactor === c.reservedForSecondFactor, "reserved is as asked");
    }
    if (c.defaultSecondFactor !== undefined) {
      check(target.defaultSecondFactor === c.defaultSecondFactor, "default is as asked");
    }
  }
  for (const n of before) {
    const now = byId.get(n.id);
    if (!now || n.id === targetId) continue;
    check(now.verified === n.verified, `${n.id} keeps its verification`);
    check(now.reservedForSecondFactor === n.reservedForSecondFactor, `${n.id} keeps its reservation`);
    if (
      !(step.op === "change" && step.change.primary === true) &&
      !(step.op === "add" && step.added.primary)
    ) {
      check(now.primary === n.primary, `${n.id} keeps its primary flag`);
    }
    const movedHere = step.op === "change" && step.change.defaultSecondFactor === true;
    if (n.defaultSecondFactor && !movedHere) check(now.defaultSecondFactor, `the default stays on ${n.id}`);
  }
  return found;
}

describe("property: random changes to random sets keep every rule", () => {
  it.each(RULE_SETS)("under %s", (_name, rules) => {
    const seed = rules === CLERK_RULES ? 0xc1e4c : 0x4a4d5e7;
    const random = prng(seed);
    let ids = 0;
    const nextId = () => {
      ids += 1;
      return String(ids);
    };
    const catalogue = new Set<string>(ERROR_CODES);
    const outcomes = new Map<string, number>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    for (let trial = 0; trial < 400; trial += 1) {
      let numbers = randomSet(random, nextId);
      for (let stepIndex = 0; stepIndex < 10; stepIndex += 1) {
        const step = randomStep(random, numbers, nextId);
        const snapshot = structuredClone(numbers);
        const context = () =>
          `seed ${seed}, trial ${trial}, step ${stepIndex}: ${JSON.stringify(step)} on ${JSON.stringify(flagsOf(snapshot))}`;
        let after: HeldNumber[] | undefined;
        try {
          after = apply(numbers, step, rules);
        } catch (error) {
          if (!(error instanceof HandsetError)) throw new Error(`${context()} threw ${String(error)}`);
          expect(catalogue.has(error.code), context()).toBe(true);
          expect(allowedCodes(step.op, rules), context()).toContain(error.code);
          count(error.code);
        }
        expect(numbers, `${context()} must not change its input`).toEqual(snapshot);
        if (after === undefined) continue;
        expect(violations(snapshot, step, after, rules), context()).toEqual([]);
        count(`ok ${step.op}`);
        numbers = after;
      }
    }
    // The walk reached every outcome, so the checks above were not vacuous.
    const refusals = (["add", "change", "remove"] as const).flatMap((op) => allowedCodes(op, rules));
    for (const outcome of ["ok add", "ok change", "ok remove", ...new Set(refusals)]) {
      expect(outcomes.get(outcome) ?? 0, `${outcome} was reached`).toBeGreaterThan(0);
    }
  });
});
