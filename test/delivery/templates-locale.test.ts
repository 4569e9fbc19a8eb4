import { describe, expect, it } from "vitest";
import { normalizeLocale, preferredLocale } from "../../src/delivery/templates/locale.js";

const AVAILABLE = ["en", "fr", "de", "es", "it", "pt", "nl", "pt-BR"];

describe("normalizeLocale", () => {
  it("canonicalises valid BCP 47 tags", () => {
    expect(normalizeLocale("pt-br")).toBe("pt-BR");
    expect(normalizeLocale("EN")).toBe("en");
    expect(normalizeLocale("zh-hant-tw")).toBe("zh-Hant-TW");
    expect(normalizeLocale(" pt_BR ")).toBe("pt-BR");
  });

  it("returns null for anything that is not a tag, or longer than 35 characters", () => {
    for (const bad of ["", "*", "english!", "en--us", "x", "12", null, undefined]) {
      expect(normalizeLocale(bad), String(bad)).toBeNull();
    }
    expect(normalizeLocale(`en-${"a1b2c3d4-".repeat(4)}x`)).toBeNull();
  });
});

describe("preferredLocale", () => {
  it("takes the explicit field when it is a valid tag, over Accept-Language", () => {
    expect(preferredLocale({ field: "fr-ca", acceptLanguage: "de" }, AVAILABLE)).toBe("fr-CA");
    expect(preferredLocale({ field: "not a tag", acceptLanguage: "de" }, AVAILABLE)).toBe("de");
  });

  it("picks the best Accept-Language match by q-value", () => {
    expect(preferredLocale({ acceptLanguage: "ja;q=1, nl;q=0.4, it;q=0.8" }, AVAILABLE)).toBe("it");
    expect(preferredLocale({ acceptLanguage: "de;q=0.1, es" }, AVAILABLE)).toBe("es");
    expect(preferredLocale({ acceptLanguage: "pt-BR, pt;q=0.9" }, AVAILABLE)).toBe("pt-BR");
    expect(preferredLocale({ acceptLanguage: "fr-CH, en;q=0.5" }, AVAILABLE)).toBe("fr");
  });

  it("refuses languages given q=0 and returns null when nothing matches or nothing is given", () => {
    expect(preferredLocale({ acceptLanguage: "fr;q=0, en;q=0.1" }, AVAILABLE)).toBe("en");
    expect(preferredLocale({ acceptLanguage: "ja, ko" }, AVAILABLE)).toBeNull();
    expect(preferredLocale({ acceptLanguage: null }, AVAILABLE)).toBeNull();
    expect(preferredLocale({}, AVAILABLE)).toBeNull();
    expect(preferredLocale({ acceptLanguage: "fr" }, [])).toBeNull();
  });
});
