import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCore, StartupRefused } from "../../src/app/core.js";
import { withHandset } from "../../src/cli/offline.js";
import { loadConfig } from "../../src/config.js";
import { POSTGRES_DEFAULTS } from "../../src/store/database.js";
import { findTenant } from "../../src/store/tenants.js";
import { TEST_KEYRING } from "../support/harness.js";

/** The composition root the server and the offline CLI share. */
describe("the core", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const production = () => {
    const dir = mkdtempSync(join(tmpdir(), "handset-core-"));
    dirs.push(dir);
    return loadConfig({ NODE_ENV: "production", HANDSET_DATA_DIR: dir, HANDSET_DEFAULT_TENANT: "acme" });
  };

  it("sizes the PostgreSQL pool to the work in flight, and prepares statements, unless told otherwise", () => {
    const defaults = loadConfig({});
    expect(defaults.databasePoolSize).toBe(20);
    expect(defaults.databasePoolSize).toBe(POSTGRES_DEFAULTS.poolSize);
    expect(defaults.databasePreparedStatements).toBe(true);
    const told = loadConfig({
      HANDSET_DATABASE_POOL_SIZE: "6",
      HANDSET_DATABASE_PREPARED_STATEMENTS: "false",
    });
    expect(told).toMatchObject({ databasePoolSize: 6, databasePreparedStatements: false });
  });

  it("refuses a development provider in production for a server, which would deliver with it", async () => {
    await expect(createCore(production(), { keyring: TEST_KEYRING })).rejects.toThrow(StartupRefused);
  });

  it("lets the offline CLI issue credentials in production: it delivers nothing", async () => {
    const config = production();
    const issued = await withHandset(config, (h) => h.credentials.issueAdminKey({ tenantId: "acme" }));
    expect(issued.secret).toMatch(/^hsk_/);
  });

  it("migrates, creates the default tenant and wires the outbox to the dispatcher", async () => {
    const config = production();
    const core = await createCore(config, { keyring: TEST_KEYRING, mode: "offline" });
    try {
      expect(await findTenant(core.store.db, "acme")).toBeDefined();
      expect(core.inbox).not.toBeNull();
      // Only where the development inbox could be shown: never in production.
      expect(core.handset.codes.enabled).toBe(false);
    } finally {
      await core.close();
    }
  });
});
