import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

describe("the ZITADEL surface's settings", () => {
  const load = (env: Record<string, string>) =>
    loadConfig({ NODE_ENV: "test", HANDSET_DATA_DIR: "/tmp/x", ...env });

  it("reads the CORS origins and the root mount, both off by default", () => {
    expect(load({}).zitadel).toMatchObject({ corsOrigins: [], atRoot: false });
    const set = load({
      HANDSET_ZITADEL_CORS_ORIGINS: " https://app.example.com , http://localhost:3000,*",
      HANDSET_ZITADEL_AT_ROOT: "true",
    });
    expect(set.zitadel).toMatchObject({
      corsOrigins: ["https://app.example.com", "http://localhost:3000", "*"],
      atRoot: true,
    });
  });

  it("refuses an origin with a path or no scheme", () => {
    expect(() => load({ HANDSET_ZITADEL_CORS_ORIGINS: "https://app.example.com/" })).toThrow(/not an origin/);
    expect(() => load({ HANDSET_ZITADEL_CORS_ORIGINS: "app.example.com" })).toThrow(/not an origin/);
  });
});
