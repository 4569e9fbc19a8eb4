import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { toServiceSid } from "../../src/surfaces/twilio-verify/sids.js";
import { bearer, createTestApp } from "../support/harness.js";
import { inProcessCli } from "./in-process-cli.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("handset verify-services", () => {
  it("creates, lists, shows, updates and deletes; a server on the same data serves them", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "handset-verify-services-cli-"));
    dirs.push(dataDir);
    const cli = inProcessCli(dataDir);
    const created = await cli([
      "verify-services",
      "create",
      "--name",
      "Acme Shop",
      "--code-length",
      "8",
      "--json",
    ]);
    expect(created.code, created.stderr).toBe(0);
    const service = JSON.parse(created.stdout) as { id: string; friendly_name: string; code_length: number };
    expect(service).toMatchObject({ friendly_name: "Acme Shop", code_length: 8 });

    const listed = await cli(["verify-services", "list"]);
    expect(listed.stdout).toContain(service.id);
    expect(listed.stdout).toContain(toServiceSid("default", service.id));
    expect(listed.stdout).toContain("Acme Shop");
    const shown = await cli(["verify-services", "show", service.id]);
    expect(shown.stdout).toMatch(/code length:\s+8/);
    const updated = await cli([
      "verify-services",
      "update",
      service.id,
      "--code-length",
      "default",
      "--custom-codes",
      "on",
      "--json",
    ]);
    expect(updated.code, updated.stderr).toBe(0);
    expect(JSON.parse(updated.stdout)).toMatchObject({
      id: service.id,
      code_length: null,
      custom_code_enabled: true,
    });
    expect((await cli(["verify-services", "show", service.id])).stdout).toMatch(/custom codes:\s+on/);
    expect((await cli(["verify-services", "update", service.id, "--custom-codes", "maybe"])).code).not.toBe(
      0,
    );

    const refused = await cli(["verify-services", "create", "--name", "x".repeat(31)]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("30");
    const badLength = await cli(["verify-services", "create", "--name", "Short", "--code-length", "4"]);
    expect(badLength.code).not.toBe(0);

    const app = await createTestApp({ dataDir, runDispatcher: false });
    try {
      const read = await app.app.inject({
        method: "GET",
        url: `/v1/verify-services/${service.id}`,
        headers: bearer(app.adminKey),
      });
      expect(read.json()).toMatchObject({ friendly_name: "Acme Shop", code_length: null });
    } finally {
      await app.close();
    }

    const deleted = await cli(["verify-services", "delete", service.id]);
    expect(deleted.stdout).toContain(`deleted ${service.id}`);
    expect((await cli(["verify-services", "list"])).stdout).toContain("no verify services");
    const missing = await cli(["verify-services", "show", service.id]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain(`No verify service ${service.id}`);
  });
});
