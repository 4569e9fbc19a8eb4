import { describe, expect, it } from "vitest";
import { HandsetError } from "./errors.js";
import { MAX_METADATA_BYTES, mergeMetadata, metadataText } from "./user-profile.js";

describe("mergeMetadata", () => {
  it("merges nested objects, removes keys given null at any level, replaces other values", () => {
    const base = { plan: "free", prefs: { theme: "dark", lang: "en" }, tags: ["a"], gone: 1 };
    const patch = { prefs: { lang: null, tz: "UTC" }, tags: ["b"], gone: null, added: { x: 1 } };
    expect(mergeMetadata(base, patch)).toEqual({
      plan: "free",
      prefs: { theme: "dark", tz: "UTC" },
      tags: ["b"],
      added: { x: 1 },
    });
    // The base is left as it was.
    expect(base.prefs).toEqual({ theme: "dark", lang: "en" });
  });

  it("an object replaces a scalar and a scalar an object", () => {
    expect(mergeMetadata({ a: 1, b: { c: 1 } }, { a: { x: 1 }, b: 2 })).toEqual({ a: { x: 1 }, b: 2 });
  });
});

describe("metadataText", () => {
  it("refuses more than 8 KiB of JSON with the field named", () => {
    const big = { blob: "x".repeat(MAX_METADATA_BYTES) };
    expect(() => metadataText("public_metadata", big)).toThrow(HandsetError);
    try {
      metadataText("public_metadata", big);
    } catch (error) {
      expect((error as HandsetError).details.field).toBe("public_metadata");
    }
    expect(metadataText("public_metadata", { a: 1 })).toBe('{"a":1}');
  });
});
