import { describe, expect, it } from "vitest";
import { HandsetError } from "./errors.js";
import { CLERK_RULES, HANDSET_RULES, type HeldNumber, withChanged } from "./number-set.js";

const held = (id: string, flags: Partial<HeldNumber>): HeldNumber => ({
  id,
  e164: `+336100000${id.charCodeAt(0)}`,
  primary: false,
  verified: true,
  reservedForSecondFactor: false,
  defaultSecondFactor: false,
  ...flags,
});

describe("withChanged", () => {
  it.each([HANDSET_RULES, CLERK_RULES])(
    "refuses to reserve the user's only reserved number with defaultSecondFactor: false (%o)",
    (rules) => {
      const numbers = [held("a", { primary: true }), held("b", {})];
      let caught: unknown;
      try {
        withChanged(numbers, "b", { reservedForSecondFactor: true, defaultSecondFactor: false }, rules);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(HandsetError);
      expect((caught as HandsetError).code).toBe("DEFAULT_SECOND_FACTOR_REQUIRED");
    },
  );
});
