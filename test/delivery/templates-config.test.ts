import { describe, expect, it } from "vitest";
import {
  messageSettingsFromEnv,
  parseMessagesSection,
} from "../../src/delivery/templates/messages-section.js";

const problemsOf = (raw: unknown) => parseMessagesSection(raw).problems;

describe("messages section of the SMS config file", () => {
  it("accepts a full section and canonicalises locales and the domain", () => {
    const { settings, problems } = parseMessagesSection({
      app_name: "Acme",
      default_locale: "pt-br",
      templates: { en: "{code} for {app}, {minutes} min", "pt-br": "{code}" },
      webotp_domain: "Login.Example.COM",
      android_app_hash: "FA+9qCX9VSu",
      tenants: { shop_1: { app_name: "Shop", templates: { fr: "{code}" }, webotp_domain: null } },
    });
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      default_locale: "pt-BR",
      templates: { "pt-BR": "{code}" },
      webotp_domain: "login.example.com",
      tenants: { shop_1: { webotp_domain: null } },
    });
  });

  it("accepts a missing section", () => {
    expect(parseMessagesSection(undefined)).toEqual({ settings: {}, problems: [] });
  });

  it("refuses a template without {code}, naming its key", () => {
    expect(problemsOf({ templates: { fr: "Votre code" } })).toEqual([
      "messages.templates.fr: a template must contain {code}",
    ]);
  });

  it("refuses unknown placeholders, naming the key and the placeholder", () => {
    expect(problemsOf({ tenants: { acme: { templates: { de: "{code} {user} { app }" } } } })).toEqual([
      "messages.tenants.acme.templates.de: unknown placeholder {user}, { app } (allowed: {code}, {app}, {minutes})",
    ]);
  });

  it("refuses a bad locale key, a bad default locale and a duplicate spelling of a locale", () => {
    const problems = problemsOf({
      default_locale: "english!",
      templates: { "not a tag": "{code}", "pt-BR": "{code}", pt_br: "{code}" },
    });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^messages\.default_locale: "english!" is not a BCP 47/);
    expect(problems).toContain("messages.templates.not a tag: not a BCP 47 language tag (like en or pt-BR)");
    expect(problems).toContain("messages.templates.pt_br: a second template for pt-BR");
  });

  it("refuses a WebOTP domain that is not a host name", () => {
    for (const domain of ["https://example.com", "example.com:443", "example.com/login", "-x.example", ""]) {
      expect(problemsOf({ webotp_domain: domain })[0], domain).toMatch(/^messages\.webotp_domain: /);
    }
    expect(problemsOf({ webotp_domain: "localhost" })).toEqual([]);
  });

  it("refuses an app hash that is not 11 base64 characters", () => {
    for (const hash of ["FA+9qCX9VS", "FA+9qCX9VSuX", "FA+9qCX9VS=", "FA-9qCX9VSu"]) {
      expect(problemsOf({ tenants: { t: { android_app_hash: hash } } })[0], hash).toMatch(
        /^messages\.tenants\.t\.android_app_hash: 11 characters/,
      );
    }
  });

  it("refuses unknown keys, a bad tenant id and an app name over two lines", () => {
    expect(problemsOf({ sender: "x" })[0]).toMatch(/^messages: .*sender/);
    expect(problemsOf({ tenants: { t: { template: {} } } })[0]).toMatch(/^messages\.tenants\.t: .*template/);
    expect(problemsOf({ tenants: { "a b": {} } })[0]).toMatch(/^messages\.tenants\.a b: a tenant id/);
    expect(problemsOf({ app_name: "Acme\n@evil.example #1" })).toEqual([
      "messages.app_name: must be on one line",
    ]);
  });
});

describe("message settings from the environment", () => {
  it("defaults the app name to Handset and reads the other three variables", () => {
    expect(messageSettingsFromEnv({})).toEqual({ settings: { app_name: "Handset" }, problems: [] });
    expect(
      messageSettingsFromEnv({
        HANDSET_SMS_SENDER_NAME: "Acme",
        HANDSET_SMS_DEFAULT_LOCALE: "fr-fr",
        HANDSET_SMS_WEBOTP_DOMAIN: "acme.example",
        HANDSET_SMS_ANDROID_APP_HASH: "FA+9qCX9VSu",
      }),
    ).toEqual({
      settings: {
        app_name: "Acme",
        default_locale: "fr-FR",
        webotp_domain: "acme.example",
        android_app_hash: "FA+9qCX9VSu",
      },
      problems: [],
    });
  });

  it("names the variable of each problem", () => {
    const { problems } = messageSettingsFromEnv({
      HANDSET_SMS_DEFAULT_LOCALE: "??",
      HANDSET_SMS_WEBOTP_DOMAIN: "https://acme.example",
      HANDSET_SMS_ANDROID_APP_HASH: "short",
    });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual([
      "HANDSET_SMS_ANDROID_APP_HASH",
      "HANDSET_SMS_DEFAULT_LOCALE",
      "HANDSET_SMS_WEBOTP_DOMAIN",
    ]);
  });
});
