import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HANDSET_VERSION } from "../../src/app/startup-banner.js";
import { spawnHandsetServer } from "../support/handset-process.js";
import { waitFor } from "../support/sms-receiver.js";

const dir = mkdtempSync(join(tmpdir(), "handset-serve-banner-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

const METRICS_TOKEN = "banner-metrics-token-0123456789";
const WEBHOOK_SECRET = `whsec_${Buffer.from("serve-banner-secret").toString("base64")}`;

describe("handset serve", () => {
  it("logs where SMS go once it listens, at info, with warnings at warn, and no secret", async () => {
    const server = await spawnHandsetServer("banner", {
      HANDSET_DATA_DIR: dir,
      HANDSET_SMS_PROVIDER: "webhook",
      HANDSET_WEBHOOK_URL: "http://127.0.0.1:9/sms",
      HANDSET_WEBHOOK_SECRET: WEBHOOK_SECRET,
      HANDSET_TEST_NUMBERS: "+15555550100=000000",
      HANDSET_METRICS_TOKEN: METRICS_TOKEN,
    });
    try {
      const logs = await waitFor("the SMS messages line", () => {
        const parsed = server
          .output()
          .split("\n")
          .filter((line) => line.startsWith("{"))
          .map((line) => JSON.parse(line) as LogLine);
        return parsed.some((l) => l.msg === "SMS messages") ? parsed : undefined;
      });
      const listening = logs.findIndex((l) => l.msg.startsWith("Server listening at"));
      const banner = logs.slice(listening + 1);
      expect(listening).toBeGreaterThanOrEqual(0);
      expect(banner.find((l) => l.msg === "SMS configuration")).toMatchObject({
        level: 30,
        source: "environment",
      });
      expect(banner.find((l) => l.msg === "SMS provider")).toMatchObject({
        level: 30,
        provider: "webhook",
        type: "webhook",
        description: "signed webhook to http://127.0.0.1:9",
      });
      expect(banner.find((l) => l.msg.startsWith("test numbers are configured"))).toMatchObject({
        level: 40,
        count: 1,
      });
      const base = server.baseUrl;
      expect(banner.find((l) => l.msg === "Handset")).toMatchObject({ level: 30, version: HANDSET_VERSION });
      expect(banner.find((l) => l.msg === "database")).toMatchObject({
        level: 30,
        dialect: "sqlite",
        file: join(dir, "handset.sqlite"),
      });
      expect(banner.filter((l) => l.msg === "surface").map((l) => [l.surface, l.url])).toEqual([
        ["native", `${base}/v1`],
        ["linode", `${base}/linode`],
        ["clerk", `${base}/clerk`],
        ["zitadel", `${base}/zitadel`],
        ["twilio", `${base}/twilio`],
      ]);
      expect(banner.find((l) => l.msg === "listening")).toMatchObject({ url: base });
      expect(banner.find((l) => l.msg === "API docs")).toMatchObject({ url: `${base}/docs` });
      expect(banner.find((l) => l.msg === "console")).toMatchObject({ url: `${base}/console` });
      expect(banner.find((l) => l.msg === "metrics")).toMatchObject({
        url: `${base}/metrics`,
        protected: true,
      });
      expect(server.output()).not.toContain(WEBHOOK_SECRET);
      expect(server.output()).not.toContain(METRICS_TOKEN);
    } finally {
      await server.stop();
    }
  });
});
