import { describe, expect, it } from "vitest";
import { databaseFields, HANDSET_VERSION, startupBanner } from "../../src/app/startup-banner.js";
import { loadConfig } from "../../src/config.js";

const listening = { url: "http://127.0.0.1:4010", devInbox: false };

describe("the start-up banner", () => {
  it("names PostgreSQL's host, port and database, never its password or query", () => {
    const url = "postgres://handset:s3cret-pass@db.internal:6543/handset_prod?sslpassword=other-secret";
    expect(databaseFields(url)).toEqual({
      dialect: "postgres",
      host: "db.internal",
      port: 6543,
      database: "handset_prod",
    });
    const lines = startupBanner(loadConfig({ DATABASE_URL: url }), listening);
    const written = JSON.stringify(lines);
    expect(written).not.toContain("s3cret-pass");
    expect(written).not.toContain("other-secret");
    expect(lines.find((l) => l.msg === "database")?.fields).toMatchObject({ port: 6543 });
  });

  it("warns of the development inbox and test numbers, and says when metrics are off", () => {
    const config = loadConfig({
      HANDSET_TEST_NUMBERS: "+15555550100=000000",
      HANDSET_METRICS: "off",
      HANDSET_ZITADEL_GRPC_PORT: "4011",
    });
    const lines = startupBanner(config, { url: "http://127.0.0.1:4010/", devInbox: true });
    const warnings = lines.filter((l) => l.level === "warn").map((l) => l.msg);
    expect(warnings).toContain("development inbox is on: codes are readable by anyone who reaches it");
    expect(warnings.some((m) => m.startsWith("test numbers are configured"))).toBe(true);
    expect(lines.find((l) => l.msg.startsWith("development inbox is on"))?.fields).toEqual({
      url: "http://127.0.0.1:4010/dev/inbox",
    });
    expect(lines.find((l) => l.msg === "ZITADEL gRPC")?.fields).toEqual({ host: "127.0.0.1", port: 4011 });
    expect(lines.some((l) => l.msg === "metrics off (HANDSET_METRICS=off)")).toBe(true);
    expect(lines.some((l) => l.msg === "metrics")).toBe(false);
    expect(lines[0]?.fields).toMatchObject({ version: HANDSET_VERSION });
    expect(HANDSET_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("says the metrics are open when no token is set", () => {
    const lines = startupBanner(loadConfig({}), listening);
    expect(lines.find((l) => l.msg === "metrics")?.fields).toEqual({
      url: "http://127.0.0.1:4010/metrics",
      protected: false,
    });
    expect(lines.filter((l) => l.level === "warn").map((l) => l.msg)).not.toContain(
      "development inbox is on: codes are readable by anyone who reaches it",
    );
  });
});
