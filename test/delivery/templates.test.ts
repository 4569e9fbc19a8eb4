import { describe, expect, it } from "vitest";
import { smsText } from "../../src/delivery/sms-text.js";
import { BUILT_IN_TEMPLATES } from "../../src/delivery/templates/built-in-texts.js";
import {
  createMessageRenderer,
  retrieverFitProblems,
} from "../../src/delivery/templates/message-renderer.js";
import { type MessageSettings, MessagesSection } from "../../src/delivery/templates/messages-section.js";

const settings = (raw: unknown): MessageSettings => MessagesSection.parse(raw);
const LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "nl"];
/** A 30-character host, longer than most sites' own. */
const LONG_DOMAIN = "verify.example-company-name.eu";
const HASH = "FA+9qCX9VSu";

describe("built-in texts", () => {
  it("exist for en, fr, de, es, it, pt and nl and name the code, the app and the minutes", () => {
    expect(Object.keys(BUILT_IN_TEMPLATES)).toEqual(expect.arrayContaining(LANGUAGES));
    const renderer = createMessageRenderer(settings({ app_name: "Zork" }));
    for (const locale of LANGUAGES) {
      const { text, locale: used } = renderer.render({
        tenantId: "t",
        locale,
        code: "482913",
        ttlMinutes: 17,
      });
      expect(used).toBe(locale);
      expect(text, locale).toContain("482913");
      expect(text, locale).toContain("Zork");
      expect(text, locale).toContain("17");
    }
  });

  it.each(LANGUAGES)("%s fits one GSM-7 segment with a WebOTP line and an app hash", (locale) => {
    const renderer = createMessageRenderer(
      settings({ app_name: "ABCDEFGHIJK", webotp_domain: LONG_DOMAIN, android_app_hash: HASH }),
    );
    const { text } = renderer.render({ tenantId: "t", locale, code: "999999", ttlMinutes: 99 });
    expect(text.split("\n").at(-1)).toBe(`@${LONG_DOMAIN} #999999`);
    const shape = smsText(text);
    expect(shape.encoding, text).toBe("gsm7");
    expect(shape.units, text).toBeLessThanOrEqual(160);
    expect(shape.segments).toBe(1);
  });

  it.each(LANGUAGES)(
    "%s fits one GSM-7 segment with a 10-digit code, 1440 minutes and a WebOTP line",
    (locale) => {
      const renderer = createMessageRenderer(
        settings({ app_name: "ABCDEFGHIJK", webotp_domain: LONG_DOMAIN }),
      );
      const { text } = renderer.render({ tenantId: "t", locale, code: "9999999999", ttlMinutes: 1440 });
      expect(smsText(text)).toMatchObject({ encoding: "gsm7", segments: 1 });
    },
  );
});

