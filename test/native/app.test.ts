import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildApp, StartupRefused } from "../../src/app/server.js";
import { loadConfig } from "../../src/config.js";
import { createTestApp, TEST_KEYRING, type TestApp } from "../support/harness.js";

describe("the application edge", () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it("publishes an OpenAPI 3.1 document of the native API and a docs page", async () => {
    t = await createTestApp();
    const doc = (await t.app.inject({ method: "GET", url: "/openapi.json" })).json();
    expect(doc.openapi).toBe("3.1.0");
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/v1/users",
        "/v1/users/{user_id}",
        "/v1/phone-numbers/{phone_number_id}/send-code",
        "/v1/me/phone-numbers/{phone_number_id}/verify",
      ]),
    );
    expect(paths.every((p) => p.startsWith("/v1"))).toBe(true);
    const verify = doc.paths["/v1/me/phone-numbers/{phone_number_id}/verify"].post;
    expect(verify.requestBody.content["application/json"].schema.properties.code).toBeDefined();
    expect(Object.keys(verify.responses)).toEqual(expect.arrayContaining(["200", "401", "422", "429"]));
    const docs = await t.app.inject({ method: "GET", url: "/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toContain("text/html");
  });

  it("answers health and readiness", async () => {
    t = await createTestApp();
    expect((await t.app.inject({ method: "GET", url: "/healthz" })).json()).toEqual({ status: "ok" });
    expect((await t.app.inject({ method: "GET", url: "/readyz" })).json()).toEqual({
      status: "ready",
      database: "sqlite",
    });
  });

  it("refuses to run the development inbox in production unless told to", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "handset-prod-"));
    try {
      const env = { NODE_ENV: "production", HANDSET_DATA_DIR: dataDir, HANDSET_LOG_LEVEL: "silent" };
      await expect(buildApp(loadConfig(env), { keyring: TEST_KEYRING, logger: false })).rejects.toThrow(
        StartupRefused,
      );
      const allowed = await buildApp(
        loadConfig({ ...env, HANDSET_ALLOW_DEV_PROVIDER_IN_PRODUCTION: "true" }),
        {
          keyring: TEST_KEYRING,
          logger: false,
          runDispatcher: false,
        },
      );
      // Even when allowed, the inbox page that shows codes exists only outside production mode.
      expect((await allowed.app.inject({ method: "GET", url: "/dev/inbox" })).statusCode).toBe(404);
      await allowed.app.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("refuses an incomplete webhook configuration with a clear message", () => {
    expect(() => loadConfig({ HANDSET_SMS_PROVIDER: "webhook" })).toThrow(/HANDSET_WEBHOOK_URL/);
    expect(() => loadConfig({ HANDSET_CODE_LENGTH: "4" })).toThrow(/HANDSET_CODE_LENGTH/);
    // A receiver slower than the claim on a message would let a second dispatcher send it again.
    expect(() =>
      loadConfig({
        HANDSET_SMS_PROVIDER: "webhook",
        HANDSET_WEBHOOK_URL: "https://sms.example.com/hook",
        HANDSET_WEBHOOK_SECRET: "whsec_c2VjcmV0",
        HANDSET_WEBHOOK_TIMEOUT_MS: "60000",
        HANDSET_DISPATCH_LEASE_MS: "60000",
      }),
    ).toThrow(/HANDSET_WEBHOOK_TIMEOUT_MS/);
  });
});