describe("choosing a template", () => {
  const configured = settings({
    app_name: "Service",
    default_locale: "de",
    templates: { en: "SERVICE-EN {code}", fr: "SERVICE-FR {code}" },
    tenants: {
      acme: { app_name: "Acme", default_locale: "nl", templates: { en: "ACME-EN {code} {app}" } },
      plain: {},
    },
  });
  const renderer = createMessageRenderer(configured);
  const render = (tenantId: string, locale: string | null) =>
    renderer.render({ tenantId, locale, code: "123456", ttlMinutes: 10 });

  it("prefers the tenant's template, then the service's, then the built-in for the same locale", () => {
    expect(render("acme", "en")).toEqual({ text: "ACME-EN 123456 Acme", locale: "en" });
    expect(render("plain", "en")).toEqual({ text: "SERVICE-EN 123456", locale: "en" });
    expect(render("acme", "fr")).toEqual({ text: "SERVICE-FR 123456", locale: "fr" });
    expect(render("acme", "it").text).toBe(
      BUILT_IN_TEMPLATES.it?.replace("{code}", "123456").replace("{app}", "Acme").replace("{minutes}", "10"),
    );
  });

  it("falls back from a regional tag to its language, then to the tenant's default, the service's, and English", () => {
    expect(render("acme", "pt-BR").locale).toBe("pt");
    expect(render("acme", "pt-br").locale).toBe("pt");
    expect(render("acme", "xx").locale).toBe("nl");
    expect(render("acme", null).locale).toBe("nl");
    expect(render("plain", "xx").locale).toBe("de");
    expect(render("unknown-tenant", "not a tag!").locale).toBe("de");
    expect(
      createMessageRenderer(settings({})).render({ tenantId: "t", locale: "xx", code: "1", ttlMinutes: 1 })
        .locale,
    ).toBe("en");
  });

  it("uses a regional template over its language when asked for exactly that region", () => {
    const regional = createMessageRenderer(
      settings({ templates: { "pt-BR": "BR {code}", pt: "PT {code}" } }),
    );
    expect(regional.render({ tenantId: "t", locale: "pt-BR", code: "1", ttlMinutes: 1 })).toEqual({
      text: "BR 1",
      locale: "pt-BR",
    });
    expect(regional.render({ tenantId: "t", locale: "pt-PT", code: "1", ttlMinutes: 1 })).toEqual({
      text: "PT 1",
      locale: "pt",
    });
  });

  it("lists a tenant's locales: its own, the service's and the built-in ones", () => {
    expect(renderer.locales("acme").sort()).toEqual([...LANGUAGES].sort());
    const withRegion = createMessageRenderer(
      settings({ tenants: { a: { templates: { "pt-BR": "{code}" } } } }),
    );
    expect(withRegion.locales("a")).toContain("pt-BR");
    expect(withRegion.locales("b")).not.toContain("pt-BR");
  });

  it("fills values once: an app name that looks like a placeholder is printed as it is", () => {
    const sly = createMessageRenderer(
      settings({ app_name: "{code}{minutes}", templates: { en: "{app}: {code} ({minutes} min)" } }),
    );
    expect(sly.render({ tenantId: "t", locale: "en", code: "654321", ttlMinutes: 5 }).text).toBe(
      "{code}{minutes}: 654321 (5 min)",
    );
  });
});

describe("WebOTP line and Android app hash", () => {
  const configured = settings({
    webotp_domain: "Login.Example.com",
    android_app_hash: HASH,
    templates: { en: "Code {code}" },
    tenants: {
      shop: { webotp_domain: "shop.example", android_app_hash: "abcdefghij/" },
      bare: { webotp_domain: null, android_app_hash: null },
    },
  });
  const renderer = createMessageRenderer(configured);
  const text = (tenantId: string) =>
    renderer.render({ tenantId, locale: "en", code: "246810", ttlMinutes: 5 }).text;

  it("ends the text with the hash, then the binding as the exact last line, with nothing after it", () => {
    expect(text("any")).toBe(`Code 246810\n${HASH}\n\n@login.example.com #246810`);
    expect(text("shop")).toBe("Code 246810\nabcdefghij/\n\n@shop.example #246810");
    expect(text("bare")).toBe("Code 246810");
  });

  it("adds neither when neither is configured", () => {
    const none = createMessageRenderer(settings({ templates: { en: "Code {code}" } }));
    expect(none.render({ tenantId: "t", locale: "en", code: "1", ttlMinutes: 1 }).text).toBe("Code 1");
  });

  it("names the setting whose texts overflow the 140 bytes the SMS Retriever reads", () => {
    expect(retrieverFitProblems(configured, { codeLength: 6, ttlMinutes: 10 })).toEqual([]);
    const long = settings({
      android_app_hash: HASH,
      tenants: {
        wordy: { templates: { fr: `${"x".repeat(142)} {code}` } },
        nohash: { android_app_hash: null, templates: { fr: `${"x".repeat(200)} {code}` } },
      },
    });
    const problems = retrieverFitProblems(long, { codeLength: 6, ttlMinutes: 10 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^messages\.tenants\.wordy\.android_app_hash: .*140 bytes.*fr \(161 septets\)/,
    );
  });
});
